import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
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

/** How a long seeding step reports: `done` of `total` items of `step` (a label for people) so far. */
export type SeedProgress = (done: number, total: number, step: string) => void;

const ENTITY_ROWS = 500; // rows per INSERT: under SQLite's bound-parameter limit for any entity here
const ENTITY_CHUNKS = 20; // INSERTs per transaction

/**
 * Inserts the rows `make` generates for indexes 0 … total - 1 as entities (their columns,
 * transformers and defaults are TypeORM's), 500 rows per INSERT and 20 INSERTs per transaction,
 * calling `onProgress` after each committed transaction. `make` may return several rows or none
 * for an index. Returns how many rows it wrote. For demo seeding: plain inserts, no events.
 */
export async function bulkInsertEntities<T extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<T>,
  total: number,
  make: (i: number) => T | T[] | null,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < total; start += ENTITY_ROWS * ENTITY_CHUNKS) {
    const end = Math.min(total, start + ENTITY_ROWS * ENTITY_CHUNKS);
    await db.transaction(async (tx) => {
      for (let chunk = start; chunk < end; chunk += ENTITY_ROWS) {
        const rows: T[] = [];
        for (let i = chunk; i < Math.min(end, chunk + ENTITY_ROWS); i++) {
          const made = make(i);
          if (Array.isArray(made)) rows.push(...made);
          else if (made) rows.push(made);
        }
        if (rows.length)
          await tx
            .createQueryBuilder()
            .insert()
            .into(entity)
            .values(rows as never)
            .execute();
        written += rows.length;
      }
    });
    onProgress?.(end, total);
  }
  if (total === 0) onProgress?.(0, 0);
  return written;
}
