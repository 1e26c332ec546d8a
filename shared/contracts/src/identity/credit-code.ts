import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, organizationCodeCheckCharacter } from "../demo/identifiers";
import type { LocalizedText } from "../i18n/message";
import { IDENTITY } from "./identity.messages";

/** Checks an 18-character unified social credit code; returns what is wrong, or the normalised code. */
export function checkCreditCode(value: string): { problem: LocalizedText } | { creditCode: string; region: string } {
  const code = value.trim().toUpperCase();
  if (code.length !== 18) return { problem: IDENTITY.creditLength.with({ length: code.length }) };
  for (let i = 0; i < 18; i++) {
    if (!CREDIT_CODE_ALPHABET.includes(code[i]!)) {
      return { problem: IDENTITY.creditCharacter.with({ position: i + 1, character: code[i]! }) };
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { problem: IDENTITY.creditRegion.with({ region: code.slice(2, 8) }) };
  if (
    !/^[0-9A-Z]{8}[0-9X]$/.test(code.slice(8, 17)) ||
    code[16] !== organizationCodeCheckCharacter(code.slice(8, 16))
  ) {
    return {
      problem: IDENTITY.organizationCheck.with({
        organization: code.slice(8, 17),
        got: code[16]!,
        expected: organizationCodeCheckCharacter(code.slice(8, 16)),
      }),
    };
  }
  const expected = creditCodeCheckCharacter(code);
  if (code[17] !== expected) return { problem: IDENTITY.creditCheckCharacter.with({ expected, got: code[17]! }) };
  return { creditCode: code, region: code.slice(2, 8) };
}
