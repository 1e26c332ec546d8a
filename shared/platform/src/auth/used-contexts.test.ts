import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { countStatements, openTestDatabase } from "@onewindow/testing";
import { USED_CONTEXT_MIGRATIONS, UsedContexts } from "./used-contexts";

test("a context id is accepted once; a second claim, as from another replica, is UNAUTHENTICATED", async () => {
  const { db, close } = await openTestDatabase({
    service: "used-contexts",
    entities: [],
    migrations: USED_CONTEXT_MIGRATIONS,
  });
  try {
    // Two instances over one database: two replicas of a department.
    const first = new UsedContexts(db, "tax");
    const second = new UsedContexts(db, "tax");
    const id = randomUUID();
    await first.claim(id, Date.now() + 35_000);
    await assert.rejects(
      second.claim(id, Date.now() + 35_000),
      (err: { extensions?: { code?: string }; message: string }) => {
        assert.equal(err.extensions?.code, "UNAUTHENTICATED");
        assert.match(err.message, /replayed/);
        return true;
      },
    );
    await second.claim(randomUUID(), Date.now() + 35_000);
  } finally {
    await close();
  }
});

test("ids a minute past their freshness are deleted by a later claim: the table stays bounded", async () => {
  const { db, close } = await openTestDatabase({
    service: "used-contexts",
    entities: [],
    migrations: USED_CONTEXT_MIGRATIONS,
  });
  try {
    const used = new UsedContexts(db, "tax");
    const t = 1_800_000_000_000;
    const old = Array.from({ length: 5 }, () => randomUUID());
    for (const id of old) await used.claim(id, t);
    await used.claim(randomUUID(), t + 60_000);
    const count = async () => Number((await db.query("SELECT COUNT(*) AS n FROM used_context"))[0].n);
    assert.equal(await count(), 6, "nothing deleted while a replay could still be fresh somewhere");
    // One claim in sixteen prunes (by its expiry): t + 60,001 does not, t + 60,016 does.
    await used.claim(randomUUID(), t + 60_001);
    assert.equal(await count(), 7, "not pruned by every claim");
    await used.claim(randomUUID(), t + 60_016);
    assert.equal(await count(), 3, "the five old ids are gone");
    if (db.options.type === "postgres") {
      const [{ persistence }] = await db.query(
        "SELECT relpersistence AS persistence FROM pg_class WHERE relname = 'used_context'",
      );
      assert.equal(persistence, "u", "an unlogged table: no WAL flush per request");
    }
  } finally {
    await close();
  }
});

test("claims arriving together are one statement; each is refused or accepted on its own", async () => {
  const { db, service, close } = await openTestDatabase({
    service: "used-contexts",
    entities: [],
    migrations: USED_CONTEXT_MIGRATIONS,
  });
  try {
    const used = new UsedContexts(db, "tax");
    const other = new UsedContexts(db, "tax");
    const seen = randomUUID();
    await other.claim(seen, Date.now() + 35_000);
    const fresh = Array.from({ length: 20 }, () => randomUUID());
    const twice = randomUUID();
    let outcomes: PromiseSettledResult<void>[] = [];
    // The first claim goes out alone; the 22 made while it is in flight go in one more statement.
    const statements = await countStatements(service, async () => {
      outcomes = await Promise.allSettled([
        used.claim(randomUUID(), Date.now() + 35_000),
        ...fresh.map((id) => used.claim(id, Date.now() + 35_000)),
        used.claim(seen, Date.now() + 35_000),
        used.claim(twice, Date.now() + 35_000),
        used.claim(twice, Date.now() + 35_000),
      ]);
    });
    assert.equal(statements, 2);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      [...Array(21).fill("fulfilled"), "rejected", "fulfilled", "rejected"],
    );
    for (const o of outcomes)
      if (o.status === "rejected")
        assert.equal((o.reason as { extensions?: { code?: string } }).extensions?.code, "UNAUTHENTICATED");
    await assert.rejects(other.claim(fresh[7], Date.now() + 35_000), /replayed/);
  } finally {
    await close();
  }
});
