/**
 * Dates and times as the pages show them: China Standard Time whatever the browser's own zone
 * or locale, in Chinese (2026年11月26日 09:28:20). Every page formats through these, so one
 * format runs through them all.
 */

/** The time zone of every date and time shown: the hall's. */
export const TIME_ZONE = "Asia/Shanghai";

/** What a missing value shows as. */
const NONE = "—";

const dateFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "long",
  day: "numeric",
});
const weekdayDateFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "long",
  day: "numeric",
  weekday: "long",
});
const timeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});
/** The year, month and day in Shanghai, as digits. */
const dayParts = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** A calendar date without a time (the API's `Date`: 2026-11-26). */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date, time or `Date`; null, undefined, "" and what cannot be read give undefined. */
export type When = string | number | Date | null | undefined;

function toDate(value: When): Date | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  // A calendar date is that day in Shanghai: noon there, so no zone moves it to another day.
  const date =
    typeof value === "string" && DATE_ONLY.test(value) ? new Date(`${value}T12:00:00+08:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** 2026年11月26日 (with `weekday`: 2026年11月26日星期四); "—" when there is no date. */
export function formatDate(value: When, options: { weekday?: boolean } = {}): string {
  const date = toDate(value);
  if (!date) return NONE;
  return (options.weekday ? weekdayDateFormat : dateFormat).format(date);
}

/** 09:28:20, on the 24-hour clock; "—" when there is no time. */
export function formatTime(value: When): string {
  const date = toDate(value);
  return date ? timeFormat.format(date) : NONE;
}

/** 2026年11月26日 09:28:20; a calendar date alone (2026-11-26) is shown as a date; "—" when there is none. */
export function formatDateTime(value: When): string {
  const date = toDate(value);
  if (!date) return NONE;
  if (typeof value === "string" && DATE_ONLY.test(value)) return dateFormat.format(date);
  return `${dateFormat.format(date)} ${timeFormat.format(date)}`;
}

/** 2008年1月1日 至 2010年12月31日. */
export function formatDateRange(from: When, to: When): string {
  return `${formatDate(from)} 至 ${formatDate(to)}`;
}

/** The day in Shanghai as the API writes dates (2026-11-26), for a query's variables. */
export function shanghaiDay(value: Date = new Date()): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    dayParts.formatToParts(value).find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}
