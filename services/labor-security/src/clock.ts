import { BadUserInputError, isValidDate, todayBy, type Clock } from "@onewindow/shared";

/**
 * Validates a date input that records something that has happened, by the department's clock
 * (the shared `parsePastDate` reads the machine's): it may not lie in the future.
 */
export function parsePastDateBy(clock: Clock, value: string, field: string): string {
  if (!isValidDate(value))
    throw new BadUserInputError(
      `日期 ${value} 不存在（格式 YYYY-MM-DD）/ date ${value} does not exist (expected YYYY-MM-DD)`,
      field,
    );
  const today = todayBy(clock);
  if (value > today)
    throw new BadUserInputError(`日期 ${value} 晚于今天 ${today} / date ${value} is in the future`, field);
  return value;
}
