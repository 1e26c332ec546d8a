import { addDays, ConfigError, isValidDate } from "@onewindow/platform";
import { CHINA_2026_HOLIDAYS, CHINA_2026_MAKEUP_WORKDAYS } from "./china-holidays";

/**
 * Which days the hall counts as working days for promised time limits (承诺时限): Monday to
 * Friday, minus public holidays, plus the weekend days a holiday moved work to.
 */
export class WorkingCalendar {
  private readonly holidays: Set<string>;
  private readonly makeupWorkdays: Set<string>;

  constructor(
    holidays: Iterable<string> = CHINA_2026_HOLIDAYS,
    makeupWorkdays: Iterable<string> = CHINA_2026_MAKEUP_WORKDAYS,
  ) {
    this.holidays = new Set(holidays);
    this.makeupWorkdays = new Set(makeupWorkdays);
  }

  isWorkingDay(day: string): boolean {
    if (this.makeupWorkdays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
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
}

/** Parses a comma-separated list of YYYY-MM-DD dates from an environment variable. */
function dateList(env: Record<string, string | undefined>, name: string): string[] | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return null;
  const days = raw
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean);
  const bad = days.find((d) => !isValidDate(d));
  if (bad) throw new ConfigError(name, `must list YYYY-MM-DD dates, got "${bad}"`);
  return days;
}

/**
 * The calendar from the environment: `HALL_HOLIDAYS` and `HALL_MAKEUP_WORKDAYS`, comma-separated
 * dates, replace the built-in 2026 lists (each on its own). A malformed date stops the process.
 */
export function calendarFromEnv(env: Record<string, string | undefined> = process.env): WorkingCalendar {
  return new WorkingCalendar(
    dateList(env, "HALL_HOLIDAYS") ?? CHINA_2026_HOLIDAYS,
    dateList(env, "HALL_MAKEUP_WORKDAYS") ?? CHINA_2026_MAKEUP_WORKDAYS,
  );
}
