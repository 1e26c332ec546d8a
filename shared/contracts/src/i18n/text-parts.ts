import { DEPARTMENT_LABELS, enumLabel } from "./enum-labels";

/** A part of a text with words of its own in each language: a message parameter that differs per language. */
export interface TextPart {
  readonly zh: string;
  readonly en: string;
}

/** Texts joined in each language: the Chinese with `；`, the English with `; `. */
export function joinTexts(texts: readonly TextPart[]): TextPart {
  return { zh: texts.map((t) => t.zh).join("；"), en: texts.map((t) => t.en).join("; ") };
}

/** Items listed in each language: `、` between Chinese items, `, ` between English ones. */
export function listText(items: readonly string[]): TextPart {
  return { zh: items.join("、"), en: items.join(", ") };
}

/** An enum value as a part: its Chinese label, and the value itself in English. */
export function enumPart(enumName: string, value: string): TextPart {
  return { zh: enumLabel(enumName, value), en: value };
}

/** A department (its service name, `labor-security`) as a part: 劳动保障 in Chinese, the name in English. */
export function departmentPart(service: string): TextPart {
  return { zh: (DEPARTMENT_LABELS as Readonly<Record<string, string>>)[service] ?? service, en: service };
}
