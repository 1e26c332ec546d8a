import { creditCodeCheckCharacter, makeCreditCode, organizationCodeCheckCharacter } from "@onewindow/contracts/demo";
import { checkCreditCode } from "@onewindow/contracts/identity";
import { BadUserInputError } from "../errors";

// GB 32100-2015 and GB 11714-1997: the check characters, the builder and the check are the
// demo population's and the pages' too, so they live in contracts.
export { checkCreditCode, creditCodeCheckCharacter, makeCreditCode, organizationCodeCheckCharacter };

/** Validates a credit code input; throws BAD_USER_INPUT naming `field` and the problem. */
export function parseCreditCode(value: string, field = "creditCode"): string {
  const result = checkCreditCode(value);
  if ("problem" in result) {
    throw new BadUserInputError(result.problem, field);
  }
  return result.creditCode;
}
