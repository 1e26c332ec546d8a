/** The languages OneWindow speaks: Chinese first, English on request. */
export type Language = "zh" | "en";

/**
 * Values put into a message's `{name}` placeholders: the same in both languages, or a value of
 * its own per language (an enum value's Chinese label and its code, say).
 */
export type MessageParams = Readonly<Record<string, string | number | { readonly zh: string; readonly en: string }>>;

/** A text in both languages, ready to show. */
export interface LocalizedText {
  /** `scope.name` in the catalogue that holds the message. */
  readonly key: string;
  readonly zh: string;
  readonly en: string;
}

/** A catalogue entry: its text, and `with` to fill its placeholders. */
export interface Message extends LocalizedText {
  with(params: MessageParams): LocalizedText;
}

/** How a catalogue is written: the Chinese and English of each message, with `{name}` placeholders. */
export type MessageTexts<K extends string> = Readonly<Record<K, { readonly zh: string; readonly en: string }>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; a missing value stays visible as `{name}` rather than vanishing. */
export function fillPlaceholders(template: string, params: MessageParams, language: Language = "zh"): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name]!;
    return typeof value === "object" ? value[language] : String(value);
  });
}

/** The placeholder names of a template, sorted: both languages of a message must use the same ones. */
export function placeholdersOf(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]!))].sort();
}

/**
 * A department's message catalogue: every text a person may read from it, in Chinese and
 * English, so resolvers and services name messages and never hold strings. `scope` (the
 * department, `labor`) prefixes each message's key.
 */
export function defineMessages<K extends string>(scope: string, texts: MessageTexts<K>): Readonly<Record<K, Message>> {
  const catalogue = {} as Record<K, Message>;
  for (const name of Object.keys(texts) as K[]) {
    const { zh, en } = texts[name];
    const key = `${scope}.${name}`;
    catalogue[name] = {
      key,
      zh,
      en,
      with: (params) => ({ key, zh: fillPlaceholders(zh, params, "zh"), en: fillPlaceholders(en, params, "en") }),
    };
  }
  return Object.freeze(catalogue);
}

/** Every catalogue made by {@link defineMessages} can be listed for checks: the texts of one. */
export function catalogueEntries(catalogue: Readonly<Record<string, Message>>): Message[] {
  return Object.values(catalogue);
}

/**
 * The language a request prefers from its `Accept-Language` header: English only when an
 * English range outranks every Chinese one; Chinese otherwise, and when the header is absent.
 */
export function preferredLanguage(acceptLanguage: string | null | undefined): Language {
  if (!acceptLanguage) return "zh";
  let zh = -1;
  let en = -1;
  // At most a few ranges are read: the header is the client's, and its length is not ours to pay for.
  for (const range of acceptLanguage.split(",", 16)) {
    const [tag = "", ...parameters] = range.trim().toLowerCase().split(";");
    const qParam = parameters.find((p) => p.trim().startsWith("q="));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (!(q >= 0)) continue;
    const primary = tag.split("-")[0];
    if (primary === "zh") zh = Math.max(zh, q);
    else if (primary === "en") en = Math.max(en, q);
  }
  return en > 0 && en > zh ? "en" : "zh";
}
