import { afterAll } from "@jest/globals";
import type { DataSource } from "typeorm";
import { type Caller } from "@onewindow/contracts";
import {
  localContext,
  subgraphTables,
  type OneWindowError,
  type RequestContext,
  type SubgraphDefinition,
} from "@onewindow/platform";
import { openTestDatabase } from "@onewindow/testing";
import assert from "node:assert/strict";
import { hospitalQuality } from "./index";
import { createServices, type ServiceOptions, type Services } from "./services";

const open: (() => Promise<void>)[] = [];
// Every database a test file opened is closed (and dropped, on PostgreSQL) after its tests.
afterAll(async () => {
  for (const close of open.splice(0)) await close();
});

/**
 * A fresh database with hospital quality's migrations (and the shared outbox and audit trail):
 * in-memory SQLite, or a throw-away PostgreSQL database with `DATABASE_URL`; and its services.
 * `service` labels its SQL statement counter.
 */
export async function openTestDb(
  options: ServiceOptions = {},
): Promise<{ db: DataSource; s: Services; service: string }> {
  const { entities, migrations } = subgraphTables(hospitalQuality as SubgraphDefinition<unknown>);
  const { db, service, close } = await openTestDatabase({ service: "hospital-quality", entities, migrations });
  open.push(close);
  return { db, s: createServices(db, options), service };
}

/** A request context acting as `caller` (anonymous by default), as the subgraph server builds one. */
export function contextFor(db: DataSource, caller: Partial<Caller> = {}): RequestContext {
  return localContext("hospital-quality", hospitalQuality.personalDataReaders, db, caller);
}

/** The administrator of `hospitalCode`, as in a token. */
export const adminOf = (hospitalCode: string): Partial<Caller> => ({
  userId: `admin-${hospitalCode}`,
  roles: ["hospital_admin"],
  hospitalCode,
  purpose: "quality review",
});

const TABLES = [
  "hospital",
  "outpatient_visit",
  "inpatient_stay",
  "follow_up",
  "patient_evaluation",
  "daily_rollup",
  "outbox_event",
];

/** Row counts of every table, and the rollup's sums: a rejected input must change none of them. */
export async function snapshot(db: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of TABLES) counts[t] = Number((await db.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
  const [r] = await db.query(
    "SELECT SUM(outpatient_visits + discharges + discharges_reached + follow_up_calls + device_evaluations + survey_evaluations + phone_evaluations) AS n FROM daily_rollup",
  );
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
export const round = (x: number | null, digits = 4) =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;
