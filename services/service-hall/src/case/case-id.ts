import { BadUserInputError } from "@onewindow/platform";

/** Parses a case number input; anything but a positive whole number is the caller's mistake. */
export function parseCaseId(value: string | number, field = "caseId"): number {
  const text = String(value ?? "").trim();
  if (!/^\d{1,12}$/.test(text) || Number(text) === 0)
    throw new BadUserInputError(`"${value}" is not a case number`, field);
  return Number(text);
}
