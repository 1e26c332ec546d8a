import { OneWindowError } from "@onewindow/platform";

/**
 * A refusal by one of the department's legal rules: `BAD_USER_INPUT` naming the input field, with
 * `extensions.reason` (a stable code clients may branch on, e.g. `RETIREMENT_BEFORE_EARLIEST_DATE`)
 * and the dates or values the rule compared, so that a clerk's screen can show them.
 */
export class LaborRuleError extends OneWindowError {
  constructor(message: string, field: string, reason: string, details: Record<string, unknown> = {}) {
    super("BAD_USER_INPUT", `${field}: ${message}`, { ...details, field, reason });
  }
}
