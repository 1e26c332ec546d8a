import { idNumberCheckCharacter, makeIdNumber } from "@onewindow/contracts/demo";
import { checkIdNumber, type IdDocumentKind, type IdNumberInfo } from "@onewindow/contracts/identity";
import { BadUserInputError } from "../errors";

// The check character, the builder and the check itself are the demo population's and the
// pages' too, so they live in contracts.
export { checkIdNumber, idNumberCheckCharacter, makeIdNumber, type IdDocumentKind, type IdNumberInfo };

/** Validates an ID number input; throws BAD_USER_INPUT naming `field` and the problem. */
export function parseIdNumber(value: string, field = "idNumber"): IdNumberInfo {
  const result = checkIdNumber(value);
  if ("problem" in result) throw new BadUserInputError(result.problem, field);
  return result;
}
