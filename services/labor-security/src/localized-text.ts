import {
  enumLabel,
  fillPlaceholders,
  type LocalizedText,
  type Message,
  type MessageParams,
} from "@onewindow/contracts/i18n";

/** A part of a text that has words of its own in each language. */
export type TextPart = Pick<LocalizedText, "zh" | "en">;

/**
 * Fills `message` with `params`, and with `parts` that have words of their own in each language
 * (a ground's name, an education level, the reasons of a refusal, an enum value's label): the
 * Chinese text gets each part's Chinese, the English text its English.
 */
export function withParts(
  message: Message,
  params: MessageParams,
  parts: Readonly<Record<string, TextPart>>,
): LocalizedText {
  const partsIn = (language: keyof TextPart) =>
    Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, part[language]]));
  return {
    key: message.key,
    zh: fillPlaceholders(message.zh, { ...params, ...partsIn("zh") }),
    en: fillPlaceholders(message.en, { ...params, ...partsIn("en") }),
  };
}

/** Texts joined in each language: the Chinese with `；`, the English with `; `. */
export function joinTexts(texts: readonly TextPart[]): TextPart {
  return { zh: texts.map((t) => t.zh).join("；"), en: texts.map((t) => t.en).join("; ") };
}

/** An enum value as a part: its Chinese label (the value itself until it has one) and the value in English. */
export function enumPart(enumName: string, value: string): TextPart {
  return { zh: enumLabel(enumName, value), en: value };
}
