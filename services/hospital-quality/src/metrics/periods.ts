import { addDays } from "@onewindow/platform";
import { Granularity } from "./metrics.enums";

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
