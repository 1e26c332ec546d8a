import { BadUserInputError } from "@onewindow/platform";
import { HALL } from "../messages";

/** Parses a case number input; anything but a positive whole number is the caller's mistake. */
export function parseCaseId(value: string | number, field = "caseId"): number {
  const text = String(value ?? "").trim();
  if (!/^\d{1,12}$/.test(text) || Number(text) === 0)
    throw new BadUserInputError(HALL.notACaseNumber.with({ value: String(value) }), field);
  return Number(text);
}
