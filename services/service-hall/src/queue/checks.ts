import type { Message } from "@onewindow/contracts/i18n";
import { BadUserInputError, intInRange } from "@onewindow/platform";
import { HALL } from "../messages";

/** A required whole number from `min` to `max`; BAD_USER_INPUT on `field` otherwise. */
export function requiredInt(value: number | null | undefined, field: string, min: number, max: number): number {
  const n = intInRange(value, field, min, max);
  if (n === null) throw new BadUserInputError(HALL.mustBeGiven, field);
  return n;
}

/**
 * Parses a record number input (a ticket, an appointment); anything but a positive whole number
 * is refused with `notANumber` (a `{value}` message saying what number was expected).
 */
export function parseRecordId(value: string, field: string, notANumber: Message): number {
  const text = String(value ?? "").trim();
  if (!/^\d{1,12}$/.test(text) || Number(text) === 0)
    throw new BadUserInputError(notANumber.with({ value: String(value) }), field);
  return Number(text);
}
