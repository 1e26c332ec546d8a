import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { DataSource, type EntityManager, type EntityTarget, type Logger as TypeOrmLogger, type MixedList, type EntitySchema, type ObjectLiteral } from "typeorm";
import type { BaseConfig } from "./config";
import type { Logger } from "./logger";
import { SCRAPE_QUERY, sqlQueries } from "./metrics";
import { assertAppendOnlyAudit, grantRuntimeRole } from "./runtime-role";

/** What a service hands to {@link createDataSource}. */
export interface DataSourceOptions {
  /** The service name (`labor-security`): names the SQLite file or the PostgreSQL database. */
  service: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: Function[];
  config: Pick<BaseConfig, "dataDir" | "databaseUrl" | "databaseMigrationUrl">;
  logger: Logger;
  /** Unit tests only: a throw-away in-memory SQLite database. */
  inMemory?: boolean;
}

/** Counts every statement (the batching tests read the counter) and logs failures. */
class CountingLogger implements TypeOrmLogger {
  constructor(private readonly service: string, private readonly logger: Logger) {}
  logQuery(query: string): void {
    // The scrape's own reads (outbox backlog, dead letters) are not the service's work: counting
    // them moved the counter at every scrape, and a reader waiting for it to settle never returned.
    if (query.startsWith(SCRAPE_QUERY)) return;
    sqlQueries.inc({ service: this.service });
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger.debug({ err: error, query }, "SQL statement failed");
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ time, query }, "slow SQL statement");
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger.info({ migration: message }, "migration");
  }
  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") this.logger.warn(String(message));
  }
}

/** The PostgreSQL database that holds `service`'s tables: `<database in DATABASE_URL>_<service>`. */
export function postgresDatabaseName(databaseUrl: string, service: string): string {
  const base = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, "")) || "onewindow";
  return `${base}_${service.replace(/-/g, "_")}`;
}

/**
 * Runs `work` with a client of the server's maintenance database (`postgres`) on the server of
 * `databaseUrl`: where databases are created and dropped. The client is closed afterwards.
 */
export async function withPostgresAdmin<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const admin = new URL(databaseUrl);
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the service's PostgreSQL database when it does not exist yet. */
export function ensurePostgresDatabase(databaseUrl: string, database: string): Promise<void> {
  return withPostgresAdmin(databaseUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`).catch((err: { code?: string }) => {
        // Another process created it between our check and our CREATE.
        if (err.code !== "42P04" && err.code !== "23505") throw err;
      });
    }
  });
}

/**
 * Opens the service's own database and runs its migrations (never `synchronize`):
 * a SQLite file per service under `DATA_DIR` by default, or with `DATABASE_URL` one
 * PostgreSQL database per service, created when missing. With `DATABASE_MIGRATION_URL` too, that
 * role (the tables' owner) creates the database and runs the migrations, and the returned source
 * serves as `DATABASE_URL`'s role, which must not be able to rewrite the audit trail.
 */
export async function createDataSource(options: DataSourceOptions): Promise<DataSource> {
  const { service, entities, migrations, config, logger } = options;
  const common = {
    entities,
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: "each" as const,
    logger: new CountingLogger(service, logger),
    maxQueryExecutionTime: 1000,
  };
  let dataSource: DataSource;
  let sqliteFile: string | undefined;
  if (config.databaseUrl && !options.inMemory) {
    const database = postgresDatabaseName(config.databaseUrl, service);
    const at = (databaseUrl: string) => {
      const url = new URL(databaseUrl);
      url.pathname = `/${database}`;
      return url.toString();
    };
    if (config.databaseMigrationUrl) {
      // The owner creates and shapes the database, grants the runtime role its share, and leaves.
      await ensurePostgresDatabase(config.databaseMigrationUrl, database);
      const owner = new DataSource({ type: "postgres", url: at(config.databaseMigrationUrl), extra: { max: 1 }, ...common });
      await owner.initialize();
      try {
        await grantRuntimeRole(owner, decodeURIComponent(new URL(config.databaseUrl).username));
      } finally {
        await owner.destroy();
      }
      dataSource = new DataSource({ type: "postgres", url: at(config.databaseUrl), extra: { max: 10 }, ...common, migrationsRun: false });
      await dataSource.initialize();
      try {
        await assertAppendOnlyAudit(dataSource);
      } catch (err) {
        await dataSource.destroy();
        throw err;
      }
      return dataSource;
    }
    await ensurePostgresDatabase(config.databaseUrl, database);
    dataSource = new DataSource({ type: "postgres", url: at(config.databaseUrl), extra: { max: 10 }, ...common });
  } else {
    let database = ":memory:";
    if (!options.inMemory) {
      database = sqliteFile = path.join(config.dataDir, `${service}.sqlite`);
      createPrivateFile(config.dataDir, database);
    }
    dataSource = new DataSource({
      type: "better-sqlite3",
      database,
      enableWAL: !options.inMemory,
      timeout: 10_000,
      // With WAL, NORMAL still never corrupts the database; it only fsyncs at checkpoints.
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        db.pragma("synchronous = NORMAL");
      },
      ...common,
    });
    serializeTransactions(dataSource);
  }
  await dataSource.initialize();
  // SQLite makes the WAL and shared-memory files itself, with the database file's mode or wider
  // under a loose umask: keep them as private as the database.
  if (sqliteFile) for (const suffix of ["-wal", "-shm"]) chmodIfExists(`${sqliteFile}${suffix}`, 0o600);
  return dataSource;
}

/**
 * Makes `dir` (0700) and `file` in it (0600), or narrows them to those modes when they exist:
 * the database holds citizens' personal data, which no other account on the host may read.
 */
export function createPrivateFile(dir: string, file: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  fs.closeSync(fs.openSync(file, "a", 0o600));
  fs.chmodSync(file, 0o600);
}

function chmodIfExists(file: string, mode: number): void {
  try {
    fs.chmodSync(file, mode);
  } catch (err) {
    if ((err as { code?: string }).code !== "ENOENT") throw err;
  }
}

/**
 * TypeORM's SQLite driver shares one connection and one query runner, and would nest a second
 * concurrent transaction inside the first as a savepoint, so one could commit or roll back the
 * other's writes. SQLite writes one transaction at a time anyway: queue them.
 */
function serializeTransactions(dataSource: DataSource): void {
  const transaction = dataSource.transaction.bind(dataSource) as (...args: unknown[]) => Promise<unknown>;
  let queue: Promise<unknown> = Promise.resolve();
  dataSource.transaction = ((...args: unknown[]) => {
    const run = queue.then(() => transaction(...args));
    queue = run.catch(() => undefined);
    return run;
  }) as DataSource["transaction"];
}

/** True for a unique or primary-key violation on PostgreSQL or SQLite (a lost race to insert). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code ?? "";
  return code === "23505" || code.startsWith("SQLITE_CONSTRAINT_PRIMARYKEY") || code.startsWith("SQLITE_CONSTRAINT_UNIQUE");
}

/**
 * Reads one row by id and, on PostgreSQL, keeps it locked until `tx` ends, so that two
 * transactions deciding from the same rows (the last task of a case confirmed by two departments
 * at once) take turns instead of each missing the other's uncommitted write. SQLite needs no
 * lock: its transactions already run one at a time (see `serializeTransactions`).
 */
export function findOneForUpdate<T extends ObjectLiteral>(tx: EntityManager, entity: EntityTarget<T>, id: number | string): Promise<T | null> {
  const query = tx.createQueryBuilder(entity, "row").where("row.id = :id", { id });
  if (tx.connection.options.type === "postgres") query.setLock("pessimistic_write");
  return query.getOne();
}

/**
 * Runs `work` in the caller's transaction when there is one (an event handler's inbox
 * transaction), else in a new one: the same business act serves a clerk and an event.
 */
export function inTransaction<T>(db: DataSource, tx: EntityManager | undefined, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return tx ? work(tx) : db.transaction(work);
}
