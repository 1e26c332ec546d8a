import type { DataSource } from "typeorm";
import { CreateOutbox1763800000000, OutboxEvent, createDataSource, createLogger, type OneWindowError } from "@onewindow/shared";
import assert from "node:assert/strict";
import { hospitalQuality } from "./index";
import type { Services } from "./services";

/** A fresh in-memory SQLite database with hospital quality's migrations, and its services. */
export async function openTestDb(): Promise<{ db: DataSource; s: Services }> {
  const db = await createDataSource({
    service: "hospital-quality",
    entities: [OutboxEvent, ...(hospitalQuality.entities as Function[])],
    migrations: [CreateOutbox1763800000000, ...hospitalQuality.migrations],
    config: { dataDir: "", databaseUrl: undefined },
    logger: createLogger("test", "silent"),
    inMemory: true,
  });
  return { db, s: hospitalQuality.createServices(db) };
}

const TABLES = ["hospital", "outpatient_visit", "inpatient_stay", "follow_up", "patient_evaluation", "daily_rollup", "outbox_event"];

/** Row counts of every table, and the rollup's sums: a rejected input must change none of them. */
export async function snapshot(db: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of TABLES) counts[t] = Number((await db.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
  const [r] = await db.query("SELECT SUM(outpatient_visits + discharges + discharges_reached + follow_up_calls + device_evaluations + survey_evaluations + phone_evaluations) AS n FROM daily_rollup");
  counts.rollupSum = Number(r.n ?? 0);
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

/** Rounds to `digits` decimals for comparing rates. */
export const round = (x: number | null, digits = 4) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
