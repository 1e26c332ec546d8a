import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { afterThisTest, openTestDatabase } from "@onewindow/testing";
import { afterCommit } from "./after-commit";

async function database() {
  const opened = await openTestDatabase({ service: "after-commit", entities: [], migrations: [] });
  afterThisTest(opened.close);
  await opened.db.query("CREATE TABLE after_commit_row (n INTEGER NOT NULL)");
  return opened.db;
}

const rows = async (db: Awaited<ReturnType<typeof database>>) =>
  Number((await db.query("SELECT COUNT(*) AS n FROM after_commit_row"))[0].n);

test("work registered in a transaction runs once it has committed, before the transaction's promise settles", async () => {
  const db = await database();
  const seen: number[] = [];
  await db.transaction(async (tx) => {
    await tx.query("INSERT INTO after_commit_row (n) VALUES (1)");
    await afterCommit(tx, async () => {
      // Another connection (or, on SQLite, the same one outside the transaction) sees the row.
      seen.push(await rows(db));
    });
    assert.deepEqual(seen, [], "not before the commit");
  });
  assert.deepEqual(seen, [1]);
});

test("work of a transaction that rolls back never runs, and the next transaction starts with none", async () => {
  const db = await database();
  const ran: string[] = [];
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.query("INSERT INTO after_commit_row (n) VALUES (1)");
      await afterCommit(tx, async () => void ran.push("rolled back"));
      throw new Error("refused");
    }),
    /refused/,
  );
  await db.transaction(async (tx) => {
    await afterCommit(tx, async () => void ran.push("committed"));
  });
  assert.deepEqual(ran, ["committed"]);
  assert.equal(await rows(db), 0);
});

test("a nested transaction's work waits for the outermost commit; a failing one does not undo it", async () => {
  const db = await database();
  const ran: string[] = [];
  await db.transaction(async (outer) => {
    await outer.transaction(async (inner) => {
      await inner.query("INSERT INTO after_commit_row (n) VALUES (1)");
      await afterCommit(inner, async () => void ran.push("inner"));
      await afterCommit(inner, () => Promise.reject(new Error("the cache is down")));
    });
    assert.deepEqual(ran, [], "a savepoint's release is not a commit");
  });
  assert.deepEqual(ran, ["inner"]);
  assert.equal(await rows(db), 1, "the commit stands");
});

test("outside a transaction the work runs at once", async () => {
  const db = await database();
  let ran = false;
  await afterCommit(db.manager, async () => {
    ran = true;
  });
  assert.ok(ran);
});
