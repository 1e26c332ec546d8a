import { fillPlaceholders, type Language, type LocalizedText, type Message } from "@onewindow/contracts/i18n";

/** A placeholder's value: the same in both languages (a number, an amount, a notice), or a text of its own in each. */
export type TextParam = string | number | LocalizedText;

/**
 * Fills a catalogue message whose placeholders take catalogue texts themselves (a deduction's
 * name, how its cap was reached): the Chinese gets their Chinese and the English their English,
 * which `Message.with` cannot do, since it fills both languages with the same values.
 */
export function withTexts(message: Message, params: Readonly<Record<string, TextParam>>): LocalizedText {
  const side = (language: Language) =>
    Object.fromEntries(
      Object.entries(params).map(([name, value]) => [name, typeof value === "object" ? value[language] : value]),
    );
  return {
    key: message.key,
    zh: fillPlaceholders(message.zh, side("zh")),
    en: fillPlaceholders(message.en, side("en")),
  };
}
