import { BadUserInputError } from "./errors";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a YYYY-MM-DD date that exists on the calendar. */
export function isValidDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Today's date (YYYY-MM-DD) in China Standard Time, the calendar every department works by. */
export function today(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Validates a date input that records something that has happened: it may not lie in the future. */
export function parsePastDate(value: string, field: string): string {
  if (!isValidDate(value)) throw new BadUserInputError(`date ${value} does not exist (expected YYYY-MM-DD)`, field);
  if (value > today()) throw new BadUserInputError(`date ${value} is in the future`, field);
  return value;
}

/** Whole years between a birth date and a day (age on that day). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
