import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { issueDevToken, urlVariable } from "@onewindow/gateway";
import { seedAll } from "../seed/seed-all";
import type { SeedSize } from "../seed/seed-size";
import { subgraphs } from "../subgraphs";
import { PURPOSE_HEADER, type Role } from "@onewindow/contracts";
import {
  CONTEXT_HEADER,
  contextClaims,
  deriveContextKey,
  createLogger,
  devDepartmentKeyEnv,
  devProductionKeyEnv,
  devEventKeyFiles,
  NATS_ADMIN_USER,
  ensureDevKeys,
  loadBaseConfig,
  loadContextSecret,
  natsServers,
  postgresDatabaseName,
  signContextHeader,
  withPostgresAdmin,
} from "@onewindow/platform";
import Sqlite from "better-sqlite3";
import { PrivateNatsServer } from "./private-nats";
import { forkAndWait, runToExit, stopChild, type Child } from "./child-process";

/** A GraphQL response as the tests read it. */
export interface GraphQLResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/**
 * Who a test request speaks for: roles and scope as in a token, and the purpose header; or
 * `"anonymous"` (no token, no purpose).
 */
export type As =
  { roles: Role[]; user?: string; hospital?: string; idNumber?: string; purpose?: string | null } | "anonymous";

/**
 * The caller of requests that name none: every role not scoped to one hospital or person, with
 * a purpose, but not `auditor`, which no token holds together with a role that reads personal
 * data. Tests of the rules themselves name their caller; one that needs an auditor uses
 * `{ roles: ["auditor"], ... }`.
 */
export const OPERATOR: As = {
  roles: ["window_clerk", "labor_officer", "insurance_officer", "tax_officer", "analyst"],
  user: "test-operator",
  purpose: "automated test",
};

/** A whole OneWindow stack (for a test file or a benchmark): every subgraph and the gateway, as real processes. */
export interface Stack {
  gatewayUrl: string;
  /** The stack's own nats-server (authenticated, as `npm start` runs it), and the subject prefix of its events. */
  natsUrl: string;
  /**
   * Connection options for the stack's NATS as `user` (a department's service name, or the
   * admin by default), with its generated password.
   */
  natsLogin(user?: string): { servers: string[]; user: string; pass: string };
  eventsPrefix: string;
  /** The stack's DATA_DIR (its development keys are in `keys/`). */
  dataDir: string;
  /** Sends a GraphQL request to the gateway, as `as` (default {@link OPERATOR}). */
  query<T = any>(query: string, variables?: Record<string, unknown>, as?: As): Promise<GraphQLResult<T>>;
  /** The `authorization` and purpose headers of a request as `as`. */
  headers(as?: As): Promise<Record<string, string>>;
  /**
   * Sends a GraphQL request straight to one subgraph, with an internal context signed as the
   * gateway would sign it for `as` (the ceiling in benchmarks; the rules in tests).
   */
  querySubgraph<T = any>(
    name: string,
    query: string,
    variables?: Record<string, unknown>,
    as?: As,
  ): Promise<GraphQLResult<T>>;
  /** The last 64 kB of a process's log ("gateway" or a department). */
  logOf(name: string): string;
  /** The port a process of the stack listens on ("gateway" or a department). */
  portOf(name: string): number;
  /** The port a process of the stack serves /metrics on. */
  metricsPortOf(name: string): number;
  /**
   * SQL statements the subgraph has run so far (from /metrics on its metrics port), once its relays
   * have marked what they sent and its background work is still. The relays' idle polls (every
   * 30 s) may still fall between two readings: compare counts inside `eventually`.
   */
  sqlCount(name: string): Promise<number>;
  /** Runs a read-only SQL query against a department's own database (to count effects). */
  sql<T = Record<string, unknown>>(name: string, query: string): Promise<T[]>;
  /** Changes a department's database behind its back, as an insider with database access could. */
  tamper(name: string, statement: string): Promise<void>;
  /** Stops a department's process, or the gateway's (`"gateway"`). */
  stopSubgraph(name: string): Promise<void>;
  /** How a subgraph process ended: its exit code, or null while it runs. */
  exitCode(name: string): number | null;
  /**
   * Starts a stopped department again on its port, with extra environment; `"gateway"` starts the
   * gateway again on its port (the clients' address), as a restarted deployment would.
   */
  restartSubgraph(name: string, extraEnv?: Record<string, string>): Promise<void>;
  /**
   * Starts another process of a department on the same database (a second replica), on a port of
   * its own; the stack stops it too.
   */
  startReplica(name: string, extraEnv?: Record<string, string>): Promise<{ port: number; stop(): Promise<void> }>;
  /**
   * Starts another gateway process over the same departments and NATS (a second replica, or one
   * with settings of its own, `<DEPARTMENT>_URL` naming a department's replica say), on a port of
   * its own; the stack stops it too.
   */
  startGateway(extraEnv?: Record<string, string>): Promise<StackGateway>;
  /** The stack's own nats-server (to stop and resume for outage tests); a cluster's first node. */
  nats: PrivateNatsServer;
  /** Every node of the stack's NATS (one without {@link StackOptions.natsCluster}). */
  natsNodes: PrivateNatsServer[];
  stop(): Promise<void>;
}

/** A gateway process started by {@link Stack.startGateway}. */
export interface StackGateway {
  /** Its `/graphql` address. */
  url: string;
  port: number;
  /** Where it serves /metrics (`?gc=1` collects garbage first when it runs with `--expose-gc`). */
  metricsPort: number;
  /** Its process id (the subscription benchmark reads its memory). */
  pid: number;
  stop(): Promise<void>;
}

/** What a test asks of its stack. */
export interface StackOptions {
  /** Write the demo data set of this size first, as `npm start` would. */
  seed?: SeedSize;
  /** Extra environment for every subgraph. */
  env?: Record<string, string>;
  /**
   * On PostgreSQL: each department migrates as an owner role and serves as a runtime role of its
   * own, as Compose and Kubernetes run it: its migrate step (`main.js migrate`, with
   * `DATABASE_MIGRATION_URL`) runs first as a process of its own, then the department starts with
   * only `DATABASE_URL` and `DATABASE_MIGRATIONS=external`. The stack makes the roles and drops
   * them at stop; `sql` and `tamper` then run as the department's
   * runtime role. Not with `seed` (the seed writes as the stack's superuser).
   */
  databaseRoles?: boolean;
  /**
   * NATS as a JetStream cluster of this many local nodes (as `npm run cluster:nats`
   * runs it), instead of one server: `NATS_URL` names them all, and `natsNodes` may halt and
   * resume each.
   */
  natsCluster?: number;
  /**
   * On PostgreSQL: servers that stream-replicate `DATABASE_URL`'s (`postgres://postgres@127.0.0.1:5433`,
   * as `infra/scripts/pg-replica.sh` starts one), given to every department as
   * `DATABASE_REPLICA_URLS` with the stack's database prefix.
   */
  replicaUrls?: string[];
}

const root = path.resolve(__dirname, "..", "..", "..");

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResult> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as GraphQLResult;
  return { ...json, status: res.status };
}

/** Drops the PostgreSQL databases a stack created (`<prefix>_<service>`). */
function dropDatabases(databaseUrl: string, prefix: string): Promise<void> {
  return withPostgresAdmin(databaseUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${prefix}\\_%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

/**
 * Per department, an owner role that may create its database and a runtime role; the environment
 * of its migrate step (both URLs) and of the serving process (the runtime role's alone).
 */
async function createDatabaseRoles(
  databaseUrl: string,
  prefix: string,
  names: string[],
): Promise<Map<string, { migrate: Record<string, string>; serve: Record<string, string> }>> {
  const password = randomBytes(12).toString("hex");
  const envs = new Map<string, { migrate: Record<string, string>; serve: Record<string, string> }>();
  await withPostgresAdmin(databaseUrl, async (client) => {
    for (const name of names) {
      const runtime = `${prefix}_${name.replace(/-/g, "_")}`;
      const owner = `${runtime}_owner`;
      await client.query(`CREATE ROLE ${owner} LOGIN CREATEDB PASSWORD '${password}'`);
      await client.query(`CREATE ROLE ${runtime} LOGIN PASSWORD '${password}'`);
      const as = (user: string) => {
        const url = new URL(databaseUrl);
        url.username = user;
        url.password = password;
        return url.toString();
      };
      envs.set(name, {
        migrate: { DATABASE_URL: as(runtime), DATABASE_MIGRATION_URL: as(owner) },
        serve: { DATABASE_URL: as(runtime), DATABASE_MIGRATIONS: "external" },
      });
    }
  });
  return envs;
}

/** Drops the roles {@link createDatabaseRoles} made (after their databases). */
function dropDatabaseRoles(databaseUrl: string, prefix: string): Promise<void> {
  return withPostgresAdmin(databaseUrl, async (client) => {
    const { rows } = await client.query<{ rolname: string }>("SELECT rolname FROM pg_roles WHERE rolname LIKE $1", [
      `${prefix}\\_%`,
    ]);
    for (const { rolname } of rows) await client.query(`DROP ROLE IF EXISTS "${rolname}"`);
  });
}

/**
 * Starts every subgraph (its own fresh SQLite directory, or fresh PostgreSQL databases when
 * `DATABASE_URL` is set; its own event subject prefix on NATS) and the gateway, each as its
 * own process on a free port.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-test-"));
  ensureDevKeys(dataDir);
  const prefix = `ow_t${randomBytes(4).toString("hex")}`;
  // A nats-server of the stack's own, with the generated users and permissions: every test runs
  // its events as production does, and may stop it for an outage. It starts in well under a second.
  const natsNodes = options.natsCluster
    ? await PrivateNatsServer.startCluster({ dataDir, prefix }, options.natsCluster)
    : [await PrivateNatsServer.start({ dataDir, prefix })];
  const nats = natsNodes[0];
  const natsUrl = natsNodes.map((node) => node.url).join(",");
  const disposeNats = async () => {
    await Promise.all(natsNodes.map((node) => node.halt()));
    await Promise.all(natsNodes.map((node) => node.dispose()));
  };
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    // No HOST: every process binds 127.0.0.1 by default, which the tests check.
    // Any free port: each process reports the one it got.
    METRICS_PORT: "0",
    SEED: "none",
    NATS_URL: natsUrl,
    EVENTS_PREFIX: prefix,
    // Production refuses development keys and shared-secret tokens: the stack's development
    // issuer and context keys, named as production names them.
    ...(options.env?.NODE_ENV === "production" ? devProductionKeyEnv(dataDir) : {}),
    ...options.env,
  };
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${prefix}`;
    env.DATABASE_URL = url.toString();
    if (options.replicaUrls?.length)
      env.DATABASE_REPLICA_URLS = options.replicaUrls
        .map((replica) => {
          const at = new URL(replica);
          at.pathname = `/${prefix}`;
          return at.toString();
        })
        .join(",");
  }
  if (options.databaseRoles && options.seed) throw new Error("startStack: databaseRoles does not seed");
  const databaseRoles =
    options.databaseRoles && env.DATABASE_URL
      ? await createDatabaseRoles(
          env.DATABASE_URL,
          prefix,
          subgraphs.map((s) => s.definition.name),
        )
      : undefined;
  // Each department binds a port of the kernel's choosing and reports it: a port found free
  // beforehand could be taken (by any outgoing connection) before the department listens on it.
  // A restart takes the port it had, which the gateway knows.
  const ports = new Map<string, number>();
  const mainOf = (name: string) => path.join(subgraphs.find((s) => s.definition.name === name)!.dir, "dist", "main.js");
  // Production names each department's own keys too (development makes them in DATA_DIR).
  const departmentEnv = (name: string) => ({
    ...env,
    ...(env.NODE_ENV === "production" ? devDepartmentKeyEnv(dataDir, name) : {}),
    ...databaseRoles?.get(name)?.serve,
  });
  const startSubgraph = async (name: string, extra: Record<string, string> = {}) => {
    const child = await forkAndWait(name, mainOf(name), {
      ...departmentEnv(name),
      PORT: String(ports.get(name) ?? 0),
      ...extra,
    });
    ports.set(name, child.port);
    return child;
  };
  const children = new Map<string, Child>();
  // Any free port, unless `extra` names one (a restart takes the port it had); `extra` may also
  // point the gateway at another process of a department (a replica).
  const forkGateway = (extra: Record<string, string> = {}) => {
    const gatewayEnv: Record<string, string> = { ...env, GATEWAY_PORT: "0" };
    for (const [name, port] of ports) gatewayEnv[urlVariable(name)] = `http://127.0.0.1:${port}/graphql`;
    return forkAndWait("gateway", path.join(root, "gateway", "dist", "main.js"), { ...gatewayEnv, ...extra });
  };
  if (options.seed) await seedAll(loadBaseConfig(env), createLogger("seed", "warn"), options.seed);
  try {
    if (databaseRoles) {
      await Promise.all(
        subgraphs.map(async ({ definition: { name } }) => {
          const migrated = await runToExit(mainOf(name), ["migrate"], { ...env, ...databaseRoles.get(name)!.migrate });
          if (migrated.code !== 0)
            throw new Error(`${name} migrate exited with code ${migrated.code}:\n${migrated.stderr}${migrated.stdout}`);
        }),
      );
    }
    const started = await Promise.all(subgraphs.map(({ definition }) => startSubgraph(definition.name)));
    for (const child of started) children.set(child.name, child);
    children.set("gateway", await forkGateway());
  } catch (err) {
    await Promise.all([...children.values()].map(stopChild));
    await disposeNats();
    if (databaseRoles)
      await dropDatabases(env.DATABASE_URL!, prefix).then(() => dropDatabaseRoles(env.DATABASE_URL!, prefix));
    throw err;
  }
  const portOf = (name: string) => {
    const port = name === "gateway" ? children.get("gateway")?.port : ports.get(name);
    if (!port) throw new Error(`no process ${name} in this stack`);
    return port;
  };
  const metricsPortOf = (name: string) => {
    const port = children.get(name)?.metricsPort;
    if (!port) throw new Error(`no metrics port for ${name} in this stack`);
    return port;
  };
  const gatewayUrl = `http://127.0.0.1:${portOf("gateway")}/graphql`;
  const tokens = new Map<string, Promise<string>>();
  const headers = async (as: As = OPERATOR): Promise<Record<string, string>> => {
    if (as === "anonymous") return {};
    const key = JSON.stringify(as);
    if (!tokens.has(key))
      tokens.set(
        key,
        issueDevToken(dataDir, { roles: as.roles, user: as.user, hospital: as.hospital, idNumber: as.idNumber }, env),
      );
    const out: Record<string, string> = { authorization: `Bearer ${await tokens.get(key)}` };
    if (as.purpose) out[PURPOSE_HEADER] = encodeURIComponent(as.purpose);
    return out;
  };
  const contextSecret = loadContextSecret(env, dataDir);
  return {
    gatewayUrl,
    natsUrl,
    eventsPrefix: prefix,
    nats,
    natsNodes,
    dataDir,
    portOf,
    logOf: (name) => children.get(name)?.stdout() ?? "",
    metricsPortOf,
    headers,
    natsLogin: (user = NATS_ADMIN_USER) => ({
      servers: natsServers(natsUrl),
      user,
      pass: fs.readFileSync(devEventKeyFiles(dataDir, user).natsPassword, "utf8").trim(),
    }),
    query: async (query, variables, as) => post(gatewayUrl, { query, variables }, await headers(as)),
    async querySubgraph(name, query, variables, as = OPERATOR) {
      const body = JSON.stringify({ query, variables });
      const caller =
        as === "anonymous"
          ? { userId: null, roles: [], hospitalCode: null, idNumber: null, purpose: null }
          : {
              userId: as.user ?? "test",
              roles: as.roles,
              hospitalCode: as.hospital ?? null,
              idNumber: as.idNumber ?? null,
              purpose: as.purpose ?? null,
            };
      const signed = signContextHeader(
        deriveContextKey(contextSecret, name),
        contextClaims(caller, name, "test"),
        body,
      );
      const res = await fetch(`http://127.0.0.1:${portOf(name)}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", [CONTEXT_HEADER]: signed },
        body,
      });
      return { ...((await res.json()) as GraphQLResult), status: res.status };
    },
    async sqlCount(name) {
      // Background work (the outbox relay, event handlers) runs right after commits: wait until
      // the count has been still for a moment, so that it counts what a request itself ran. The
      // relays mark rows sent once the server has acknowledged them, which may take longer than
      // that moment: wait for that first (for at most 10 s: with NATS stopped nothing goes out).
      for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
        const [row] = await runOnDatabase<{ n: number | string }>(
          departmentEnv(name),
          name,
          "SELECT (SELECT COUNT(*) FROM audit_head WHERE sent_at IS NULL) + (SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL) AS n",
        );
        if (Number(row.n) === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const read = async () => {
        const text = await (await fetch(`http://127.0.0.1:${metricsPortOf(name)}/metrics`)).text();
        const m = new RegExp(`onewindow_sql_queries_total\\{service="${name}"\\} (\\d+)`).exec(text);
        return m ? Number(m[1]) : 0;
      };
      let last = await read();
      for (;;) {
        await new Promise((r) => setTimeout(r, 250));
        const now = await read();
        if (now === last) return now;
        last = now;
      }
    },
    sql: (name, query) => runOnDatabase(departmentEnv(name), name, query),
    tamper: (name, statement) => runOnDatabase(departmentEnv(name), name, statement, true).then(() => undefined),
    async stopSubgraph(name) {
      await stopChild(children.get(name)!);
    },
    exitCode: (name) => children.get(name)?.process.exitCode ?? null,
    async restartSubgraph(name, extraEnv = {}) {
      if (name === "gateway")
        children.set(name, await forkGateway({ GATEWAY_PORT: String(portOf(name)), ...extraEnv }));
      else children.set(name, await startSubgraph(name, extraEnv));
    },
    async startReplica(name, extraEnv = {}) {
      const child = await forkAndWait(name, mainOf(name), { ...departmentEnv(name), PORT: "0", ...extraEnv });
      children.set(`${name}#${child.port}`, child);
      return { port: child.port, stop: () => stopChild(child) };
    },
    async startGateway(extraEnv) {
      const child = await forkGateway(extraEnv);
      children.set(`gateway#${child.port}`, child);
      return {
        url: `http://127.0.0.1:${child.port}/graphql`,
        port: child.port,
        metricsPort: child.metricsPort!,
        pid: child.process.pid!,
        stop: () => stopChild(child),
      };
    },
    async stop() {
      await Promise.all([...children.values()].map(stopChild));
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (env.DATABASE_URL) await dropDatabases(env.DATABASE_URL, prefix);
      if (databaseRoles) await dropDatabaseRoles(env.DATABASE_URL!, prefix);
      await disposeNats();
    },
  };
}

/** A statement on one department's own database, SQLite or PostgreSQL; read-only unless `write`. */
async function runOnDatabase<T>(
  env: Record<string, string>,
  name: string,
  statement: string,
  write = false,
): Promise<T[]> {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    url.pathname = `/${postgresDatabaseName(env.DATABASE_URL, name)}`;
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query(statement)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new Sqlite(path.join(env.DATA_DIR, `${name}.sqlite`), { readonly: !write, timeout: 10_000 });
  try {
    const prepared = db.prepare(statement);
    if (prepared.reader) return prepared.all() as T[];
    prepared.run();
    return [];
  } finally {
    db.close();
  }
}
