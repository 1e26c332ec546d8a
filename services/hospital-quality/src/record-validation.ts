import {
  BadUserInputError,
  isValidDate,
  optionalText,
  parseIdNumber,
  todayBy,
  yuanToFen,
  type Clock,
} from "@onewindow/shared";

/**
 * A date that records something that has happened: it exists and is not after today by the
 * department's clock (the shared `parsePastDate` reads the machine's clock, which tests cannot move).
 */
export function parsePastDay(value: string, field: string, clock: Clock): string {
  if (!isValidDate(value))
    throw new BadUserInputError(`日期 ${value} 不存在 (date ${value} does not exist, expected YYYY-MM-DD)`, field);
  const today = todayBy(clock);
  if (value > today)
    throw new BadUserInputError(`日期 ${value} 晚于今天 ${today} (date ${value} is in the future)`, field);
  return value;
}

/** Total and drug cost in fen; drug cost may not exceed the total. */
export function parseCosts(totalCost: number, drugCost: number): { totalFen: number; drugFen: number } {
  const totalFen = yuanToFen(totalCost, "totalCost");
  const drugFen = yuanToFen(drugCost, "drugCost");
  if (drugFen > totalFen)
    throw new BadUserInputError(`drug cost ${drugCost} exceeds the total cost ${totalCost}`, "drugCost");
  return { totalFen, drugFen };
}

/** The optional patient ID number of a record, checked like every ID number in OneWindow. */
export function parsePatient(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  return parseIdNumber(value, "patientIdNumber").idNumber;
}

/** The optional prescriber id of a record. */
export function parsePrescriber(value: string | null | undefined): string | null {
  return optionalText(value, "prescriberId", 40);
}
