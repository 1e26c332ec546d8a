import { BadUserInputError } from "../errors";
import { PLATFORM } from "../messages";

/** Trims a required text input and checks its length; empty or too long is BAD_USER_INPUT. */
export function requiredText(value: string, field: string, maxLength: number): string {
  const text = (value ?? "").trim();
  if (!text) throw new BadUserInputError(PLATFORM.textEmpty, field);
  if (text.length > maxLength)
    throw new BadUserInputError(PLATFORM.textTooLong.with({ max: maxLength, length: text.length }), field);
  return text;
}

/** Like {@link requiredText} for optional inputs: null, undefined and blank become null. */
export function optionalText(value: string | null | undefined, field: string, maxLength: number): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  return requiredText(value, field, maxLength);
}

/** Checks an optional integer input against a range. */
export function intInRange(value: number | null | undefined, field: string, min: number, max: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(PLATFORM.wholeNumberRange.with({ min, max, value }), field);
  }
  return value;
}
