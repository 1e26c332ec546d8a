import { BadUserInputError } from "../errors";

// GB 32100-2015: 31 characters (no I, O, S, V, Z); weights 3^i mod 31; check = 31 - (sum mod 31).
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// GB 11714-1997 organization code (characters 9-17): digits count as themselves and letters
// A-Z as 10-35 (its own scale, not the credit code's alphabet), weighted, with a MOD 11 check.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const orgValue = (ch: string) => (ch <= "9" ? Number(ch) : ch.charCodeAt(0) - 55);

/** The check character (18th) of a unified social credit code, from its first 17 characters. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** The check character (9th) of the organization code embedded at characters 9-17. */
export function organizationCodeCheckCharacter(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(first8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** Checks an 18-character unified social credit code; returns what is wrong, or the normalised code. */
export function checkCreditCode(value: string): { problem: string } | { creditCode: string; region: string } {
  const code = value.trim().toUpperCase();
  if (code.length !== 18) return { problem: `must be 18 characters, got ${code.length}` };
  for (let i = 0; i < 18; i++) {
    if (!ALPHABET.includes(code[i])) {
      return { problem: `character ${i + 1} "${code[i]}" is not allowed (I, O, S, V and Z are never used)` };
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { problem: `region code ${code.slice(2, 8)} must be 6 digits` };
  if (
    !/^[0-9A-Z]{8}[0-9X]$/.test(code.slice(8, 17)) ||
    code[16] !== organizationCodeCheckCharacter(code.slice(8, 16))
  ) {
    return {
      problem: `organization code ${code.slice(8, 17)} has check character ${code[16]}, should be ${organizationCodeCheckCharacter(code.slice(8, 16))}`,
    };
  }
  const expected = creditCodeCheckCharacter(code);
  if (code[17] !== expected) return { problem: `check character should be ${expected}, got ${code[17]}` };
  return { creditCode: code, region: code.slice(2, 8) };
}

/** Validates a credit code input; throws BAD_USER_INPUT naming `field` and the problem. */
export function parseCreditCode(value: string, field = "creditCode"): string {
  const result = checkCreditCode(value);
  if ("problem" in result) {
    throw new BadUserInputError(`invalid unified social credit code "${value}": ${result.problem}`, field);
  }
  return result.creditCode;
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
