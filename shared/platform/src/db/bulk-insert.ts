import type { EntityManager } from "typeorm";
import { isPostgres, runSql, valuesList } from "./sql";

/** A column of a bulk insert, with the PostgreSQL array type its values travel as. */
export interface BulkColumn {
  name: string;
  pgType: "varchar" | "date" | "bigint" | "integer" | "boolean" | "text";
}

// SQLite binds at most 32,766 parameters per statement.
const SQLITE_PARAMETERS = 30_000;
const PG_ROWS = 20_000;

/**
 * Inserts many rows with few statements; returns the generated ids in insertion order when
 * `returnIds` is set. PostgreSQL gets one array per column through `unnest` (a handful of
 * parameters however many rows), SQLite multi-row VALUES lists. Ids come back sorted: both
 * databases draw them in VALUES order within one statement.
 */
export async function bulkInsert(
  tx: EntityManager,
  table: string,
  columns: BulkColumn[],
  rows: unknown[][],
  returnIds = false,
): Promise<number[]> {
  const ids: number[] = [];
  const names = columns.map((c) => c.name).join(", ");
  const returning = returnIds ? " RETURNING id" : "";
  const pg = isPostgres(tx);
  const perStatement = pg ? PG_ROWS : Math.floor(SQLITE_PARAMETERS / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    let result: { id: number | string }[];
    if (pg) {
      const arrays = columns.map((_, c) => chunk.map((row) => row[c]));
      const unnest = columns.map((c) => `?::${c.pgType}[]`).join(", ");
      result = await runSql(tx, `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${unnest})${returning}`, arrays);
    } else {
      result = await runSql(
        tx,
        `INSERT INTO ${table} (${names}) VALUES ${valuesList(chunk.length, columns.length)}${returning}`,
        chunk.flat(),
      );
    }
    if (returnIds) ids.push(...result.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}
