import { BadUserInputError, optionalText, parseIdNumber, yuanToFen } from "@onewindow/platform";
import { HOSPITAL } from "./messages";

/** Total and drug cost in fen; drug cost may not exceed the total. */
export function parseCosts(totalCost: number, drugCost: number): { totalFen: number; drugFen: number } {
  const totalFen = yuanToFen(totalCost, "totalCost");
  const drugFen = yuanToFen(drugCost, "drugCost");
  if (drugFen > totalFen)
    throw new BadUserInputError(HOSPITAL.drugCostOverTotal.with({ drugCost, totalCost }), "drugCost");
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
