import type { EntityManager } from "typeorm";

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
