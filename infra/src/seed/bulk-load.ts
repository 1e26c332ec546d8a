import type { Client } from "pg";
import { Progress } from "./progress";

/** A table's secondary indexes (not those of a constraint), to drop before a bulk load and build after. */
async function secondaryIndexes(db: Client, table: string): Promise<{ name: string; definition: string }[]> {
  const { rows } = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = $1 AND schemaname = current_schema()
       AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    [table],
  );
  return rows.map((r) => ({ name: r.indexname, definition: r.indexdef }));
}

/** One table's rows for {@link bulkLoad}, computed by PostgreSQL from the row number `i` (bigint, from 1). */
export interface BulkLoad {
  table: string;
  /** The columns written, comma-separated. */
  columns: string;
  /** The SELECT list, one expression per column, over `i` (and whatever `join` brings in). */
  select: string;
  total: number;
  params: unknown[];
  /** Joined after `generate_series(…) AS g(i)`, e.g. `JOIN seed_person p ON p.k = g.i % 10`. */
  join?: string;
}

/**
 * Inserts `total` rows into `table` by `INSERT … SELECT` over generate_series in chunks of 500,000
 * (no data crosses the wire), with progress on stderr, the table's secondary indexes dropped
 * during the load and built afterwards. Ordinary INSERTs, so a partitioned table routes each row
 * to its partition. `db` is one connection: its session's settings (`synchronous_commit`,
 * `session_replication_role`, temporary tables) hold for every chunk.
 */
export async function bulkLoad(
  db: Client,
  { table, columns, select, total, params, join = "" }: BulkLoad,
): Promise<void> {
  const indexes = await secondaryIndexes(db, table);
  for (const { name } of indexes) await db.query(`DROP INDEX "${name}"`);
  const chunk = 500_000;
  const progress = new Progress(`${table} rows`, total);
  for (let start = 1; start <= total; start += chunk) {
    const end = Math.min(total, start + chunk - 1);
    await db.query(
      `INSERT INTO ${table} (${columns}) SELECT ${select} FROM generate_series(${start}::bigint, ${end}::bigint) AS g(i) ${join}`,
      params,
    );
    progress.update(end);
  }
  if (total === 0) progress.update(0);
  const built = new Progress(`${table} indexes`, indexes.length);
  built.update(0);
  for (const [n, { definition }] of indexes.entries()) {
    await db.query(definition);
    built.update(n + 1);
  }
}
