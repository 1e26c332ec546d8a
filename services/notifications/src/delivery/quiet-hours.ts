/*
 * Quiet hours: no non-urgent SMS from 21:00 to 08:00 China Standard Time (Asia/Shanghai, UTC+8
 * all year, no daylight saving). The department's own rule of courtesy, as carriers expect of
 * notification senders; it is not a figure a notice sets, so it is code, not data.
 */

const OFFSET_MS = 8 * 3600_000;
const QUIET_FROM = 21;
const QUIET_UNTIL = 8;

/** True when `at` falls in quiet hours. */
export function inQuietHours(at: Date): boolean {
  const hour = new Date(at.getTime() + OFFSET_MS).getUTCHours();
  return hour >= QUIET_FROM || hour < QUIET_UNTIL;
}

/** The end of the quiet hours `at` falls in: 08:00 (Asia/Shanghai) the same morning or the next. */
export function quietHoursEnd(at: Date): Date {
  const local = new Date(at.getTime() + OFFSET_MS);
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), QUIET_UNTIL);
  const day = local.getUTCHours() >= QUIET_FROM ? 86_400_000 : 0;
  return new Date(end + day - OFFSET_MS);
}
