import crypto from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { poolFor } from "./read-routing";

/** True when the manager talks to PostgreSQL (placeholders and result types differ from SQLite). */
export function isPostgres(manager: EntityManager): boolean {
  return manager.connection.options.type === "postgres";
}

/**
 * Runs a hand-written statement written with `?` placeholders on either database: PostgreSQL
 * wants `$1, $2, ...`. Used where TypeORM's builders cost too much (bulk seeding, aggregates).
 */
export function runSql<Row extends object = Record<string, unknown>>(
  manager: EntityManager,
  text: string,
  params: unknown[] = [],
): Promise<Row[]> {
  let n = 0;
  const sql = isPostgres(manager) ? text.replace(/\?/g, () => `$${++n}`) : text;
  return manager.query<Row[]>(sql, params);
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row VALUES list. */
export function valuesList(rows: number, columns: number): string {
  const row = `(${new Array(columns).fill("?").join(", ")})`;
  return new Array(rows).fill(row).join(", ");
}

/** Aggregates come back as strings on PostgreSQL (bigint, numeric) and may be null on SQLite. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** The statement names of the prepared texts (bounded: each text is one of the code's own shapes). */
const preparedNames = new Map<string, string>();

/**
 * {@link runSql} for the hot statements, outside any transaction: on PostgreSQL a named prepared
 * statement on the data source's own pool, so each connection parses and plans it once and later
 * runs it from its plan (a citizen's page joins six tables: planning it cost four times running
 * it); SQLite's driver already keeps its statements prepared. Counted and logged through the data
 * source's logger like every statement. Only for texts of a fixed shape (`anyOf` for lists): each
 * text is kept prepared on each connection. With read replicas a plain `SELECT` may run on one
 * (`poolFor`, docs/adr/0012-read-replicas.md).
 */
export async function runPrepared<Row extends object = Record<string, unknown>>(
  db: DataSource,
  text: string,
  params: unknown[] = [],
): Promise<Row[]> {
  if (db.options.type !== "postgres") return db.query<Row[]>(text, params);
  let n = 0;
  const sql = text.replace(/\?/g, () => `$${++n}`);
  let name = preparedNames.get(sql);
  if (!name) preparedNames.set(sql, (name = `ow_${crypto.createHash("sha1").update(sql).digest("hex").slice(0, 24)}`));
  db.logger.logQuery(sql, params);
  const started = Date.now();
  try {
    const pool = await poolFor(db, sql);
    const { rows } = await pool.query({ name, text: sql, values: params });
    const slow = (db.options as { maxQueryExecutionTime?: number }).maxQueryExecutionTime;
    const took = Date.now() - started;
    if (slow && took > slow) db.logger.logQuerySlow(took, sql, params);
    return rows as Row[];
  } catch (err) {
    db.logger.logQueryError(err as Error, sql, params);
    throw err;
  }
}

/**
 * `column` is one of `values`. On PostgreSQL in one of two texts whatever the number (each a
 * prepared statement): `= ?` for one value, `= ANY(?)` with an array for more; `IN (?, …)` on SQLite.
 * One value gets a text of its own because PostgreSQL planned `= ANY(?)` with a one-element array
 * again at every execution: its generic plan, costed for an array of unknown length, never beats
 * the custom plan of one, so it kept making custom plans, and planning a citizen's record (six
 * tables) cost four times running it. `= ?` gets the generic plan from the sixth execution on.
 */
export function anyOf(db: DataSource, column: string, values: readonly unknown[]): { sql: string; params: unknown[] } {
  if (db.options.type === "postgres")
    return values.length === 1
      ? { sql: `${column} = ?`, params: [values[0]] }
      : { sql: `${column} = ANY(?)`, params: [[...values]] };
  return { sql: `${column} IN (${values.map(() => "?").join(", ")})`, params: [...values] };
}
