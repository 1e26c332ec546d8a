import { readInt } from "@onewindow/platform";

/** The longest a prescriber-statistics grant may stay open, by the hospital's rule. */
export const MAX_GRANT_MINUTES = 30;

/**
 * How long an approved grant stays open, in seconds: `PRESCRIBER_GRANT_MINUTES` (1..30, default
 * 30). `PRESCRIBER_GRANT_TTL_SECONDS` (1..1800) replaces it for tests that watch a grant expire;
 * it is not meant for production. A malformed value stops the process.
 */
export function grantWindowSecondsFromEnv(env: Record<string, string | undefined> = process.env): number {
  const seconds = env.PRESCRIBER_GRANT_TTL_SECONDS;
  if (seconds !== undefined && seconds !== "")
    return readInt(env, "PRESCRIBER_GRANT_TTL_SECONDS", MAX_GRANT_MINUTES * 60, 1, MAX_GRANT_MINUTES * 60);
  return readInt(env, "PRESCRIBER_GRANT_MINUTES", MAX_GRANT_MINUTES, 1, MAX_GRANT_MINUTES) * 60;
}
