const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when `value` is a YYYY-MM-DD date that exists on the calendar (proleptic Gregorian, years
 * 0100 to 9999). By arithmetic: every date a department answers with passes here, and a `Date`
 * and its ISO string per value cost a page of 50 people a measurable share of its CPU.
 */
export function isValidDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]);
}
