import { addDays, ConfigError, isValidDate } from "@onewindow/platform";
import { HALL_CALENDAR } from "../messages";
import OFFICIAL_SCHEDULES_FILE from "./official-schedules.json";
import { FALLBACK_YEARS, statutoryHolidays } from "./statutory-holidays";

/** One year's State Council schedule (部分节假日安排): its days off and its weekend days worked. */
export interface HolidaySchedule {
  year: number;
  /** Every day off the notice lists, weekend days inside a holiday run included. */
  holidays: readonly string[];
  /** Weekend days the notice makes working days (调休上班). */
  makeUpWorkdays: readonly string[];
  /** The notice (title and document number), and any notice that changed it. */
  source: string;
}

/** Days an installation adds to the schedules (`HALL_HOLIDAYS`, `HALL_MAKEUP_WORKDAYS`): a local day off, say. */
export interface CalendarAdditions {
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
}

/** A year of the calendar as the hall counts it. */
export interface CalendarYear {
  year: number;
  /** True when the State Council's schedule for the year is loaded; false: the statutory days alone. */
  official: boolean;
  source: string;
  holidays: string[];
  makeUpWorkdays: string[];
}

export const NO_ADDITIONS: CalendarAdditions = Object.freeze({ holidays: [], makeUpWorkdays: [] });

/**
 * The first and last day a schedule of `year` may name: its New Year run may start in the last
 * week of the year before (the 2019 notice: 2018-12-29 worked, 2018-12-30 off) or end in the first
 * days of the next.
 */
export function scheduleWindow(year: number): { from: string; to: string } {
  return { from: `${year - 1}-12-25`, to: `${year + 1}-01-03` };
}

const expand = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
};

/**
 * The schedules of 2004-2026 as the State Council's notices set them (official-schedules.json,
 * one entry per notice with its document number and gov.cn address). The database table
 * `hall_holiday_schedule` is seeded from it; an administrator loads later years with
 * `setHolidaySchedule`.
 */
export const OFFICIAL_SCHEDULES: readonly HolidaySchedule[] = OFFICIAL_SCHEDULES_FILE.map((e) => ({
  year: e.year,
  holidays: e.holidays.flatMap((h) => expand(h.from, h.to)),
  makeUpWorkdays: e.makeUpWorkdays,
  source: e.source,
}));

/** True for a Saturday or Sunday. */
export const isWeekend = (day: string): boolean => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
};
const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * Which days the hall counts as working days for promised time limits (承诺时限): Monday to
 * Friday, minus the days off of the State Council's schedule, plus its weekend days worked. A
 * year without a schedule falls back to the statutory holidays of the 《全国年节及纪念日放假办法》
 * in force that year (statutory-holidays.ts) and says so (`year(y).official` is false). The
 * installation's additions (`HALL_HOLIDAYS`, `HALL_MAKEUP_WORKDAYS`) come on top of either.
 */
export class WorkingCalendar {
  /** Day → true for a day off, false for a weekend day worked, from every schedule. */
  private readonly scheduled = new Map<string, boolean>();
  private readonly schedules = new Map<number, HolidaySchedule>();
  private readonly fallbacks = new Map<number, Set<string>>();
  private readonly addedHolidays: Set<string>;
  private readonly addedWorkdays: Set<string>;

  constructor(
    schedules: Iterable<HolidaySchedule> = OFFICIAL_SCHEDULES,
    private readonly additions: CalendarAdditions = NO_ADDITIONS,
  ) {
    for (const s of schedules) {
      this.schedules.set(s.year, s);
      for (const d of s.holidays) this.scheduled.set(d, true);
      for (const d of s.makeUpWorkdays) this.scheduled.set(d, false);
    }
    this.addedHolidays = new Set(additions.holidays);
    this.addedWorkdays = new Set(additions.makeUpWorkdays);
  }

  /** True when the State Council's schedule of `year` is loaded. */
  isOfficial(year: number): boolean {
    return this.schedules.has(year);
  }

  /** The statutory days of a year without a schedule (none outside the years the fallback computes). */
  private fallback(year: number): Set<string> {
    let days = this.fallbacks.get(year);
    if (!days) {
      days =
        year >= FALLBACK_YEARS.from && year <= FALLBACK_YEARS.to
          ? new Set(statutoryHolidays(year).holidays.map((h) => h.date))
          : new Set<string>();
      this.fallbacks.set(year, days);
    }
    return days;
  }

  isWorkingDay(day: string): boolean {
    if (this.addedWorkdays.has(day)) return true;
    if (this.addedHolidays.has(day)) return false;
    const scheduled = this.scheduled.get(day);
    if (scheduled !== undefined) return !scheduled;
    const year = yearOf(day);
    if (!this.isOfficial(year) && this.fallback(year).has(day)) return false;
    return !isWeekend(day);
  }

  /**
   * The deadline of a case opened on `openedOn` with a time limit of `workingDays`: the
   * `workingDays`-th working day after the opening day (the day itself does not count, as a
   * case opened at 16:50 must not lose a day). 0 is "on the spot": the opening day itself.
   */
  deadline(openedOn: string, workingDays: number): string {
    let day = openedOn;
    for (let left = workingDays; left > 0;) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) left--;
    }
    return day;
  }

  /**
   * The days off and weekend days worked that fall in `year`, with where they come from: the
   * year's schedule (and the next year's, whose New Year run may start in this December), or the
   * statutory days when the year has none; the installation's additions on top.
   */
  year(year: number): CalendarYear {
    const inYear = (d: string) => yearOf(d) === year;
    const official = this.isOfficial(year);
    const holidays = new Set<string>();
    const workdays = new Set<string>();
    const sources: string[] = [];
    for (const y of [year, year - 1, year + 1]) {
      const s = this.schedules.get(y);
      if (!s) continue;
      const days = s.holidays.filter(inYear);
      const worked = s.makeUpWorkdays.filter(inYear);
      if (y === year || days.length + worked.length > 0) sources.push(s.source);
      days.forEach((d) => holidays.add(d));
      worked.forEach((d) => workdays.add(d));
    }
    if (!official && year >= FALLBACK_YEARS.from && year <= FALLBACK_YEARS.to) {
      const statutory = statutoryHolidays(year);
      sources.unshift(HALL_CALENDAR.statutoryFallback.with({ year, statute: statutory.source }).zh);
      for (const h of statutory.holidays) if (!this.scheduled.has(h.date)) holidays.add(h.date);
    }
    const added = (days: readonly string[]) => days.filter(inYear);
    if (added(this.additions.holidays).length + added(this.additions.makeUpWorkdays).length > 0)
      sources.push(HALL_CALENDAR.localAdditions.zh);
    for (const d of added(this.additions.holidays)) {
      holidays.add(d);
      workdays.delete(d);
    }
    for (const d of added(this.additions.makeUpWorkdays)) {
      workdays.add(d);
      holidays.delete(d);
    }
    return {
      year,
      official,
      source: sources.join("；"),
      holidays: [...holidays].sort(),
      makeUpWorkdays: [...workdays].sort(),
    };
  }
}

/** Parses a comma-separated list of YYYY-MM-DD dates from an environment variable. */
function dateList(env: Record<string, string | undefined>, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return [];
  const days = raw
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean);
  const bad = days.find((d) => !isValidDate(d));
  if (bad) throw new ConfigError(name, `must list YYYY-MM-DD dates, got "${bad}"`);
  return days;
}

/**
 * The installation's additions from the environment: `HALL_HOLIDAYS` and `HALL_MAKEUP_WORKDAYS`,
 * comma-separated dates, ADDED to the State Council's schedules (a local day off, a notice not yet
 * loaded). A malformed date, or a date in both, stops the process.
 */
export function calendarAdditionsFromEnv(env: Record<string, string | undefined> = process.env): CalendarAdditions {
  const holidays = dateList(env, "HALL_HOLIDAYS");
  const makeUpWorkdays = dateList(env, "HALL_MAKEUP_WORKDAYS");
  const both = holidays.find((d) => makeUpWorkdays.includes(d));
  if (both) throw new ConfigError("HALL_HOLIDAYS", `and HALL_MAKEUP_WORKDAYS both list ${both}`);
  return { holidays, makeUpWorkdays };
}
