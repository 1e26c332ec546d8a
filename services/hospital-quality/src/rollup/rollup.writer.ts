import type { EntityManager } from "typeorm";
import { runSql, valuesList } from "@onewindow/platform";
import { ROLLUP_COUNTERS, RollupAccumulator, type RollupDelta, type RollupKey } from "./rollup-delta";

const COLUMNS = ["hospital_code", "day", "department", ...ROLLUP_COUNTERS];
// Each row has 17 parameters; 1,000 rows stay far below SQLite's and PostgreSQL's limits.
const ROWS_PER_STATEMENT = 1000;
const UPSERT_TAIL =
  `ON CONFLICT (hospital_code, day, department) DO UPDATE SET ` +
  ROLLUP_COUNTERS.map((c) => `${c} = daily_rollup.${c} + excluded.${c}`).join(", ");

/**
 * Adds deltas to `daily_rollup` with one upsert per batch of rows. It must run on the manager
 * of the transaction that writes the records: a rollup then never disagrees with its records.
 * `INSERT ... ON CONFLICT DO UPDATE` increments atomically on SQLite and PostgreSQL alike, so
 * concurrent records of one day never lose an update.
 */
export async function applyRollup(tx: EntityManager, entries: { key: RollupKey; delta: RollupDelta }[]): Promise<void> {
  for (let start = 0; start < entries.length; start += ROWS_PER_STATEMENT) {
    const chunk = entries.slice(start, start + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    for (const { key, delta } of chunk) {
      params.push(key.hospitalCode, key.day, key.department, ...ROLLUP_COUNTERS.map((c) => delta[c] ?? 0));
    }
    await runSql(
      tx,
      `INSERT INTO daily_rollup (${COLUMNS.join(", ")}) VALUES ${valuesList(chunk.length, COLUMNS.length)} ${UPSERT_TAIL}`,
      params,
    );
  }
}

/** Adds one record's delta to its rollup row. */
export function addToRollup(tx: EntityManager, key: RollupKey, delta: RollupDelta): Promise<void> {
  return applyRollup(tx, [{ key, delta }]);
}

/** Writes everything an accumulator gathered and empties it. */
export async function flushRollup(tx: EntityManager, acc: RollupAccumulator): Promise<void> {
  await applyRollup(tx, acc.entries());
  acc.clear();
}
