import { addDays } from "@onewindow/contracts/demo";
import { isValidDate } from "@onewindow/contracts/identity";
import { BadUserInputError } from "./errors";
import { PLATFORM } from "./messages";

// Day arithmetic the demo population needs, and the date check the pages use: in contracts.
export { addDays, isValidDate };

/** A department's clock; tests pass a fixed one so that days, ages and deadlines are known. */
export type Clock = () => Date;

/** The machine's clock. */
export const systemClock: Clock = () => new Date();

const DEFAULT_TIME_ZONE = "Asia/Shanghai";
const calendars = new Map<string, Intl.DateTimeFormat>();

/**
 * The deployment's time zone (`TIME_ZONE`, an IANA name; Asia/Shanghai by default): the calendar
 * every "today" is read in, whatever zone the machine itself is set to. Read once per zone; an
 * unknown name is refused at the first use, which `loadBaseConfig` makes start-up.
 */
export function calendarOf(zone: string = process.env.TIME_ZONE || DEFAULT_TIME_ZONE): Intl.DateTimeFormat {
  let calendar = calendars.get(zone);
  if (!calendar) {
    try {
      // en-CA writes dates as YYYY-MM-DD.
      calendar = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
    } catch {
      throw new Error(`TIME_ZONE ${zone} is not a time zone this runtime knows (an IANA name such as Asia/Shanghai)`);
    }
    calendars.set(zone, calendar);
  }
  return calendar;
}

/** The last day {@link today} read: its zone, the minute it was read in, and the date. */
let lastDay = { zone: "", minute: Number.NaN, day: "" };

/**
 * Today's date (YYYY-MM-DD) in the deployment's time zone, the calendar every department works by.
 * Formatting a date in a zone costs microseconds and a request may ask several times, so the
 * day is kept for the minute it was read in: every zone's midnight falls on a whole minute (no zone
 * has had an offset with seconds since Liberia's in 1972).
 */
export function today(now = new Date()): string {
  const zone = process.env.TIME_ZONE || DEFAULT_TIME_ZONE;
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastDay.minute !== minute || lastDay.zone !== zone) lastDay = { zone, minute, day: calendarOf(zone).format(now) };
  return lastDay.day;
}

/** Today's date by `clock`. */
export const todayBy = (clock: Clock): string => today(clock());

/**
 * Validates a date input that records something that has happened, by the department's clock:
 * it may not lie in the future.
 */
export function parsePastDate(value: string, field: string, clock: Clock = systemClock): string {
  if (!isValidDate(value)) throw new BadUserInputError(PLATFORM.dateNotExisting.with({ value }), field);
  const day = todayBy(clock);
  if (value > day) throw new BadUserInputError(PLATFORM.dateInFuture.with({ value, today: day }), field);
  return value;
}

/** Whole years between a birth date and a day (age on that day). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
