import { BadUserInputError, intInRange } from "@onewindow/platform";

/** A required whole number from `min` to `max`; BAD_USER_INPUT on `field` otherwise. */
export function requiredInt(value: number | null | undefined, field: string, min: number, max: number): number {
  const n = intInRange(value, field, min, max);
  if (n === null) throw new BadUserInputError("must be given", field);
  return n;
}

/** Parses a record number input (a ticket, an appointment); anything but a positive whole number is refused. */
export function parseRecordId(value: string, field: string, what: string): number {
  const text = String(value ?? "").trim();
  if (!/^\d{1,12}$/.test(text) || Number(text) === 0)
    throw new BadUserInputError(`"${value}" 不是${what}编号 / not a ${field}`, field);
  return Number(text);
}
