import {
  CREDIT_CODE_ALPHABET as ALPHABET,
  creditCodeCheckCharacter,
  makeCreditCode,
  organizationCodeCheckCharacter,
} from "@onewindow/contracts/demo";
import { BadUserInputError } from "../errors";

// GB 32100-2015 and GB 11714-1997: the check characters and the builder are the demo
// population's too, so they live in contracts.
export { creditCodeCheckCharacter, makeCreditCode, organizationCodeCheckCharacter };

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
