import assert from "node:assert/strict";
import type { DataSource } from "typeorm";
import { makeIdNumber, subgraphTables, type OneWindowError } from "@onewindow/platform";
import { afterThisTest, openTestDatabase } from "@onewindow/testing";
import type { CalendarAdditions } from "./calendar/working-calendar";
import { serviceHall } from "./index";
import { createServices, type Services } from "./services";
import { NO_ADDITIONS } from "./calendar/working-calendar";

/**
 * Test helpers (not a test file: Jest runs only `*.test.ts`). Every test
 * opens its own database with the hall's migrations (and the shared outbox and inbox): in-memory
 * SQLite, or a throw-away PostgreSQL database when DATABASE_URL is set; and a clock it moves itself.
 */
export interface TestHall {
  db: DataSource;
  s: Services;
  /** The label of the database's SQL statement counter. */
  service: string;
  /** Sets the hall's clock, e.g. "2026-11-23T09:00:00+08:00". */
  setNow(instant: string): void;
}

/** Opens a hall for the current test; its database is closed (and dropped) when the test ends. */
export async function openTestHall(
  now = "2026-11-23T09:00:00+08:00",
  calendarAdditions?: CalendarAdditions,
): Promise<TestHall> {
  const { db, service, close } = await openTestDatabase(subgraphTables(serviceHall as never));
  afterThisTest(close);
  let current = new Date(now);
  const s = createServices(db, { clock: () => current, calendarAdditions: calendarAdditions ?? NO_ADDITIONS });
  return { db, s, service, setNow: (instant) => (current = new Date(instant)) };
}

const TABLES = [
  "service_item",
  "queue_ticket",
  "hall_case",
  "case_task",
  "hall_evaluation",
  "hall_rectification",
  "hall_holiday_schedule",
  "outbox_event",
  "inbox_event",
];

/** Row counts of every table: a rejected input must change none of them. */
export async function snapshot(db: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of TABLES) counts[t] = Number((await db.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
  return counts;
}

/** Asserts that `act` fails with a GraphQL error carrying `code` (and naming `field` when given). */
export async function assertRejects(act: () => Promise<unknown>, code: string, field?: string): Promise<void> {
  await assert.rejects(act, (err: OneWindowError) => {
    assert.equal(err.extensions?.code, code, `expected ${code}, got ${err.extensions?.code}: ${err.message}`);
    if (field) assert.equal(err.extensions?.field, field, err.message);
    return true;
  });
}

/** A valid resident ID number, distinct per `n` below 1000. */
export const person = (n: number) => makeIdNumber("330104", "1965-03-08", n);

/** The outbox rows' event types, in the order written. */
export async function outboxTypes(db: DataSource): Promise<string[]> {
  return (await db.query("SELECT type FROM outbox_event ORDER BY sequence")).map((r: { type: string }) => r.type);
}
