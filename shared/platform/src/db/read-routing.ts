import { AsyncLocalStorage } from "node:async_hooks";
import { Counter } from "prom-client";
import type { DataSource } from "typeorm";
import type { Logger } from "../logger";
import { metricsRegistry } from "../metrics";

/**
 * Read routing between a department's PostgreSQL primary and its streaming replicas
 * (docs/adr/0012-read-replicas.md).
 *
 * The rule, for one data source with replicas:
 * - Nothing goes to a replica unless it runs in a {@link readScope} that allowed replica reads
 *   ({@link allowReplicaReads}: the subgraph server does so for a GraphQL query, never for a
 *   mutation). Event handlers, the outbox and audit relays, start-up, tools: all on the primary.
 * - In such a scope only reads may go to a replica: TypeORM's `find`/query-builder reads (its
 *   "slave" mode), plain `SELECT` texts sent without a transaction (`db.query`, `runSql` on
 *   `db.manager`) and `runPrepared` `SELECT`s. A transaction or any other statement runs on the
 *   primary and pins the rest of the scope there, so a request reads its own writes.
 * - {@link onPrimary} runs work on the primary without pinning its scope: the platform's own
 *   appends (audit trail, used contexts), which every read request makes.
 * - A replica serves a scope only when it has replayed the primary's WAL up to a position read
 *   from the primary after the scope began (the fence): it then shows every commit made before
 *   the request arrived, as the primary would. A replica behind the fence, unreachable or not a
 *   standby leaves the scope on the primary.
 */

/** Where reads of one request (or part of one) may go; see the module's comment. */
export class ReadScope {
  private replicaReads = false;
  private pinned = false;
  /** The order number at the scope's start: the primary's position must be read after it. */
  readonly mark = nextMark();
  /** Per routed data source: the replica this scope reads from (its index), or null: the primary. */
  readonly fences = new Map<ReadRouter, Promise<number | null>>();

  constructor(private readonly parent?: ReadScope) {
    this.replicaReads = parent?.allowsReplica() ?? false;
  }

  /** True while reads of this scope may go to a replica. */
  allowsReplica(): boolean {
    return this.replicaReads && !this.pinned && (this.parent?.allowsReplica() ?? true);
  }

  /** Lets reads go to a replica (until something pins the scope). */
  allowReplica(): void {
    this.replicaReads = true;
  }

  /** Sends the rest of the scope, and the scopes it runs in, to the primary. */
  pin(): void {
    this.pinned = true;
    this.parent?.pin();
  }
}

const scopes = new AsyncLocalStorage<ReadScope>();
/**
 * Whether a router reads the scopes: until {@link routeReads} installs one (no replicas configured),
 * the functions below run their work as it is, and the AsyncLocalStorage is never entered. Entering
 * it turns on Node's promise hooks for the whole process (before Node 24), which cost a department
 * about a tenth of its CPU per request in a profile, for scopes nothing would read.
 */
let routing = false;
let marks = 0;
function nextMark(): number {
  return ++marks;
}

/**
 * Runs `work` in a new read scope: on the primary until {@link allowReplicaReads} is called in it.
 * The subgraph server runs every GraphQL request in one.
 */
export function readScope<T>(work: () => Promise<T>): Promise<T> {
  if (!routing) return work();
  return scopes.run(new ReadScope(), work);
}

/** Lets the reads of the current read scope go to a replica (a GraphQL query; never a mutation). */
export function allowReplicaReads(): void {
  scopes.getStore()?.allowReplica();
}

/**
 * Runs `work` in a scope of its own that reads from a replica only once the replica has replayed
 * what the primary held when this call was made (not merely when the request began): for an
 * answer computed after reading what it depends on (a cached aggregate, after the generations
 * that say which commits it must include). Pinned, or outside a scope that allows replica reads,
 * it stays on the primary; a write in it pins the request.
 */
export function freshReads<T>(work: () => Promise<T>): Promise<T> {
  if (!routing) return work();
  const current = scopes.getStore();
  if (!current?.allowsReplica()) return work();
  return scopes.run(new ReadScope(current), work);
}

/** A scope that never reads from a replica, and whose writes pin nothing else. */
const PRIMARY_SCOPE = new ReadScope();

/**
 * Runs `work` on the primary without pinning the request it runs for: the platform's own appends
 * (audit rows, used context ids), which every read request makes and which must not keep its
 * reads off the replicas. Work started inside it (a batch that later serves other requests) stays
 * on the primary too.
 */
export function onPrimary<T>(work: () => Promise<T>): Promise<T> {
  if (!routing) return work();
  return scopes.run(PRIMARY_SCOPE, work);
}

/** Reads that could have gone to a replica, by where they went. */
export const routedReads = new Counter({
  name: "onewindow_replica_routed_reads_total",
  help: "Reads of GraphQL queries that may go to a read replica, by where they went (replica or primary)",
  labelNames: ["service", "target"],
  registers: [metricsRegistry],
});

/** Scopes kept on the primary although they allowed replica reads, by why. */
export const replicaFallbacks = new Counter({
  name: "onewindow_replica_fallbacks_total",
  help: "Requests whose reads stayed on the primary because no replica had replayed the primary's position (lagging) or none could answer (unavailable)",
  labelNames: ["service", "reason"],
  registers: [metricsRegistry],
});

/** A `SELECT` (after leading comments) that locks nothing: it may run on a hot standby. */
export function isPlainRead(sql: string): boolean {
  const text = sql.replace(/^(\s*\/\*[\s\S]*?\*\/)*\s*/, "");
  return /^select\b/i.test(text) && !/\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/i.test(text);
}

/** A WAL position (`16/B374D848`) as a number that compares. */
export function parseLsn(lsn: string): bigint {
  const [high, low] = lsn.split("/");
  if (low === undefined) throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** node-postgres's pool and client, as far as the router uses them. */
interface PgClient {
  query(
    text: string | { name: string; text: string; values: unknown[] },
    values?: unknown[],
  ): Promise<{ rows: Record<string, unknown>[] }>;
  release(err?: Error | boolean): void;
}
interface PgPool {
  connect(): Promise<PgClient>;
  connect(callback: (err: Error | undefined, client: PgClient, release: (err?: unknown) => void) => void): void;
  query(
    text: string | { name: string; text: string; values: unknown[] },
    values?: unknown[],
  ): Promise<{ rows: Record<string, unknown>[] }>;
}
/** TypeORM's PostgreSQL driver with `replication`: its primary pool, replica pools and connection getters. */
interface ReplicatedDriver {
  master: PgPool;
  slaves: PgPool[];
  obtainMasterConnection(): Promise<[PgClient, (err?: unknown) => void]>;
  obtainSlaveConnection(): Promise<[PgClient, (err?: unknown) => void]>;
}

/** The newest of a value read again and again: a reader may join a read that began after its mark. */
class Freshest {
  private latest?: { seq: number; value: Promise<bigint> };
  constructor(private readonly read: () => Promise<bigint>) {}

  /** The value from a read that began after `mark` (joining one in flight, or starting one). */
  after(mark: number): Promise<bigint> {
    if (this.latest && this.latest.seq > mark) return this.latest.value;
    const seq = nextMark();
    const value = this.read();
    const latest = { seq, value };
    this.latest = latest;
    // A failed read is not joined: the next reader tries again.
    void value.catch(() => {
      if (this.latest === latest) this.latest = undefined;
    });
    return value;
  }
}

/** How long a replica that failed is left out before it is tried again. */
const RETRY_UNAVAILABLE_MS = 5000;
/** Between two reads of the replicas' replay positions while a request waits. */
const REPLAY_POLL_MS = 2;
/** After a wait that ended in a fallback, requests do not wait for this long: the replica is far behind. */
const NO_WAIT_AFTER_FALLBACK_MS = 1000;

/** What {@link routeReads} needs besides the data source. */
export interface ReadRoutingOptions {
  /** The department: the metrics' label. */
  service: string;
  logger: Logger;
  /** How long a request waits for a replica to reach the primary's position (`DATABASE_REPLICA_MAX_WAIT_MS`). */
  maxWaitMs: number;
}

/** The routing of one data source with replicas: which replica a scope may read from. */
export class ReadRouter {
  private readonly primaryPosition: Freshest;
  private readonly replayPositions: Freshest[];
  /** The newest replay position seen of each replica (it only grows). */
  private readonly replayed: bigint[];
  private readonly downUntil: number[];
  private next = 0;
  private lastFallback = 0;
  private readonly service: string;
  private readonly logger: Logger;

  constructor(
    readonly driver: ReplicatedDriver,
    private readonly options: ReadRoutingOptions,
  ) {
    this.service = options.service;
    this.logger = options.logger;
    this.primaryPosition = new Freshest(async () => {
      const { rows } = await driver.master.query("SELECT pg_current_wal_lsn()::text AS lsn");
      return parseLsn(rows[0].lsn as string);
    });
    this.replayPositions = driver.slaves.map(
      (pool, i) =>
        new Freshest(async () => {
          const { rows } = await pool.query("SELECT pg_last_wal_replay_lsn()::text AS lsn");
          const lsn = rows[0].lsn as string | null;
          if (lsn === null) throw new Error(`replica ${i + 1} of DATABASE_REPLICA_URLS is not a standby`);
          return parseLsn(lsn);
        }),
    );
    this.replayed = driver.slaves.map(() => 0n);
    this.downUntil = driver.slaves.map(() => 0);
  }

  /** The replica (its index in `driver.slaves`) the current scope's reads go to, or null: the primary. */
  async replicaFor(scope: ReadScope | undefined): Promise<number | null> {
    if (!scope?.allowsReplica()) return null;
    let fence = scope.fences.get(this);
    if (!fence) {
      fence = this.fence(scope.mark);
      scope.fences.set(this, fence);
    }
    const replica = await fence;
    // A write of the scope may have pinned it while the fence was read.
    const target = replica !== null && scope.allowsReplica() ? replica : null;
    routedReads.inc({ service: this.service, target: target === null ? "primary" : "replica" });
    return target;
  }

  /** Leaves a replica out for a while after it failed. */
  unavailable(replica: number, err: unknown): void {
    if (this.downUntil[replica] < Date.now())
      this.logger.warn(
        { replica: replica + 1, err: (err as Error).message },
        "read replica unavailable: its reads go to the primary for a while",
      );
    this.downUntil[replica] = Date.now() + RETRY_UNAVAILABLE_MS;
  }

  /**
   * A replica that has replayed the primary's WAL up to a position read after `mark`, or null.
   * Replicas are tried in turn, so that several share the reads. A replica a moment behind (the
   * WAL position is the whole server's, and moves with every commit anywhere on it) is waited for
   * up to `maxWaitMs`, unless a wait ended in a fallback within the last second.
   */
  private async fence(mark: number): Promise<number | null> {
    let target: bigint;
    try {
      target = await this.primaryPosition.after(mark);
    } catch {
      // The primary does not answer: the reads fail there, as they would without replicas.
      return null;
    }
    const start = Date.now();
    const first = this.next++ % this.replayed.length;
    const order = this.replayed
      .map((_, k) => (first + k) % this.replayed.length)
      .filter((i) => this.downUntil[i] < start);
    for (const i of order) if (this.replayed[i] >= target) return i;
    const deadline = this.lastFallback > start - NO_WAIT_AFTER_FALLBACK_MS ? start : start + this.options.maxWaitMs;
    let lagging: boolean;
    // Reads of the replay positions begun after `round` serve every request waiting for them: the
    // mark is taken before each wait, so requests that wait together share the next reads.
    let round = nextMark();
    for (;;) {
      lagging = false;
      for (const i of order) {
        if (this.downUntil[i] >= Date.now()) continue;
        try {
          const position = await this.replayPositions[i].after(round);
          if (position > this.replayed[i]) this.replayed[i] = position;
          if (position >= target) return i;
          lagging = true;
        } catch (err) {
          this.unavailable(i, err);
        }
      }
      if (!lagging || Date.now() >= deadline) break;
      round = nextMark();
      await new Promise((resolve) => setTimeout(resolve, REPLAY_POLL_MS));
    }
    if (lagging) this.lastFallback = Date.now();
    replicaFallbacks.inc({ service: this.service, reason: lagging ? "lagging" : "unavailable" });
    return null;
  }
}

const routers = new WeakMap<DataSource, ReadRouter>();

/** The router of `db`, when it has read replicas. */
export function readRouterOf(db: DataSource): ReadRouter | undefined {
  return routers.get(db);
}

/**
 * Routes the reads of `db` (initialized, with TypeORM's `replication` option) as the module's
 * comment says: its replica connections come from the current scope's fence, raw `SELECT`s sent
 * without a transaction may go to a replica, and a connection to the primary taken in a scope
 * that allows replica reads (a transaction, a write) pins the scope.
 */
export function routeReads(db: DataSource, options: ReadRoutingOptions): ReadRouter {
  const driver = db.driver as unknown as ReplicatedDriver;
  const router = new ReadRouter(driver, options);
  routers.set(db, router);
  routing = true;
  const master = driver.obtainMasterConnection.bind(driver);
  driver.obtainSlaveConnection = async () => {
    const replica = await router.replicaFor(scopes.getStore());
    if (replica === null) return master();
    try {
      const client = await driver.slaves[replica].connect();
      return [client, (err?: unknown) => client.release(err as Error | undefined)];
    } catch (err) {
      router.unavailable(replica, err);
      return master();
    }
  };
  const createQueryRunner = db.createQueryRunner.bind(db);
  db.createQueryRunner = (mode = "master") => {
    if (mode === "master") scopes.getStore()?.pin();
    return createQueryRunner(mode);
  };
  const query = db.query.bind(db);
  db.query = (async (sql: string, parameters?: unknown[], queryRunner?: Parameters<DataSource["query"]>[2]) => {
    if (queryRunner || !isPlainRead(sql) || !scopes.getStore()?.allowsReplica())
      return query(sql, parameters, queryRunner);
    const runner = createQueryRunner("slave");
    try {
      return await query(sql, parameters, runner);
    } finally {
      await runner.release();
    }
  }) as DataSource["query"];
  return router;
}

/**
 * The pool a statement sent straight to the driver (`runPrepared`) runs on: a replica's for a
 * plain read in a scope the fence lets read there, else the primary's (pinning the scope when the
 * statement writes).
 */
export async function poolFor(db: DataSource, sql: string): Promise<PgPool> {
  const driver = db.driver as unknown as ReplicatedDriver;
  const router = routers.get(db);
  if (!router) return driver.master;
  const scope = scopes.getStore();
  if (!isPlainRead(sql)) {
    scope?.pin();
    return driver.master;
  }
  const replica = await router.replicaFor(scope);
  return replica === null ? driver.master : driver.slaves[replica];
}
