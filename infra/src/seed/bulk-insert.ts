import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { Progress } from "./progress";

/**
 * Inserts `total` generated rows in multi-row INSERTs (500 rows each, under SQLite's bound
 * parameter limit), one transaction per 20 chunks, reporting progress. `make` may return
 * several rows or none for an index.
 */
export async function bulkInsert<T extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<T>,
  label: string,
  total: number,
  make: (i: number) => T | T[] | null,
): Promise<number> {
  const progress = new Progress(label, total);
  const CHUNK = 500;
  let written = 0;
  for (let start = 0; start < total; start += CHUNK * 20) {
    await db.transaction(async (tx) => {
      for (let chunk = start; chunk < Math.min(total, start + CHUNK * 20); chunk += CHUNK) {
        const rows: T[] = [];
        for (let i = chunk; i < Math.min(total, chunk + CHUNK); i++) {
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
    progress.update(Math.min(total, start + CHUNK * 20));
  }
  progress.update(total);
  return written;
}
