/**
 * The check characters of the two national identifiers and builders of valid ones, with the day
 * arithmetic the demo population needs. They live here, beside the demo population, because
 * contracts depends on nothing; the platform's validators (`checkIdNumber`, `checkCreditCode`)
 * and `addDays` are these same functions, imported from here.
 */

// GB 11643-1999: weights are 2^(17-i) mod 11; the check character maps (sum mod 11) through this table.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** The ISO 7064 MOD 11-2 check character (GB 11643-1999) for the first 17 digits of an ID number. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** Builds a valid ID number from its parts (demo data and tests). `sequence` is 0..999. */
export function makeIdNumber(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate.replace(/-/g, "")}${String(sequence).padStart(3, "0")}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** GB 32100-2015: the 31 characters of a unified social credit code (no I, O, S, V, Z). */
export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
// Weights 3^i mod 31; check = 31 - (sum mod 31).
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// GB 11714-1997 organization code (characters 9-17): digits count as themselves and letters
// A-Z as 10-35 (its own scale, not the credit code's alphabet), weighted, with a MOD 11 check.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const orgValue = (ch: string) => (ch <= "9" ? Number(ch) : ch.charCodeAt(0) - 55);

/** The check character (18th) of a unified social credit code, from its first 17 characters. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** The check character (9th) of the organization code embedded at characters 9-17. */
export function organizationCodeCheckCharacter(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(first8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/**
 * Builds a valid credit code (demo data and tests): registration authority 9 (industry and
 * commerce), type 1 (enterprise), a region and an 8-digit organization serial.
 */
export function makeCreditCode(region: string, serial: number): string {
  const org8 = String(serial).padStart(8, "0");
  const first17 = `91${region}${org8}${organizationCodeCheckCharacter(org8)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
