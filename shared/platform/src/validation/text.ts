import { BadUserInputError } from "../errors";

/** Trims a required text input and checks its length; empty or too long is BAD_USER_INPUT. */
export function requiredText(value: string, field: string, maxLength: number): string {
  const text = (value ?? "").trim();
  if (!text) throw new BadUserInputError("must not be empty", field);
  if (text.length > maxLength)
    throw new BadUserInputError(`must be at most ${maxLength} characters, got ${text.length}`, field);
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
    throw new BadUserInputError(`must be a whole number from ${min} to ${max}, got ${value}`, field);
  }
  return value;
}
