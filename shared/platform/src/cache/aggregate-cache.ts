import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import { Counter } from "prom-client";
import type { DataSource, EntityManager } from "typeorm";
import type { Caller, Role } from "@onewindow/contracts";
import { afterCommit } from "../db/after-commit";
import { freshReads } from "../db/read-routing";
import { metricsRegistry } from "../metrics";
import type { CacheLookup, CacheStore } from "./cache-store";

/** Reads of cached aggregates by outcome: `hit`, `miss`, `joined` (waited for the same miss in this process) or `error` (the store failed; answered from the database). */
export const cacheReads = new Counter({
  name: "onewindow_cache_reads_total",
  help: "Reads of cached aggregates by query and outcome",
  labelNames: ["service", "query", "outcome"],
  registers: [metricsRegistry],
});

/** Generations moved after commits, by outcome (`ok`, or `error`: entries may be served stale until their lifetime ends). */
export const cacheInvalidations = new Counter({
  name: "onewindow_cache_invalidations_total",
  help: "Cache generations moved after a commit, by outcome",
  labelNames: ["service", "outcome"],
  registers: [metricsRegistry],
});

/** Freezes `value` and everything in it (plain data: objects and arrays). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** One cached read: which answer, for whom, and what it depends on. */
export interface CachedRead {
  /**
   * Which answer, a name the department fixes in its code (`qualityMetrics`): the metrics'
   * `query` label, so never made of what a client sends.
   */
  query: string;
  /** The arguments the answer is computed from, spelled as the computation reads them. */
  args: readonly unknown[];
  /** What of the caller the answer may depend on ({@link callerScope}): other scopes get entries of their own. */
  scope: string;
  /**
   * The generations the answer depends on (see `periodGenerations`): every change to its inputs
   * must move one of them (`AggregateCache.changed`).
   */
  generations: readonly string[];
}

/**
 * What of `caller` an answer for the roles `roles` may depend on: which of those roles they hold
 * and the hospital their token names. Callers with the same scope share cached answers; the
 * caller's own name, purpose and other roles are left out, as an aggregate answer does not depend on
 * them (authorization, which may, runs before every read, hit or miss).
 */
export function callerScope(caller: Caller, roles: readonly Role[]): string {
  const held = caller.roles.filter((r) => roles.includes(r)).sort();
  return `${held.join(",")}@${caller.hospitalCode?.trim().toUpperCase() ?? ""}`;
}

const identities = new WeakMap<DataSource, Promise<string>>();

/**
 * Its database's identity, hashed, which puts a cache's keys apart from another database's in a
 * shared store: every process serving the database finds the same one.
 */
function databaseIdentity(db: DataSource): Promise<string> {
  let identity = identities.get(db);
  if (!identity) {
    identity = readIdentity(db);
    identities.set(db, identity);
    identity.catch(() => identities.delete(db));
  }
  return identity;
}

async function readIdentity(db: DataSource): Promise<string> {
  let identity: string;
  if (db.options.type === "postgres") {
    // The database's oid as well as its name: a database dropped and made again under the same
    // name (a reseeded set) must not find the old one's answers.
    const [row] = await db.query<{ name: string; oid: string }[]>(
      "SELECT current_database() AS name, (SELECT oid::text FROM pg_database WHERE datname = current_database()) AS oid",
    );
    identity = `pg:${row.name}:${row.oid}`;
  } else {
    const file = typeof db.options.database === "string" ? db.options.database : "";
    // An in-memory database is this data source's alone (one process, one connection).
    if (!file || file === ":memory:") identity = `memory:${randomUUID()}`;
    else {
      // The file's inode and birth time likewise tell a new file at the same path from the old one.
      const stat = fs.statSync(file);
      identity = `sqlite:${fs.realpathSync(file)}:${stat.ino}:${stat.birthtimeMs}`;
    }
  }
  return createHash("sha256").update(identity).digest("hex").slice(0, 16);
}

/**
 * A department's cache of aggregate answers (metrics, KPIs): each answer is computed once and
 * served again until something it depends on changes or its lifetime ends.
 *
 * Correctness comes from generations. A read names the generations its answer depends on; their
 * tokens are read *before* the answer is computed and stored with it, and the entry is served only
 * while the tokens are unchanged. A write names the generations it changes with {@link changed}
 * in its transaction; they move right after the commit, before the write's request answers. So
 * an answer computed from data older than a committed write is stored under a token that write
 * replaced, and is never served after it: a cached answer is never older than the last committed
 * change to its inputs. The store's lifetime on entries is the safety net for changes made outside
 * the department's code (a hand-written statement, a seed).
 *
 * Authorization and audit stay with the caller: check the caller, then read through the cache;
 * a hit must do the same checks and audit as a miss. Concurrent misses of one answer in one process
 * compute it once.
 */
export class AggregateCache {
  private namespace: Promise<string> | null = null;
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly options: {
      /** The department: metrics label and key namespace. */
      service: string;
      /** Its database: its identity keeps the keys of one database apart from another's in a shared store. */
      db: DataSource;
      store: CacheStore;
    },
  ) {}

  /** The store behind this cache. */
  get store(): CacheStore {
    return this.options.store;
  }

  private keys(): Promise<string> {
    this.namespace ??= databaseIdentity(this.options.db).then(
      (id) => `onewindow:cache:${this.options.service}:${id}:`,
      (error: unknown) => {
        this.namespace = null;
        throw error;
      },
    );
    return this.namespace;
  }

  private count(query: string, outcome: "hit" | "miss" | "joined" | "error"): void {
    cacheReads.inc({ service: this.options.service, query, outcome });
  }

  /**
   * The answer of `read`: from the store when an entry of the same query, arguments and scope was
   * stored under the generations' current tokens, else `compute()`'s (stored for the next read).
   * Errors are not stored. When the store fails, the answer is computed (and counted as `error`).
   */
  async read<T>(read: CachedRead, compute: () => Promise<T>): Promise<T> {
    let found: CacheLookup;
    let entryKey: string;
    try {
      const namespace = await this.keys();
      entryKey = `${namespace}e:${createHash("sha256")
        .update(JSON.stringify([read.query, read.scope, read.args]))
        .digest("base64url")}`;
      const generations = [...new Set(read.generations)].map((g) => `${namespace}g:${g}`);
      found = await this.options.store.lookup(entryKey, generations);
    } catch {
      this.count(read.query, "error");
      return freshReads(compute);
    }
    if (found.value !== null) {
      this.count(read.query, "hit");
      return (found.answer ?? JSON.parse(found.value)) as T;
    }
    const flight = `${entryKey}\n${found.tokens}`;
    const running = this.inflight.get(flight);
    if (running) {
      this.count(read.query, "joined");
      return (await running) as T;
    }
    this.count(read.query, "miss");
    // The answer is shared from now on (with the requests that joined, and by an in-process store
    // with later ones): frozen, so that no reader can change it under another.
    // From a replica only once it shows what the primary held after the tokens were read: an
    // answer computed from older data would be stored under tokens that say it is current.
    const answer = freshReads(compute).then((value) => deepFreeze(value));
    this.inflight.set(flight, answer);
    try {
      const value = await answer;
      const text = JSON.stringify(value);
      if (typeof text === "string")
        await this.options.store.store(entryKey, found.tokens, text, value).catch(() => undefined);
      return value;
    } finally {
      this.inflight.delete(flight);
    }
  }

  /**
   * Declares that the transaction of `tx` changes what `generations` stand for (see
   * `dayGenerations`): they move once it commits, before its promise settles; nothing moves if it
   * rolls back. Without a transaction they move now. A failure to move them is logged in the
   * metrics (`onewindow_cache_invalidations_total{outcome="error"}`), not thrown: the write has
   * committed; entries then live at most their lifetime.
   */
  async changed(tx: EntityManager, generations: Iterable<string>): Promise<void> {
    const keys = new Set(generations);
    await afterCommit(tx, () => this.bump(keys));
  }

  private async bump(generations: Set<string>): Promise<void> {
    if (generations.size === 0) return;
    try {
      const namespace = await this.keys();
      await this.options.store.bump([...generations].map((g) => `${namespace}g:${g}`));
      cacheInvalidations.inc({ service: this.options.service, outcome: "ok" }, generations.size);
    } catch {
      cacheInvalidations.inc({ service: this.options.service, outcome: "error" }, generations.size);
    }
  }
}
