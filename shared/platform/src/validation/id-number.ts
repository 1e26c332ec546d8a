import { BadUserInputError } from "../errors";
import { isValidDate } from "../dates";

/** What a valid resident ID number says about its holder. */
export interface IdNumberInfo {
  idNumber: string;
  /** The 6-digit administrative division code of the place of first registration. */
  region: string;
  birthDate: string;
  gender: "MALE" | "FEMALE";
}

// GB 11643-1999: weights are 2^(17-i) mod 11; the check character maps (sum mod 11) through this table.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";
// First two digits: provinces, autonomous regions and municipalities (GB/T 2260), plus 71/81/82.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82,
]);

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/**
 * Checks an 18-character resident ID number (GB 11643-1999) and returns what is wrong with it,
 * in words a clerk can act on, or the facts it encodes.
 */
export function checkIdNumber(value: string, today = new Date()): { problem: string } | IdNumberInfo {
  const id = value.trim().toUpperCase();
  if (id.length !== 18) return { problem: `must be 18 characters, got ${id.length}` };
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { problem: "must be 17 digits followed by a digit or X" };
  }
  if (!PROVINCES.has(Number(id.slice(0, 2)))) {
    return { problem: `region code ${id.slice(0, 6)} is not a known province` };
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidDate(birthDate)) return { problem: `birth date ${birthDate} does not exist` };
  if (birthDate < "1900-01-01") return { problem: `birth date ${birthDate} is before 1900` };
  if (birthDate > today.toISOString().slice(0, 10)) return { problem: `birth date ${birthDate} is in the future` };
  const expected = idNumberCheckCharacter(id);
  if (id[17] !== expected) return { problem: `check character should be ${expected}, got ${id[17]}` };
  return {
    idNumber: id,
    region: id.slice(0, 6),
    birthDate,
    gender: Number(id[16]) % 2 === 1 ? "MALE" : "FEMALE",
  };
}

/** Validates an ID number input; throws BAD_USER_INPUT naming `field` and the problem. */
export function parseIdNumber(value: string, field = "idNumber"): IdNumberInfo {
  const result = checkIdNumber(value);
  if ("problem" in result)
    throw new BadUserInputError(`invalid resident ID number "${value}": ${result.problem}`, field);
  return result;
}

/** Builds a valid ID number from its parts (demo data and tests). `sequence` is 0..999. */
export function makeIdNumber(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate.replace(/-/g, "")}${String(sequence).padStart(3, "0")}`;
  return first17 + idNumberCheckCharacter(first17);
}
