import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { openTestDatabase } from "../test-database";
import { UsedContexts } from "./used-contexts";
import { CreateUsedContexts1764460000000 } from "./used-contexts.migration";

test("a context id is accepted once; a second claim, as from another replica, is UNAUTHENTICATED", async () => {
  const { db, close } = await openTestDatabase({ service: "used-contexts", entities: [], migrations: [CreateUsedContexts1764460000000] });
  try {
    // Two instances over one database: two replicas of a department.
    const first = new UsedContexts(db, "tax");
    const second = new UsedContexts(db, "tax");
    const id = randomUUID();
    await first.claim(id, Date.now() + 35_000);
    await assert.rejects(second.claim(id, Date.now() + 35_000), (err: { extensions?: { code?: string }; message: string }) => {
      assert.equal(err.extensions?.code, "UNAUTHENTICATED");
      assert.match(err.message, /replayed/);
      return true;
    });
    await second.claim(randomUUID(), Date.now() + 35_000);
  } finally {
    await close();
  }
});

test("ids a minute past their freshness are deleted by the next claim: the table stays bounded", async () => {
  const { db, close } = await openTestDatabase({ service: "used-contexts", entities: [], migrations: [CreateUsedContexts1764460000000] });
  try {
    const used = new UsedContexts(db, "tax");
    const t = 1_800_000_000_000;
    const old = Array.from({ length: 5 }, () => randomUUID());
    for (const id of old) await used.claim(id, t);
    await used.claim(randomUUID(), t + 60_000);
    const count = async () => Number((await db.query("SELECT COUNT(*) AS n FROM used_context"))[0].n);
    assert.equal(await count(), 6, "nothing deleted while a replay could still be fresh somewhere");
    await used.claim(randomUUID(), t + 60_001);
    assert.equal(await count(), 2, "the five old ids are gone");
  } finally {
    await close();
  }
});
