import { describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { afterThisTest, openTestDatabase } from "@onewindow/testing";
import { ANONYMOUS, type Caller } from "@onewindow/contracts";
import { AggregateCache, cacheInvalidations, cacheReads, callerScope, type CachedRead } from "./aggregate-cache";
import { MemoryCacheStore, type CacheStore } from "./cache-store";
import { RedisCacheStore } from "./redis-cache-store";
import { dayGenerations, periodGenerations } from "./generations";

/** The Redis the tests use (CI starts one on the default port). */
const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

const memory = () => new MemoryCacheStore({ maxEntries: 100, maxBytes: 1 << 20, maxGenerations: 1000, ttlMs: 60_000 });
const redis = () => {
  const store = new RedisCacheStore({ url: REDIS_URL, ttlMs: 60_000 });
  afterThisTest(() => store.close());
  return store;
};

/** A database with one table of daily figures, and a service name of its own for the metrics. */
async function figures(): Promise<{ db: DataSource; service: string }> {
  const opened = await openTestDatabase({ service: "aggregate-cache", entities: [], migrations: [] });
  afterThisTest(opened.close);
  await opened.db.query("CREATE TABLE cache_figure (day VARCHAR(10) PRIMARY KEY, n INTEGER NOT NULL)");
  return { db: opened.db, service: `cache-test-${randomBytes(4).toString("hex")}` };
}

/** The sum of the figures over from..to, and how often it was computed. */
function summer(db: DataSource) {
  const counter = { computed: 0 };
  const sum = async (from: string, to: string): Promise<{ total: number }> => {
    counter.computed++;
    const [row] = await db.query<{ total: number | string | null }[]>(
      db.options.type === "postgres"
        ? "SELECT SUM(n) AS total FROM cache_figure WHERE day >= $1 AND day <= $2"
        : "SELECT SUM(n) AS total FROM cache_figure WHERE day >= ? AND day <= ?",
      [from, to],
    );
    return { total: Number(row.total ?? 0) };
  };
  return { counter, sum };
}

const sumRead = (from: string, to: string, scope = "analyst@"): CachedRead => ({
  query: "sum",
  args: [from, to],
  scope,
  generations: periodGenerations("figures", from, to),
});

/** Records `n` on `day` and declares the change, as a department's write does. */
async function record(db: DataSource, cache: AggregateCache, day: string, n: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      db.options.type === "postgres"
        ? "INSERT INTO cache_figure (day, n) VALUES ($1, $2) ON CONFLICT (day) DO UPDATE SET n = cache_figure.n + excluded.n"
        : "INSERT INTO cache_figure (day, n) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET n = cache_figure.n + excluded.n",
      [day, n],
    );
    await cache.changed(tx, dayGenerations("figures", day));
  });
}

async function count(service: string, outcome: string): Promise<number> {
  return (await cacheReads.get()).values
    .filter((v) => v.labels.service === service && v.labels.outcome === outcome)
    .reduce((sum, v) => sum + v.value, 0);
}

describe.each([
  ["in memory", memory],
  ["in Redis", redis],
])("an aggregate cache %s", (_kind, makeStore: () => CacheStore) => {
  test("serves a repeated read from the store; another scope, query or period gets its own answer", async () => {
    const { db, service } = await figures();
    const cache = new AggregateCache({ service, db, store: makeStore() });
    const { counter, sum } = summer(db);
    await record(db, cache, "2010-03-15", 5);
    const read = () => cache.read(sumRead("2010-01-01", "2010-12-31"), () => sum("2010-01-01", "2010-12-31"));
    assert.deepEqual(await read(), { total: 5 });
    assert.deepEqual(await read(), { total: 5 });
    assert.equal(counter.computed, 1, "the second read was a hit");
    assert.equal(await count(service, "hit"), 1);
    assert.equal(await count(service, "miss"), 1);
    await cache.read(sumRead("2010-01-01", "2010-12-31", "hospital_admin@JD002"), () =>
      sum("2010-01-01", "2010-12-31"),
    );
    assert.equal(counter.computed, 2, "another caller scope does not get the first one's entry");
    await cache.read({ ...sumRead("2010-01-01", "2010-12-31"), query: "other" }, () => sum("2010-01-01", "2010-12-31"));
    await cache.read(sumRead("2010-01-01", "2010-06-30"), () => sum("2010-01-01", "2010-06-30"));
    assert.equal(counter.computed, 4);
  });

  test("a committed change is seen by the next read; a change in another period or a rolled back one moves nothing", async () => {
    const { db, service } = await figures();
    const cache = new AggregateCache({ service, db, store: makeStore() });
    const { counter, sum } = summer(db);
    const read = () => cache.read(sumRead("2010-03-01", "2010-03-31"), () => sum("2010-03-01", "2010-03-31"));
    assert.deepEqual(await read(), { total: 0 });
    await record(db, cache, "2010-03-31", 2);
    assert.deepEqual(await read(), { total: 2 }, "the write is seen right after it answered");
    await record(db, cache, "2010-04-01", 7);
    await record(db, cache, "2009-03-31", 7);
    assert.deepEqual(await read(), { total: 2 });
    assert.equal(counter.computed, 2, "changes on other days left March's answer cached");
    await assert.rejects(
      db.transaction(async (tx) => {
        await cache.changed(tx, dayGenerations("figures", "2010-03-10"));
        throw new Error("refused");
      }),
    );
    assert.deepEqual(await read(), { total: 2 });
    assert.equal(counter.computed, 2, "a rolled back transaction moved nothing");
    assert.ok((await cacheInvalidations.get()).values.some((v) => v.labels.service === service && v.value > 0));
  });

  test("an answer computed from data older than a commit is never served after that commit", async () => {
    const { db, service } = await figures();
    const cache = new AggregateCache({ service, db, store: makeStore() });
    const { sum } = summer(db);
    await record(db, cache, "2010-03-15", 1);
    // A slow read: it reads the table, then waits while a write commits, then stores what it read.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let readTable!: () => void;
    const hasRead = new Promise<void>((resolve) => (readTable = resolve));
    const slow = cache.read(sumRead("2010-03-01", "2010-03-31"), async () => {
      const stale = await sum("2010-03-01", "2010-03-31");
      readTable();
      await gate;
      return stale;
    });
    await hasRead;
    await record(db, cache, "2010-03-16", 10);
    release();
    assert.deepEqual(await slow, { total: 1 }, "the slow reader gets what it read");
    const next = await cache.read(sumRead("2010-03-01", "2010-03-31"), () => sum("2010-03-01", "2010-03-31"));
    assert.deepEqual(next, { total: 11 }, "but no later reader gets it");
  });

  test("errors are not stored, and concurrent misses of one answer compute it once", async () => {
    const { db, service } = await figures();
    const cache = new AggregateCache({ service, db, store: makeStore() });
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error("BAD_USER_INPUT"));
    };
    await assert.rejects(cache.read(sumRead("2010-01-01", "2010-01-31"), failing));
    await assert.rejects(cache.read(sumRead("2010-01-01", "2010-01-31"), failing));
    assert.equal(calls, 2);
    const { counter, sum } = summer(db);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        cache.read(sumRead("2010-02-01", "2010-02-28"), () => sum("2010-02-01", "2010-02-28")),
      ),
    );
    assert.equal(counter.computed, 1);
    assert.deepEqual(answers, Array(5).fill({ total: 0 }));
    assert.equal(await count(service, "joined"), 4);
  });
});

describe("a cache in Redis shared by two processes of a department", () => {
  test("a write through one is seen by a read through the other at once", async () => {
    const { db, service } = await figures();
    // Two stores with their own connections: two replicas over one database and one Redis.
    const first = new AggregateCache({ service, db, store: redis() });
    const second = new AggregateCache({ service, db, store: redis() });
    const { counter, sum } = summer(db);
    const readBy = (cache: AggregateCache) =>
      cache.read(sumRead("2010-01-01", "2010-12-31"), () => sum("2010-01-01", "2010-12-31"));
    assert.deepEqual(await readBy(first), { total: 0 });
    assert.deepEqual(await readBy(second), { total: 0 });
    assert.equal(counter.computed, 1, "the second replica found the first one's answer");
    await record(db, first, "2010-07-01", 3);
    assert.deepEqual(await readBy(second), { total: 3 });
    await record(db, second, "2010-07-02", 4);
    assert.deepEqual(await readBy(first), { total: 7 });
  });

  test("when Redis cannot be reached, reads are answered from the database and counted as errors", async () => {
    const { db, service } = await figures();
    const store = new RedisCacheStore({ url: "redis://127.0.0.1:1", ttlMs: 60_000, commandTimeoutMs: 200 });
    afterThisTest(() => store.close());
    const cache = new AggregateCache({ service, db, store });
    const { counter, sum } = summer(db);
    await record(db, cache, "2010-01-05", 1);
    assert.deepEqual(await cache.read(sumRead("2010-01-01", "2010-01-31"), () => sum("2010-01-01", "2010-01-31")), {
      total: 1,
    });
    assert.equal(counter.computed, 1);
    assert.equal(await count(service, "error"), 1);
    assert.ok(
      (await cacheInvalidations.get()).values.some(
        (v) => v.labels.service === service && v.labels.outcome === "error" && v.value > 0,
      ),
      "the failed invalidation is counted",
    );
  });
});

describe("a bounded in-process store", () => {
  test("serves the answer itself, frozen: no reader can change it for the next", async () => {
    const { db, service } = await figures();
    const cache = new AggregateCache({ service, db, store: memory() });
    const read = () => cache.read(sumRead("2010-01-01", "2010-12-31"), async () => ({ total: 1, rows: [{ n: 1 }] }));
    const first = await read();
    const second = await read();
    assert.equal(second, first, "the same object, not parsed again");
    assert.throws(() => {
      (second.rows[0] as { n: number }).n = 2;
    }, TypeError);
    assert.deepEqual(await read(), { total: 1, rows: [{ n: 1 }] });
  });

  test("keeps at most its entries and bytes, least recently used out first, each for its lifetime", async () => {
    let now = 0;
    const store = new MemoryCacheStore({ maxEntries: 3, maxBytes: 10_000, maxGenerations: 10, ttlMs: 1000 }, () => now);
    const put = async (key: string, value: string) => {
      const { tokens } = await store.lookup(key, ["g"]);
      await store.store(key, tokens, value);
    };
    const get = async (key: string) => (await store.lookup(key, ["g"])).value;
    for (const key of ["a", "b", "c"]) await put(key, "x");
    assert.equal(await get("a"), "x", "a is used: b is now the oldest");
    await put("d", "x");
    assert.equal(store.size, 3);
    assert.equal(await get("b"), null, "the least recently used went");
    assert.equal(await get("a"), "x");
    now = 1000;
    assert.equal(await get("a"), null, "its lifetime is over");

    const bytes = new MemoryCacheStore({ maxEntries: 100, maxBytes: 800, maxGenerations: 10, ttlMs: 1000 }, () => now);
    for (let i = 10; i < 30; i++) {
      const { tokens } = await bytes.lookup(`k${i}`, ["g"]);
      await bytes.store(`k${i}`, tokens, "v".repeat(20));
      assert.ok(bytes.byteSize <= 800, "within its bytes");
    }
    assert.ok(bytes.size < 20 && bytes.size > 0);
    assert.equal((await bytes.lookup("k10", ["g"])).value, null, "the oldest went first");
    assert.equal((await bytes.lookup("k29", ["g"])).value, "v".repeat(20));
    const { tokens } = await bytes.lookup("huge", ["g"]);
    await bytes.store("huge", tokens, "v".repeat(60));
    assert.equal((await bytes.lookup("huge", ["g"])).value, null, "an answer over an eighth of the bytes is not kept");
  });

  test("remembers a bounded number of generations; one forgotten gets a new token, so nothing stale is served", async () => {
    const store = new MemoryCacheStore({ maxEntries: 10, maxBytes: 10_000, maxGenerations: 2, ttlMs: 60_000 });
    const { tokens } = await store.lookup("e", ["g1"]);
    await store.store("e", tokens, "answer");
    await store.lookup("x", ["g2", "g3"]);
    const after = await store.lookup("e", ["g1"]);
    assert.notEqual(after.tokens, tokens);
    assert.equal(after.value, null);
  });
});

test("a caller's scope is the roles of the reading set they hold and their token's hospital", () => {
  const caller = (over: Partial<Caller>): Caller => ({ ...ANONYMOUS, userId: "u", ...over });
  const readers = ["analyst", "hospital_admin", "info_office"] as const;
  assert.equal(callerScope(caller({ roles: ["window_clerk", "analyst"] }), readers), "analyst@");
  assert.equal(
    callerScope(caller({ roles: ["hospital_admin"], hospitalCode: " jd001" }), readers),
    "hospital_admin@JD001",
  );
  assert.equal(
    callerScope(caller({ roles: ["info_office", "analyst"], userId: "other", purpose: "x" }), readers),
    "analyst,info_office@",
  );
});
