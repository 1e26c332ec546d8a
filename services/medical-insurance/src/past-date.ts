import { BadUserInputError, isValidDate, todayBy, type Clock } from "@onewindow/shared";

/**
 * A date that records something that has happened (a visit, the start of an enrolment): it exists
 * and is not after today by the department's clock. The shared `parsePastDate` reads the machine's
 * clock, which tests and a replayed day cannot move.
 */
export function parsePastDay(value: string, field: string, clock: Clock): string {
  if (!isValidDate(value))
    throw new BadUserInputError(`日期 ${value} 不存在 (date ${value} does not exist, expected YYYY-MM-DD)`, field);
  const today = todayBy(clock);
  if (value > today)
    throw new BadUserInputError(`日期 ${value} 晚于今天 ${today} (date ${value} is in the future)`, field);
  return value;
}
