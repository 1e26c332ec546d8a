import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import {
  DataSource,
  type EntityManager,
  type EntityTarget,
  type Logger as TypeOrmLogger,
  type ObjectLiteral,
  type QueryRunner,
} from "typeorm";
import type { BaseConfig } from "./config";
import {
  maintainPartitions,
  type MaintenanceOptions,
  type PartitionedTable,
  type PartitionReport,
} from "./db/partitions";
import type { Logger } from "./logger";
import { SCRAPE_QUERY, sqlQueries } from "./metrics";
import { routeReads } from "./db/read-routing";
import { assertAppendOnlyAudit, grantRuntimeRole } from "./runtime-role";

/** A class TypeORM maps (an entity) or runs (a migration). */
export type Constructor = abstract new (...args: never[]) => object;

/** What a service hands to {@link createDataSource}. */
export interface DataSourceOptions {
  /** The service name (`labor-security`): names the SQLite file or the PostgreSQL database. */
  service: string;
  entities: Constructor[];
  migrations: Constructor[];
  config: Pick<BaseConfig, "dataDir" | "databaseUrl" | "databaseMigrationUrl"> &
    Partial<Pick<BaseConfig, "databaseMigrations" | "databaseReplicaUrls" | "databaseReplicaMaxWaitMs">>;
  logger: Logger;
  /** Unit tests only: a throw-away in-memory SQLite database. */
  inMemory?: boolean;
  /**
   * The tables PostgreSQL keeps partitioned: whoever runs the migrations also runs the
   * maintenance job on them ({@link maintainPartitions}) right after.
   */
  partitions?: readonly PartitionedTable[];
  /** `EVENT_LOG_RETENTION_DAYS` for that job (see `EventsConfig.logRetentionDays`); default 180. */
  logRetentionDays?: number;
}

/**
 * The maintenance job on a freshly migrated database, as its owner: partitions for the coming
 * periods, rows out of the default partitions, expired event partitions dropped. PostgreSQL only.
 */
async function maintain(owner: DataSource, options: DataSourceOptions): Promise<void> {
  if (!options.partitions?.length || owner.options.type !== "postgres") return;
  await maintainPartitions(owner, options.partitions, {
    retentionDays: options.logRetentionDays ?? 180,
    // What changed; a table already as it should be is no news at every start.
    progress: (line) => {
      if (!line.endsWith("up to date")) options.logger.info({ service: options.service }, line);
    },
  });
}

/** Counts every statement (the batching tests read the counter) and logs failures. */

/** The longest SQL text a slow-statement warning logs. */
const MAX_LOGGED_QUERY = 500;
class CountingLogger implements TypeOrmLogger {
  constructor(
    private readonly service: string,
    private readonly logger: Logger,
  ) {}
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
    // A bulk insert's text runs to hundreds of kilobytes of placeholders: its start says which it is.
    const shown =
      query.length > MAX_LOGGED_QUERY ? `${query.slice(0, MAX_LOGGED_QUERY)}… (${query.length} characters)` : query;
    this.logger.warn({ time, query: shown }, "slow SQL statement");
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

/** `url` (a server, with or without a database) pointed at the service's own database. */
function serviceDatabaseUrl(options: DataSourceOptions, url: string): string {
  const at = new URL(url);
  at.pathname = `/${postgresDatabaseName(options.config.databaseUrl!, options.service)}`;
  return at.toString();
}

/**
 * A PostgreSQL source on the service's own database, logged in as `databaseUrl`'s role; with
 * `replicas` (their URLs on the service's database), TypeORM's replication over them, whose reads
 * {@link routeReads} then routes.
 */
function postgresSource(
  options: DataSourceOptions,
  databaseUrl: string,
  max: number,
  migrationsRun: boolean,
  replicas: string[] = [],
): DataSource {
  const url = serviceDatabaseUrl(options, databaseUrl);
  return new DataSource({
    type: "postgres",
    ...(replicas.length > 0
      ? { replication: { master: { url }, slaves: replicas.map((replica) => ({ url: replica })) } }
      : { url }),
    extra: { max },
    ...commonOptions(options, migrationsRun),
  });
}

/** A server named as a replica that is not one: a configuration error, never a fallback. */
class NotAStandby extends Error {}

/** How long a replica may take to show a department database the primary has just created. */
const REPLICA_DATABASE_WAIT_MS = 30_000;

/**
 * The replicas of `DATABASE_REPLICA_URLS` that can serve the service's database, as URLs on it.
 * A replica that does not answer is left out with a warning (the primary serves its reads; the
 * process must restart to use it); one that answers but is not a standby is a configuration
 * error. A database the primary created moments ago may not have reached a replica yet: waited for.
 */
async function usableReplicas(options: DataSourceOptions): Promise<string[]> {
  const usable: string[] = [];
  for (const [i, replica] of (options.config.databaseReplicaUrls ?? []).entries()) {
    const url = serviceDatabaseUrl(options, replica);
    const deadline = Date.now() + REPLICA_DATABASE_WAIT_MS;
    for (;;) {
      const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
      try {
        await client.connect();
        const [row] = (await client.query<{ standby: boolean }>("SELECT pg_is_in_recovery() AS standby")).rows;
        if (!row.standby)
          throw new NotAStandby(
            `DATABASE_REPLICA_URLS: replica ${i + 1} (${new URL(replica).host}) is not a standby: its answers would not be the primary's`,
          );
        usable.push(url);
        break;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === "3D000" && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          continue;
        }
        if (err instanceof NotAStandby) throw err;
        options.logger.warn(
          { replica: i + 1, host: new URL(replica).host, err: (err as Error).message },
          "read replica unavailable at start: this process reads from the primary only",
        );
        break;
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }
  return usable;
}

function commonOptions(options: DataSourceOptions, migrationsRun: boolean) {
  return {
    entities: options.entities,
    migrations: options.migrations,
    migrationsRun,
    migrationsTransactionMode: "each" as const,
    logger: new CountingLogger(options.service, options.logger),
    maxQueryExecutionTime: 1000,
  };
}

/** The service's SQLite file under `DATA_DIR` (made private), or an in-memory database. */
function sqliteSource(options: DataSourceOptions, migrationsRun: boolean): { dataSource: DataSource; file?: string } {
  let database = ":memory:";
  let file: string | undefined;
  if (!options.inMemory) {
    database = file = path.join(options.config.dataDir, `${options.service}.sqlite`);
    createPrivateFile(options.config.dataDir, database);
  }
  const dataSource = new DataSource({
    type: "better-sqlite3",
    database,
    enableWAL: !options.inMemory,
    timeout: 10_000,
    // With WAL, NORMAL still never corrupts the database; it only fsyncs at checkpoints.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma("synchronous = NORMAL");
    },
    ...commonOptions(options, migrationsRun),
  });
  serializeTransactions(dataSource);
  beginImmediate(dataSource);
  return { dataSource, file };
}

/** Runs `check` on an opened `dataSource`, and closes it again if the check throws. */
async function checked(dataSource: DataSource, check: () => Promise<void>): Promise<DataSource> {
  try {
    await check();
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
  return dataSource;
}

/**
 * Opens the service's own database (never `synchronize`): a SQLite file per service under
 * `DATA_DIR` by default, or with `DATABASE_URL` one PostgreSQL database per service.
 * With `DATABASE_MIGRATIONS=start` (the default) it first runs the migrations, as
 * {@link migrateDatabase} does: as `DATABASE_MIGRATION_URL`'s role (the tables' owner) when set,
 * and the returned source then serves as `DATABASE_URL`'s role, which must not be able to rewrite
 * the audit trail. With `external` it runs none: it refuses a database with a pending migration,
 * and on PostgreSQL a role that could rewrite the trail.
 */
export async function createDataSource(options: DataSourceOptions): Promise<DataSource> {
  const { service, config } = options;
  const external = config.databaseMigrations === "external";
  if (config.databaseUrl && !options.inMemory) {
    if (!external) {
      // The owner creates and shapes the database, grants the runtime role its share, and leaves.
      if (config.databaseMigrationUrl) await migrateDatabase(options);
      else await ensurePostgresDatabase(config.databaseUrl, postgresDatabaseName(config.databaseUrl, service));
    }
    const replicas = await usableReplicas(options);
    const dataSource = postgresSource(
      options,
      config.databaseUrl,
      10,
      !external && !config.databaseMigrationUrl,
      replicas,
    );
    await dataSource.initialize().catch((err: { code?: string }) => {
      // Nobody made the database: the migrate step, which creates it, has not run.
      if (external && err.code === "3D000")
        throw new Error(
          `${(err as Error).message}: with DATABASE_MIGRATIONS=external the migrate step (main.js migrate, as DATABASE_MIGRATION_URL's role) creates it, and must run first`,
        );
      throw err;
    });
    return checked(dataSource, async () => {
      if (external) await assertNoPendingMigrations(dataSource, service);
      if (external || config.databaseMigrationUrl) await assertAppendOnlyAudit(dataSource);
      // The serving role owns the tables and has just migrated them.
      else await maintain(dataSource, options);
      if (replicas.length > 0)
        routeReads(dataSource, { service, logger: options.logger, maxWaitMs: config.databaseReplicaMaxWaitMs ?? 50 });
    });
  }
  const { dataSource, file } = sqliteSource(options, !external);
  await dataSource.initialize();
  return checked(dataSource, async () => {
    // SQLite makes the WAL and shared-memory files itself, with the database file's mode or wider
    // under a loose umask: keep them as private as the database.
    if (file) for (const suffix of ["-wal", "-shm"]) chmodIfExists(`${file}${suffix}`, 0o600);
    if (external) await assertNoPendingMigrations(dataSource, service);
  });
}

/**
 * The migrate step: runs the service's pending migrations as the tables' owner and closes —
 * `DATABASE_MIGRATION_URL`'s role when set (which creates the PostgreSQL database when missing and
 * grants `DATABASE_URL`'s role its share, {@link grantRuntimeRole}), else `DATABASE_URL`'s role,
 * else on the SQLite file. Returns the names of the migrations it applied.
 */
export async function migrateDatabase(options: DataSourceOptions): Promise<string[]> {
  const { config } = options;
  let owner: DataSource;
  if (config.databaseUrl && !options.inMemory) {
    const ownerUrl = config.databaseMigrationUrl ?? config.databaseUrl;
    await ensurePostgresDatabase(ownerUrl, postgresDatabaseName(config.databaseUrl, options.service));
    owner = postgresSource(options, ownerUrl, 1, false);
  } else {
    owner = sqliteSource(options, false).dataSource;
  }
  await owner.initialize();
  try {
    const applied = await owner.runMigrations({ transaction: "each" });
    await maintain(owner, options);
    if (config.databaseUrl && config.databaseMigrationUrl)
      await grantRuntimeRole(owner, decodeURIComponent(new URL(config.databaseUrl).username));
    return applied.map((migration) => migration.name);
  } finally {
    await owner.destroy();
  }
}

/**
 * The maintenance job on the service's PostgreSQL database, as the tables' owner
 * (`DATABASE_MIGRATION_URL`, else `DATABASE_URL`), without running migrations: tables not yet
 * partitioned (a database before its migrations) are left alone. SQLite: nothing to do (null).
 */
export async function maintainDatabase(
  options: DataSourceOptions,
  progress: (line: string) => void,
  covering?: MaintenanceOptions["covering"],
): Promise<PartitionReport[] | null> {
  const { config } = options;
  if (!config.databaseUrl || options.inMemory) return null;
  const owner = postgresSource(options, config.databaseMigrationUrl ?? config.databaseUrl, 1, false);
  await owner.initialize();
  try {
    return await maintainPartitions(owner, options.partitions ?? [], {
      retentionDays: options.logRetentionDays ?? 180,
      progress,
      covering,
    });
  } finally {
    await owner.destroy();
  }
}

/** TypeORM's log of applied migrations (its default name; no source here renames it). */
const MIGRATIONS_TABLE = "migrations";

/**
 * Refuses a database that lacks one of the source's migrations, naming them: code that expects
 * tables or columns the database does not have yet would fail on the first request instead.
 * Reads the migration log, on which the migrate step grants the runtime role SELECT.
 */
export async function assertNoPendingMigrations(dataSource: DataSource, service: string): Promise<void> {
  let applied: Set<string>;
  try {
    const rows = (await dataSource.query(`SELECT name FROM "${MIGRATIONS_TABLE}"`)) as { name: string }[];
    applied = new Set(rows.map((row) => row.name));
  } catch (err) {
    const e = err as { message?: string; code?: string; driverError?: { code?: string } };
    const code = e.driverError?.code ?? e.code;
    // No log at all: nothing was ever migrated here.
    if (code === "42P01" || /no such table/.test(e.message ?? "")) applied = new Set();
    else
      throw new Error(
        `${service}: cannot read the migration log ("${MIGRATIONS_TABLE}"): ${e.message}. The migrate step (main.js migrate) grants DATABASE_URL's role SELECT on it.`,
        { cause: err },
      );
  }
  const pending = dataSource.migrations
    .map((migration) => migration.name ?? migration.constructor.name)
    .filter((name) => !applied.has(name));
  if (pending.length > 0) {
    throw new Error(
      `${service}: DATABASE_MIGRATIONS=external, but the database lacks ${pending.length} migration(s): ${pending.join(", ")}. Run the migrate step first (main.js migrate, with DATABASE_MIGRATION_URL).`,
    );
  }
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

/**
 * Makes TypeORM's transactions on SQLite `BEGIN IMMEDIATE`, taking the write lock at their start.
 * A deferred transaction reads first and asks for the lock at its first write; if another
 * connection (a second process on the same file) has written meanwhile, SQLite refuses at once
 * with "database is locked", without waiting the busy timeout, because the reader's snapshot is
 * stale. Taken at the start, the lock is waited for like any other write.
 */
function beginImmediate(dataSource: DataSource): void {
  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  const patched = new WeakSet<QueryRunner>();
  driver.createQueryRunner = (mode) => {
    const runner = createQueryRunner(mode);
    if (!patched.has(runner)) {
      patched.add(runner);
      const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
      runner.query = ((statement: string, ...rest: unknown[]) =>
        query(
          statement === "BEGIN TRANSACTION" ? "BEGIN IMMEDIATE TRANSACTION" : statement,
          ...rest,
        )) as QueryRunner["query"];
    }
    return runner;
  };
}

/** True for a unique or primary-key violation on PostgreSQL or SQLite (a lost race to insert). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code ?? "";
  return (
    code === "23505" || code.startsWith("SQLITE_CONSTRAINT_PRIMARYKEY") || code.startsWith("SQLITE_CONSTRAINT_UNIQUE")
  );
}

/**
 * Reads one row by id and, on PostgreSQL, keeps it locked until `tx` ends, so that two
 * transactions deciding from the same rows (the last task of a case confirmed by two departments
 * at once) take turns instead of each missing the other's uncommitted write. SQLite needs no
 * lock: its transactions already run one at a time (see `serializeTransactions`).
 */
export function findOneForUpdate<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  id: number | string,
): Promise<T | null> {
  const query = tx.createQueryBuilder(entity, "row").where("row.id = :id", { id });
  if (tx.connection.options.type === "postgres") query.setLock("pessimistic_write");
  return query.getOne();
}

/**
 * Makes transactions that do the same whole-table act (a month's payment run) take turns: on
 * PostgreSQL a transaction-scoped advisory lock named `name`, held until `tx` ends, so the second
 * reads what the first committed instead of both inserting the same rows; SQLite's transactions
 * already run one at a time.
 */
export async function lockForTransaction(tx: EntityManager, name: string): Promise<void> {
  if (tx.connection.options.type === "postgres") await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [name]);
}

/**
 * Runs `work` in the caller's transaction when there is one (an event handler's inbox
 * transaction), else in a new one: the same business act serves a clerk and an event.
 */
export function inTransaction<T>(
  db: DataSource,
  tx: EntityManager | undefined,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  return tx ? work(tx) : db.transaction(work);
}
