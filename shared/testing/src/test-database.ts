import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import {
  createDataSource,
  createLogger,
  postgresDatabaseName,
  withPostgresAdmin,
  type DataSourceOptions,
} from "@onewindow/platform";

/** A test's own database: nothing another test wrote is in it. */
export interface TestDatabase {
  db: DataSource;
  /** The label of its SQL statement counter (unique per database on PostgreSQL). */
  service: string;
  /** Closes it, and drops it on PostgreSQL. */
  close(): Promise<void>;
}

/**
 * A fresh database with the real migrations, for unit tests: in-memory SQLite by default; with
 * `DATABASE_URL` set (the CI's second pass) a throw-away PostgreSQL database, so the same tests
 * prove the SQL, and the locking, on both.
 */
export async function openTestDatabase(
  options: Pick<DataSourceOptions, "service" | "entities" | "migrations">,
): Promise<TestDatabase> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const service = databaseUrl ? `${options.service}-test-${randomBytes(4).toString("hex")}` : options.service;
  const db = await createDataSource({
    ...options,
    // A test's database is fresh: its migrations made the partitions; the tests of the
    // maintenance job run it themselves.
    partitions: [],
    service,
    config: { dataDir: "", databaseUrl },
    logger: createLogger("test", "silent"),
    inMemory: !databaseUrl,
  });
  const close = async () => {
    await db.destroy();
    if (databaseUrl) await dropPostgresDatabase(databaseUrl, postgresDatabaseName(databaseUrl, service));
  };
  return { db, service, close };
}

function dropPostgresDatabase(databaseUrl: string, database: string): Promise<void> {
  return withPostgresAdmin(databaseUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, "")}" WITH (FORCE)`);
  });
}
