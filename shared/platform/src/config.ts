import path from "node:path";
import { calendarOf } from "./dates";

/** Thrown at start-up when an environment variable is malformed; the message names the variable. */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = "ConfigError";
  }
}

/** The settings every OneWindow process reads (the run contract: `docs/ARCHITECTURE.md`, "Processes"). */
export interface BaseConfig {
  nodeEnv: string;
  dataDir: string;
  /** Unset: SQLite under dataDir. Otherwise a postgres:// URL whose database name is the prefix. */
  databaseUrl?: string;
  /**
   * `DATABASE_MIGRATION_URL`: the role that owns the department's tables, used only at start to
   * create the database when missing and run the migrations; `databaseUrl`'s role then serves,
   * without the right to rewrite the audit trail. Unset: `databaseUrl`'s role does both.
   */
  databaseMigrationUrl?: string;
  /**
   * `DATABASE_REPLICA_URLS`: PostgreSQL streaming replicas of `databaseUrl`'s server,
   * comma-separated, each naming the same database prefix (so `<prefix>_<service>` on each). The
   * serving process sends the reads of GraphQL queries to them when they have replayed every
   * commit made before the request arrived, and everything else to the primary
   * (docs/adr/0012-read-replicas.md). Empty: every statement goes to the primary.
   */
  databaseReplicaUrls: string[];
  /**
   * `DATABASE_REPLICA_MAX_WAIT_MS` (default 50): how long a request waits for a replica to replay
   * up to the primary's position before its reads go to the primary; 0 never waits.
   */
  databaseReplicaMaxWaitMs: number;
  /**
   * `DATABASE_MIGRATIONS`: `start` (the default) runs the migrations when the process starts;
   * `external` leaves them to a step of their own (`main.js migrate`, run as the owner before the
   * department starts), so the serving process only checks that none is pending and never needs
   * the owner's password.
   */
  databaseMigrations: DatabaseMigrations;
  natsUrl: string;
  logLevel: string;
  events: EventsConfig;
}

/** The event backbone's settings (NATS JetStream). */
export interface EventsConfig {
  /** `EVENTS_PREFIX`: replaces `onewindow` in subjects and stream names (one NATS, several installations). */
  prefix: string;
  /**
   * `NATS_REPLICAS`: stream replicas, 1 to 5 (more than 1 needs a NATS cluster of at least as
   * many servers); unset, `undefined`: as many as the cluster the service connects to supports
   * ({@link replicasForCluster}).
   */
  replicas?: number;
  /** `EVENT_RETENTION_DAYS`: how long streams keep events. */
  retentionDays: number;
  /**
   * `EVENT_LOG_RETENTION_DAYS`: how long a department's PostgreSQL database keeps its outbox and
   * inbox rows at least before the maintenance job drops their month (an outbox row not yet
   * published is never dropped). Default 180: 网络安全法 第二十一条（三） has network operators
   * keep the logs of their network's operation for no less than six months, and these rows record
   * what each department told the others. Longer than `EVENT_RETENTION_DAYS`, so an inbox still
   * knows every event its stream may deliver again.
   */
  logRetentionDays: number;
  /** `EVENT_MAX_ATTEMPTS`: handler attempts before an event becomes a dead letter. */
  maxAttempts: number;
  /** `EVENT_ACK_WAIT_MS`: how long JetStream waits for an ack before redelivering. */
  ackWaitMs: number;
}

/**
 * The servers of `NATS_URL` (one, or a cluster's, comma-separated), so that a connection that
 * loses its server reconnects to another.
 */
export function natsServers(url: string): string[] {
  return url
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
}

type Env = Record<string, string | undefined>;

/** Who runs a department's migrations: the process itself at start, or a step before it. */
export type DatabaseMigrations = "start" | "external";
const DATABASE_MIGRATIONS: readonly DatabaseMigrations[] = ["start", "external"];

/**
 * `DATABASE_MIGRATIONS`; with `external` the serving process must not hold the owner's URL, which
 * only the migrate step needs.
 */
function readDatabaseMigrations(env: Env, databaseMigrationUrl: string | undefined): DatabaseMigrations {
  const raw = env.DATABASE_MIGRATIONS || "start";
  if (!(DATABASE_MIGRATIONS as readonly string[]).includes(raw)) {
    throw new ConfigError("DATABASE_MIGRATIONS", `must be one of ${DATABASE_MIGRATIONS.join(", ")}, got "${raw}"`);
  }
  if (raw === "external" && databaseMigrationUrl !== undefined) {
    throw new ConfigError(
      "DATABASE_MIGRATIONS",
      "external: the serving process must not get DATABASE_MIGRATION_URL (the owner's password); give it to the migrate step only",
    );
  }
  return raw as DatabaseMigrations;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** Reads an integer port; 0 means "any free port" (tests use it). */
export function readPort(env: Env, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(variable, `must be a port number 0-65535, got "${raw}"`);
  }
  return Number(raw);
}

/** Reads an http(s) URL. */
export function readUrl(env: Env, variable: string, fallback: string): string {
  const raw = env[variable] || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, `must be a URL, got "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(variable, `must be an http:// or https:// URL, got "${raw}"`);
  }
  return raw;
}

/** Reads a whole number within bounds. */
export function readInt(env: Env, variable: string, fallback: number, min: number, max: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(variable, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

/**
 * `DATABASE_MIGRATION_URL`, checked against `DATABASE_URL`: the same server and database prefix
 * (else the migrations would shape another database than the one served), and another role (else
 * the serving role would own its audit trail).
 */
function readMigrationUrl(env: Env, databaseUrl: string | undefined): string | undefined {
  const raw = env.DATABASE_MIGRATION_URL || undefined;
  if (raw === undefined) return undefined;
  if (databaseUrl === undefined)
    throw new ConfigError("DATABASE_MIGRATION_URL", "needs DATABASE_URL (the role that serves) beside it");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("DATABASE_MIGRATION_URL", "must be a postgres:// URL");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigError("DATABASE_MIGRATION_URL", `must start with postgres://, got "${url.protocol}//"`);
  }
  const served = new URL(databaseUrl);
  if (url.host !== served.host || url.pathname !== served.pathname) {
    throw new ConfigError(
      "DATABASE_MIGRATION_URL",
      `must name the server and database of DATABASE_URL (${served.host}${served.pathname}), got ${url.host}${url.pathname}`,
    );
  }
  if (decodeURIComponent(url.username) === decodeURIComponent(served.username)) {
    throw new ConfigError(
      "DATABASE_MIGRATION_URL",
      `must name another role than DATABASE_URL ("${decodeURIComponent(served.username)}"): the role that owns the tables must not serve`,
    );
  }
  return raw;
}

/**
 * `DATABASE_REPLICA_URLS`: PostgreSQL URLs of streaming replicas of `DATABASE_URL`'s server, each
 * with DATABASE_URL's database prefix, since a department's database is found on each the way it
 * is found on the primary (`<prefix>_<service>`).
 */
function readReplicaUrls(env: Env, databaseUrl: string | undefined): string[] {
  const raw = (env.DATABASE_REPLICA_URLS ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  if (raw.length === 0) return [];
  if (databaseUrl === undefined)
    throw new ConfigError("DATABASE_REPLICA_URLS", "needs DATABASE_URL (the primary they replicate) beside it");
  const primary = new URL(databaseUrl);
  return raw.map((replica) => {
    let url: URL;
    try {
      url = new URL(replica);
    } catch {
      throw new ConfigError("DATABASE_REPLICA_URLS", "must be postgres:// URLs, comma-separated");
    }
    if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
      throw new ConfigError("DATABASE_REPLICA_URLS", `must start with postgres://, got "${url.protocol}//"`);
    }
    if (url.pathname !== primary.pathname) {
      throw new ConfigError(
        "DATABASE_REPLICA_URLS",
        `must name DATABASE_URL's database prefix (${primary.pathname}) on the replica, got ${url.host}${url.pathname}`,
      );
    }
    if (url.host === primary.host) {
      throw new ConfigError(
        "DATABASE_REPLICA_URLS",
        `must name replicas, not DATABASE_URL's server (${primary.host}) again`,
      );
    }
    return replica;
  });
}

/** Reads and validates the common settings; throws {@link ConfigError} naming the bad variable. */
export function loadBaseConfig(env: Env = process.env): BaseConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(databaseUrl);
    } catch {
      throw new ConfigError("DATABASE_URL", `must be a postgres:// URL, got "${databaseUrl}"`);
    }
    if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
      throw new ConfigError("DATABASE_URL", `must start with postgres://, got "${url.protocol}//"`);
    }
  }
  const databaseMigrationUrl = readMigrationUrl(env, databaseUrl);
  const databaseMigrations = readDatabaseMigrations(env, databaseMigrationUrl);
  const databaseReplicaUrls = readReplicaUrls(env, databaseUrl);
  const natsUrl = env.NATS_URL || "nats://127.0.0.1:4222";
  // A cluster is named by all its servers, comma-separated, so that a client fails over.
  if (!natsUrl.split(",").every((u) => /^(nats|tls|wss?):\/\/[^\s,]+$/.test(u.trim()))) {
    throw new ConfigError(
      "NATS_URL",
      `must look like nats://host:port (or several, comma-separated), got "${natsUrl}"`,
    );
  }
  const logLevel = env.LOG_LEVEL || "info";
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError("LOG_LEVEL", `must be one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);
  }
  if (env.TIME_ZONE) {
    try {
      calendarOf(env.TIME_ZONE);
    } catch (error) {
      throw new ConfigError("TIME_ZONE", (error as Error).message);
    }
  }
  const prefix = env.EVENTS_PREFIX || "onewindow";
  if (!/^[a-z0-9_-]+$/i.test(prefix)) {
    throw new ConfigError(
      "EVENTS_PREFIX",
      `must be letters, digits, _ or - (it starts every event subject), got "${prefix}"`,
    );
  }
  const retentionDays = readInt(env, "EVENT_RETENTION_DAYS", 90, 1, 3650);
  const logRetentionDays = readInt(env, "EVENT_LOG_RETENTION_DAYS", 180, 1, 36500);
  if (logRetentionDays <= retentionDays) {
    throw new ConfigError(
      "EVENT_LOG_RETENTION_DAYS",
      `must be more than EVENT_RETENTION_DAYS (${retentionDays}): an inbox that forgot an event its stream still holds would apply a redelivery twice, got ${logRetentionDays}`,
    );
  }
  return {
    nodeEnv: env.NODE_ENV || "development",
    dataDir: path.resolve(env.DATA_DIR || "data"),
    databaseUrl,
    databaseMigrationUrl,
    databaseMigrations,
    databaseReplicaUrls,
    databaseReplicaMaxWaitMs: readInt(env, "DATABASE_REPLICA_MAX_WAIT_MS", 50, 0, 10_000),
    natsUrl,
    logLevel,
    events: {
      prefix,
      replicas: env.NATS_REPLICAS ? readInt(env, "NATS_REPLICAS", 1, 1, 5) : undefined,
      retentionDays,
      logRetentionDays,
      maxAttempts: readInt(env, "EVENT_MAX_ATTEMPTS", 5, 1, 100),
      ackWaitMs: readInt(env, "EVENT_ACK_WAIT_MS", 30_000, 100, 3_600_000),
    },
  };
}

/**
 * The default `METRICS_PORT` of the process whose GraphQL port in the run contract is
 * `graphqlPort`: 4000-4005 → 9400-9405.
 */
export function metricsPortOf(graphqlPort: number): number {
  return graphqlPort + 5400;
}
