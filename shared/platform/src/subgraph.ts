import path from "node:path";
import { printSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLSchema } from "graphql";
import { DataSource } from "typeorm";
import { loadBaseConfig, type BaseConfig } from "./config";
import {
  createDataSource,
  maintainDatabase,
  migrateDatabase,
  postgresDatabaseName,
  type Constructor,
} from "./data-source";
import { OutboxEvent } from "./events/outbox-event.entity";
import { CreateOutbox1763800000000 } from "./events/outbox.migration";
import { AddOutboxSignedEnvelope1764500000000 } from "./events/outbox-envelope.migration";
import { DeadLetter } from "./events/dead-letter.entity";
import type { EventHandlers } from "./events/event-handling";
import { InboxEvent } from "./events/inbox-event.entity";
import { CreateInboxAndDeadLetters1763900000000 } from "./events/inbox.migration";
import { createLogger, type Logger } from "./logger";
import { AuditEntry } from "./audit/audit-entry.entity";
import { AUDIT_MIGRATIONS } from "./audit/audit-migrations";
import { USED_CONTEXT_MIGRATIONS } from "./auth/used-contexts";
import type { MaintenanceOptions, PartitionedTable, PartitionReport } from "./db/partitions";
import { PLATFORM_PARTITIONS } from "./db/platform-partitions";
import { PartitionEvents1765400000000 } from "./events/partition-events.migration";
import type { Role } from "@onewindow/contracts";

/** Everything that makes a department a subgraph; each service exports one of these. */
export interface SubgraphDefinition<S> {
  /** `labor-security`: names the process, its database and its SDL. */
  name: string;
  /** Its port in the run contract (4001-4005); `PORT` overrides it. Its metrics are on this + 5400 (`METRICS_PORT`). */
  defaultPort: number;
  entities: Constructor[];
  migrations: Constructor[];
  /** Wires the department's services to its data source. Must not touch the database. */
  createServices(db: DataSource): S;
  buildSchema(services: S): Promise<GraphQLSchema>;
  /** The other departments' events this one reacts to (see the event catalogue). */
  eventHandlers?(services: S): EventHandlers;
  /**
   * Roles that may read the personal data of citizens this department holds; `@Authorized` on
   * each field narrows it, and a `citizen` always reads their own. Every such read needs a
   * purpose and is audited.
   */
  personalDataReaders: readonly Role[];
  /**
   * Mutations (`Mutation.<field>`) whose input names a person only to check what self-service
   * callers say of themselves: they need no stated purpose, and are audited like every act.
   */
  selfServiceActs?: readonly string[];
  /**
   * True when the department caches aggregate answers (`AggregateCache`): its deployments give it
   * `REDIS_URL`, so that its replicas share one cache and a write through one is seen by all.
   */
  aggregateCache?: boolean;
  /**
   * The department's high-volume tables PostgreSQL keeps range-partitioned (its migrations convert
   * them; the maintenance job, `npm run db:maintain`, keeps their partitions ahead). The outbox,
   * inbox and audit trail are every department's (`PLATFORM_PARTITIONS`).
   */
  partitions?: readonly PartitionedTable[];
}

// Kept in config.ts, which the gateway's light entry (web.ts) loads without this module.
export { metricsPortOf } from "./config";

/** The subgraph's SDL as composition reads it (`services/<name>/schema.graphql`). */
export async function printSubgraphSdl<S>(definition: SubgraphDefinition<S>): Promise<string> {
  // Services only hold the data source; building the schema never queries it.
  const unopened = new DataSource({ type: "better-sqlite3", database: ":memory:" });
  return printSubgraphSchema(await definition.buildSchema(definition.createServices(unopened))) + "\n";
}

/** A department's tables: its own entities and migrations, plus the shared outbox, inbox and dead letters. */
export function subgraphTables(definition: SubgraphDefinition<unknown>): {
  service: string;
  entities: Constructor[];
  migrations: Constructor[];
  partitions: readonly PartitionedTable[];
} {
  return {
    service: definition.name,
    partitions: [...PLATFORM_PARTITIONS, ...(definition.partitions ?? [])],
    entities: [OutboxEvent, InboxEvent, DeadLetter, AuditEntry, ...definition.entities],
    migrations: [
      CreateOutbox1763800000000,
      CreateInboxAndDeadLetters1763900000000,
      ...AUDIT_MIGRATIONS,
      ...USED_CONTEXT_MIGRATIONS,
      AddOutboxSignedEnvelope1764500000000,
      PartitionEvents1765400000000,
      ...definition.migrations,
    ],
  };
}

/**
 * Opens a department's own database (the service itself, seeding, tools): with its migrations run,
 * or with `databaseMigrations: "external"` checked to have none pending. Only the serving process
 * asks for `readReplicas` (`DATABASE_REPLICA_URLS`); seeding and tools work on the primary alone.
 */
export function openSubgraphDatabase(
  definition: SubgraphDefinition<unknown>,
  config: Pick<BaseConfig, "dataDir" | "databaseUrl" | "databaseMigrationUrl"> &
    Partial<Pick<BaseConfig, "databaseMigrations" | "databaseReplicaUrls" | "databaseReplicaMaxWaitMs" | "events">>,
  logger: Logger,
  options: { readReplicas?: boolean } = {},
): Promise<DataSource> {
  return createDataSource({
    ...subgraphTables(definition),
    config: { ...config, databaseReplicaUrls: options.readReplicas ? config.databaseReplicaUrls : undefined },
    logger,
    logRetentionDays: config.events?.logRetentionDays,
  });
}

/**
 * A department's migrate step (`main.js migrate`): creates its database when missing and runs its
 * pending migrations as the tables' owner (`DATABASE_MIGRATION_URL`), grants `DATABASE_URL`'s
 * role its share, and closes. Run before the department starts with `DATABASE_MIGRATIONS=external`,
 * so that the serving process never holds the owner's password. Needs no keys and no NATS.
 * Returns the names of the migrations it applied.
 */
export async function migrateSubgraph(
  definition: SubgraphDefinition<unknown>,
  env: Record<string, string | undefined> = process.env,
): Promise<string[]> {
  // This is the step that runs them: the serving processes' switch does not apply to it.
  const config = loadBaseConfig({ ...env, DATABASE_MIGRATIONS: undefined });
  const logger = createLogger(definition.name, config.logLevel);
  const target = config.databaseUrl
    ? {
        database: postgresDatabaseName(config.databaseUrl, definition.name),
        as: decodeURIComponent(new URL(config.databaseMigrationUrl ?? config.databaseUrl).username),
      }
    : { database: path.join(config.dataDir, `${definition.name}.sqlite`) };
  logger.info(target, "migrating");
  const applied = await migrateDatabase({
    ...subgraphTables(definition),
    config,
    logger,
    logRetentionDays: config.events.logRetentionDays,
  });
  logger.info(
    {
      ...target,
      applied,
      grantedTo: config.databaseMigrationUrl ? decodeURIComponent(new URL(config.databaseUrl!).username) : undefined,
    },
    applied.length > 0 ? `applied ${applied.length} migration(s)` : "no migration was pending",
  );
  return applied;
}

/**
 * A department's share of `npm run db:maintain`: the maintenance job on its PostgreSQL database
 * as the tables' owner (see `maintainPartitions`), each step told to `progress`; `covering`, the
 * days a bulk load is about to write, whose partitions are made first. Null on SQLite, which keeps
 * plain tables.
 */
export function maintainSubgraph(
  definition: SubgraphDefinition<unknown>,
  config: Pick<BaseConfig, "dataDir" | "databaseUrl" | "databaseMigrationUrl" | "events">,
  progress: (line: string) => void,
  logger: Logger = createLogger(definition.name, "warn"),
  covering?: MaintenanceOptions["covering"],
): Promise<PartitionReport[] | null> {
  return maintainDatabase(
    { ...subgraphTables(definition), config, logger, logRetentionDays: config.events.logRetentionDays },
    progress,
    covering,
  );
}
