import { isValidDate } from "../dates";

/*
 * Generations over dates. A cached answer about a period depends on the records of its days; a
 * change on one day moves the generations of that day, its month, its year and the whole scope,
 * so that a reader may depend on whichever of them covers its period with the fewest keys (a
 * year's figures on one key, a fortnight's on fourteen) and still sees every change inside it.
 */

/** A read that would need more generations than this depends on coarser ones (month, year, the scope). */
export const MAX_PERIOD_GENERATIONS = 40;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The generations a change of `scope` on `day` (YYYY-MM-DD) moves: the scope itself, its year,
 * its month and its day (`hospital:JD001`, `hospital:JD001/2010`, `hospital:JD001/2010-03`,
 * `hospital:JD001/2010-03-15`). Pass them to `AggregateCache.changed`.
 */
export function dayGenerations(scope: string, day: string): string[] {
  if (!isValidDate(day)) return [scope];
  return [scope, `${scope}/${day.slice(0, 4)}`, `${scope}/${day.slice(0, 7)}`, `${scope}/${day}`];
}

/**
 * The generations an answer about `scope` over `from..to` (both inclusive) depends on: a year
 * key for each whole calendar year inside the period, a month key for each other whole month,
 * a day key for each remaining day. When that is more than `max` keys, partial months depend on
 * their month, then partial years on their year, and at last the whole scope on its one key:
 * always a superset of the period's days, so no change inside the period goes unseen. A period
 * that is not one (a date that does not exist, `from` after `to`) depends on the scope's key.
 */
export function periodGenerations(
  scope: string,
  from: string,
  to: string,
  max: number = MAX_PERIOD_GENERATIONS,
): string[] {
  if (!isValidDate(from) || !isValidDate(to) || from > to) return [scope];
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  if (ty - fy + 1 > max) return [scope];
  const years: string[] = [];
  const months: string[] = [];
  const days: string[] = [];
  // Months as (year * 12 + month - 1), walked from the first to the last month the period touches.
  const first = fy * 12 + fm - 1;
  const last = ty * 12 + tm - 1;
  for (let index = first; index <= last; index++) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const start = index === first ? fd : 1;
    const end = index === last ? td : lastDayOfMonth(year, month);
    const whole = start === 1 && end === lastDayOfMonth(year, month);
    // January 1st to December 31st of one year inside the period.
    const wholeYear = month === 1 && start === 1 && (index + 11 < last || (index + 11 === last && td === 31));
    if (wholeYear) {
      years.push(`${scope}/${pad(year, 4)}`);
      index += 11;
      continue;
    }
    if (whole) months.push(`${scope}/${pad(year, 4)}-${pad(month)}`);
    else for (let d = start; d <= end; d++) days.push(`${scope}/${pad(year, 4)}-${pad(month)}-${pad(d)}`);
  }
  if (years.length + months.length + days.length <= max) return [...years, ...months, ...days];
  // Partial months on their month keys.
  const monthKeys = new Set(months);
  for (const day of days) monthKeys.add(day.slice(0, day.length - 3));
  if (years.length + monthKeys.size <= max) return [...years, ...monthKeys];
  // Partial years on their year keys.
  const yearKeys = new Set(years);
  for (const month of monthKeys) yearKeys.add(month.slice(0, month.length - 3));
  return yearKeys.size <= max ? [...yearKeys] : [scope];
}
