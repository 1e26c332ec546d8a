import { addDays } from "@onewindow/platform";
import { ComparisonBasis, Granularity, PeriodComparison } from "./metrics.enums";

/** Days in `from..to`, both inclusive. */
export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}

/** The period of the same length that ends the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  return { from: addDays(from, -daysIn(from, to)), to: addDays(from, -1) };
}

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The month `months` calendar months after `month` (YYYY-MM; negative goes back). */
function shiftMonth(month: string, months: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The same day a year earlier; 29 February becomes 28 February. */
function yearBefore(day: string): string {
  const shifted = `${String(Number(day.slice(0, 4)) - 1).padStart(4, "0")}${day.slice(4)}`;
  return shifted.endsWith("-02-29") ? `${shifted.slice(0, 8)}28` : shifted;
}

/** The calendar unit `from..to` is exactly (a whole month, quarter or year), or null for any other range. */
export function calendarUnitOf(from: string, to: string): Granularity | null {
  if (!from.endsWith("-01")) return null;
  const month = from.slice(0, 7);
  if (to === lastDayOfMonth(month)) return Granularity.MONTH;
  const m = Number(from.slice(5, 7));
  if (m % 3 === 1 && to === lastDayOfMonth(shiftMonth(month, 2))) return Granularity.QUARTER;
  if (from.slice(5) === "01-01" && to === `${from.slice(0, 4)}-12-31`) return Granularity.YEAR;
  return null;
}

/**
 * The period `from..to` is compared with, and on what basis. For a whole calendar month, quarter
 * or year, 环比 (PREVIOUS_PERIOD) is the calendar unit before it and 同比 (SAME_PERIOD_LAST_YEAR)
 * the same unit a year earlier, as statistical reports compare them (so March is compared with
 * the whole of February, 28 or 29 days). Any other range is compared with the same number of days
 * just before it, or with the same dates a year earlier; `basis` says which was done.
 */
export function comparisonPeriod(
  from: string,
  to: string,
  compareWith: PeriodComparison,
): { from: string; to: string; basis: ComparisonBasis } {
  const unit = calendarUnitOf(from, to);
  const month = from.slice(0, 7);
  if (compareWith === PeriodComparison.SAME_PERIOD_LAST_YEAR) {
    if (unit === Granularity.MONTH || unit === Granularity.QUARTER) {
      const start = shiftMonth(month, -12);
      const last = shiftMonth(start, unit === Granularity.MONTH ? 0 : 2);
      return {
        from: `${start}-01`,
        to: lastDayOfMonth(last),
        basis:
          unit === Granularity.MONTH ? ComparisonBasis.SAME_MONTH_LAST_YEAR : ComparisonBasis.SAME_QUARTER_LAST_YEAR,
      };
    }
    if (unit === Granularity.YEAR)
      return { from: yearBefore(from), to: yearBefore(to), basis: ComparisonBasis.PREVIOUS_YEAR };
    return { from: yearBefore(from), to: yearBefore(to), basis: ComparisonBasis.SAME_DAYS_LAST_YEAR };
  }
  if (unit === Granularity.MONTH || unit === Granularity.QUARTER) {
    const months = unit === Granularity.MONTH ? 1 : 3;
    const start = shiftMonth(month, -months);
    return {
      from: `${start}-01`,
      to: addDays(from, -1),
      basis: unit === Granularity.MONTH ? ComparisonBasis.PREVIOUS_MONTH : ComparisonBasis.PREVIOUS_QUARTER,
    };
  }
  if (unit === Granularity.YEAR)
    return { from: yearBefore(from), to: yearBefore(to), basis: ComparisonBasis.PREVIOUS_YEAR };
  return { ...previousPeriod(from, to), basis: ComparisonBasis.PREVIOUS_DAYS };
}

/** The calendar months `from..to` touches, each clipped to the period. */
export function monthsOf(from: string, to: string): { month: string; start: string; end: string }[] {
  const months = [];
  let start = from;
  while (start <= to) {
    const month = start.slice(0, 7);
    const last = lastDayOfMonth(month);
    const end = last < to ? last : to;
    months.push({ month, start, end });
    start = addDays(last, 1);
  }
  return months;
}

/** The bucket a month belongs to: `2010-03`, `2010-Q1` or `2010`. */
export function bucketOf(month: string, granularity: Granularity): string {
  if (granularity === Granularity.MONTH) return month;
  if (granularity === Granularity.YEAR) return month.slice(0, 4);
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/** The buckets of `from..to`, in order, each clipped to the period, with the months they hold. */
export function bucketsOf(
  from: string,
  to: string,
  granularity: Granularity,
): { label: string; start: string; end: string; months: string[] }[] {
  const buckets: { label: string; start: string; end: string; months: string[] }[] = [];
  for (const m of monthsOf(from, to)) {
    const label = bucketOf(m.month, granularity);
    const last = buckets.at(-1);
    if (last?.label === label) {
      last.end = m.end;
      last.months.push(m.month);
    } else {
      buckets.push({ label, start: m.start, end: m.end, months: [m.month] });
    }
  }
  return buckets;
}
