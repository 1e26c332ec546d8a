import type { LocalizedText } from "@onewindow/contracts/i18n";
import { OneWindowError } from "@onewindow/platform";

/**
 * A refusal by one of the department's legal rules: `BAD_USER_INPUT` naming the input field, with
 * `extensions.reason` (a stable code clients may branch on, e.g. `RETIREMENT_BEFORE_EARLIEST_DATE`)
 * and the dates or values the rule compared, so that a clerk's screen can show them. The text
 * comes from the catalogue (`messages.ts`): Chinese in `extensions.localizedMessage`, the English
 * `message` prefixed with the field as `BadUserInputError` does.
 */
export class LaborRuleError extends OneWindowError {
  constructor(text: LocalizedText, field: string, reason: string, details: Record<string, unknown> = {}) {
    super("BAD_USER_INPUT", text, { ...details, field, reason }, `${field}: ${text.en}`);
  }
}
