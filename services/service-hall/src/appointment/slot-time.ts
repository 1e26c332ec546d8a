import { BadUserInputError } from "@onewindow/platform";
import { HALL_APPOINTMENT } from "../messages";

/*
 * Slots are wall-clock times (HH:MM) of the hall's day in the deployment's time zone (TIME_ZONE,
 * Asia/Shanghai by default, as every "today"); appointments also keep their instants, which
 * compare with the clock as ISO strings.
 */

const HHMM = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

const zoneOf = () => process.env.TIME_ZONE || "Asia/Shanghai";

/** Minutes after midnight of an `HH:MM` input (24:00 is the end of the day); BAD_USER_INPUT otherwise. */
export function parseTime(value: string, field: string): number {
  const text = String(value ?? "").trim();
  if (!HHMM.test(text)) throw new BadUserInputError(HALL_APPOINTMENT.timeFormat.with({ value: String(value) }), field);
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
}

/** `HH:MM` of minutes after midnight. */
export function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The wall-clock time of `instant` in the zone, read as if it were UTC (milliseconds). */
function wallMillis(instant: number, zone: string): number {
  const p = Object.fromEntries(
    wallClock(zone)
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  );
  return Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
}

/** The instant (ISO 8601) of `minutes` after midnight of `day` in the hall's time zone. */
export function instantOf(day: string, minutes: number, zone = zoneOf()): string {
  const asUtc = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  const offset = wallMillis(asUtc, zone) - asUtc;
  return new Date(asUtc - offset).toISOString();
}
