import { describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { afterThisTest } from "@onewindow/testing";
import { createDataSource, postgresDatabaseName, withPostgresAdmin } from "../data-source";
import { createLogger } from "../logger";
import { runPrepared } from "./sql";
import { allowReplicaReads, freshReads, isPlainRead, onPrimary, parseLsn, readScope } from "./read-routing";

test("only a plain SELECT may run on a replica", () => {
  for (const sql of [
    "SELECT 1",
    "  select id FROM citizen WHERE id = $1",
    "/* metrics scrape */ SELECT COUNT(*) FROM outbox_event",
  ])
    assert.ok(isPlainRead(sql), sql);
  for (const sql of [
    "INSERT INTO audit_entry VALUES (1)",
    "WITH x AS (DELETE FROM a RETURNING *) SELECT * FROM x",
    "SELECT * FROM task WHERE id = 1 FOR UPDATE",
    "SELECT * FROM task FOR NO KEY UPDATE",
    "SELECT * FROM task FOR SHARE",
    "UPDATE employer SET name = 'SELECT'",
  ])
    assert.ok(!isPlainRead(sql), sql);
});

test("WAL positions compare as numbers, across the high word", () => {
  assert.ok(parseLsn("0/FFFFFFFF") < parseLsn("1/0"));
  assert.ok(parseLsn("16/B374D848") > parseLsn("16/B374D847"));
  assert.equal(parseLsn("0/0"), 0n);
  assert.throws(() => parseLsn("B374D848"), /not a WAL position/);
});

/*
 * Against the streaming replica of `infra/scripts/pg-replica.sh` (127.0.0.1:5433, or
 * ONEWINDOW_REPLICA_URL), beside DATABASE_URL's PostgreSQL; skipped without them (CI has both).
 */
const REPLICA = process.env.ONEWINDOW_REPLICA_URL || "postgres://postgres@127.0.0.1:5433";

function replicaMissing(): string | null {
  if (!process.env.DATABASE_URL?.startsWith("postgres")) return "needs DATABASE_URL on PostgreSQL";
  const probe = spawnSync(
    process.execPath,
    [
      "-e",
      `const { Client } = require(process.argv[1]);
       const c = new Client({ connectionString: process.argv[2], connectionTimeoutMillis: 3000 });
       c.connect().then(() => c.query("SELECT pg_is_in_recovery() AS standby"))
        .then((r) => console.log(r.rows[0].standby ? "ok" : "the server there is not a standby"), (e) => console.log(e.message))
        .finally(() => c.end().catch(() => {}));`,
      require.resolve("pg"),
      new URL("/postgres", REPLICA).toString(),
    ],
    { encoding: "utf8", timeout: 15_000 },
  );
  const answer = probe.stdout.trim();
  return answer === "ok" ? null : `no streaming replica at ${REPLICA} (${answer || "no answer"})`;
}

const missing = replicaMissing();
if (missing && process.env.ONEWINDOW_REPLICA_URL && process.env.DATABASE_URL)
  test("the streaming replica CI asked for answers", () => assert.fail(`ONEWINDOW_REPLICA_URL is set, but ${missing}`));

(missing ? describe.skip : describe)(`read routing with a streaming replica${missing ? ` (${missing})` : ""}`, () => {
  /** A throw-away database on DATABASE_URL's server, served with the replica. */
  async function openReplicated(maxWaitMs: number): Promise<DataSource> {
    const databaseUrl = process.env.DATABASE_URL!;
    const service = `routing-test-${randomBytes(4).toString("hex")}`;
    const replica = new URL(REPLICA);
    replica.pathname = new URL(databaseUrl).pathname;
    const db = await createDataSource({
      service,
      entities: [],
      migrations: [],
      config: {
        dataDir: "",
        databaseUrl,
        databaseReplicaUrls: [replica.toString()],
        databaseReplicaMaxWaitMs: maxWaitMs,
      },
      logger: createLogger("test", "silent"),
    });
    afterThisTest(async () => {
      await db.destroy();
      await withPostgresAdmin(databaseUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS "${postgresDatabaseName(databaseUrl, service)}" WITH (FORCE)`),
      );
    });
    await db.query("CREATE TABLE routed (n integer NOT NULL)");
    return db;
  }

  const standby = async (db: DataSource) =>
    ((await db.query("SELECT pg_is_in_recovery() AS standby")) as { standby: boolean }[])[0].standby;
  const count = async (db: DataSource) =>
    ((await db.query("SELECT COUNT(*)::int AS n FROM routed")) as { n: number }[])[0].n;

  async function onReplicaServer(statement: string): Promise<unknown[]> {
    const client = new Client({ connectionString: new URL("/postgres", REPLICA).toString() });
    await client.connect();
    try {
      return (await client.query(statement)).rows;
    } finally {
      await client.end();
    }
  }

  test("a query's reads go to the replica; a write pins the rest of the scope to the primary, the platform's appends do not", async () => {
    // Waits as long as a busy machine's replica may need, so that the replica always qualifies here.
    const db = await openReplicated(10_000);
    assert.equal(await standby(db), false, "outside a read scope: the primary");
    await readScope(async () => {
      assert.equal(await standby(db), false, "a scope not opened to replicas (a mutation): the primary");
    });
    await readScope(async () => {
      allowReplicaReads();
      assert.equal(await standby(db), true, "a query's read: the replica");
      const [prepared] = await runPrepared<{ standby: boolean }>(db, "SELECT pg_is_in_recovery() AS standby");
      assert.equal(prepared.standby, true, "a prepared read too");
      await onPrimary(() => db.query("INSERT INTO routed (n) VALUES (1)"));
      assert.equal(await standby(db), true, "an append on the primary leaves the reads on the replica");
      // Read after the append, in a scope of its own whose fence is taken now: the append is there.
      assert.equal(await freshReads(() => count(db)), 1);
      await db.transaction((tx) => tx.query("INSERT INTO routed (n) VALUES (2)"));
      assert.equal(await standby(db), false, "after a write: the primary");
      assert.equal(await count(db), 2, "reads its own write");
    });
  });

  test("a replica behind the primary's position at the request's start leaves the request on the primary, with the current answer", async () => {
    const db = await openReplicated(0);
    await onReplicaServer("SELECT pg_wal_replay_pause()");
    afterThisTest(() => onReplicaServer("SELECT pg_wal_replay_resume()").then(() => undefined));
    for (let i = 0; ; i++) {
      const [row] = (await onReplicaServer("SELECT pg_get_wal_replay_pause_state() AS state")) as { state: string }[];
      if (row.state === "paused") break;
      assert.ok(i < 200, "replay pauses");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await db.query("INSERT INTO routed (n) VALUES (1)");
    await readScope(async () => {
      allowReplicaReads();
      assert.equal(await count(db), 1, "the write is read");
      assert.equal(await standby(db), false, "from the primary");
    });
    await onReplicaServer("SELECT pg_wal_replay_resume()");
    for (let i = 0; ; i++) {
      const served = await readScope(async () => {
        allowReplicaReads();
        return { standby: await standby(db), n: await count(db) };
      });
      if (served.standby) {
        assert.equal(served.n, 1, "the replica, caught up, has the write");
        break;
      }
      assert.ok(i < 400, "the replica serves again once it has caught up");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
});
