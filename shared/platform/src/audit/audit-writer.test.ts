import { test } from "@jest/globals";
import { afterThisTest, auditRead, countStatements, openTestDatabase } from "@onewindow/testing";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import type { DataSource } from "typeorm";
import { createDataSource } from "../data-source";
import { createLogger } from "../logger";
import { AuditEntry } from "./audit-entry.entity";
import { isSignedHeadValid, type SignedAuditHead } from "./audit-head";
import { AUDIT_MIGRATIONS } from "./audit-migrations";
import { AuditTrail } from "./audit-trail";
import { claimAuditWriter } from "./audit-writer";

const read = (n: number) => auditRead(n);

const postgres = !!process.env.DATABASE_URL;
const p = (db: DataSource, sql: string) => {
  let n = 0;
  return db.options.type === "postgres" ? sql.replace(/\?/g, () => `$${++n}`) : sql;
};

/**
 * A department's database with its audit tables, its keys, and what it published (the test copies
 * `audit_head` there, as the relay would): trails over it are the department's writer processes.
 */
async function department() {
  const { db, service, close } = await openTestDatabase({
    service: "audit-writer",
    entities: [AuditEntry],
    migrations: AUDIT_MIGRATIONS,
  });
  afterThisTest(close);
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ed25519");
  const published: SignedAuditHead[] = [];
  const mismatches: string[] = [];
  const trail = (writer = "", on: DataSource = db) =>
    new AuditTrail(
      on,
      {
        department: "labor-security",
        signingKey: privateKey,
        verifyKey: publicKey,
        publishedHeads: async () => published,
      },
      { writer, onChainMismatch: (message) => mismatches.push(message) },
    );
  /** Everything in `audit_head` now, as the relay would have published it. */
  const publish = async () => {
    const rows = (await db.query("SELECT writer, id, from_id, hash, at, signature FROM audit_head")) as Record<
      string,
      string
    >[];
    published.splice(
      0,
      published.length,
      ...rows.map((r) => ({
        department: "labor-security",
        ...(r.writer ? { writer: r.writer } : {}),
        from: Number(r.from_id),
        id: Number(r.id),
        hash: r.hash,
        at: r.at,
        signature: r.signature,
      })),
    );
  };
  /** A second connection pool on the same database: another process of the department (PostgreSQL). */
  const anotherProcess = async (): Promise<DataSource> => {
    const other = await createDataSource({
      service,
      entities: [AuditEntry],
      migrations: AUDIT_MIGRATIONS,
      config: { dataDir: "", databaseUrl: process.env.DATABASE_URL },
      logger: createLogger("test", "silent"),
    });
    afterThisTest(() => other.destroy());
    return other;
  };
  return { db, service, trail, publish, published, publicKey, mismatches, anotherProcess };
}

const rowsOf = async (db: DataSource, writer: string) =>
  (
    (await db.query(p(db, "SELECT id FROM audit_entry WHERE writer = ? ORDER BY id"), [writer])) as { id: number }[]
  ).map((r) => Number(r.id));

test("an append of a signed group is one statement on PostgreSQL and one short transaction on SQLite", async () => {
  const { db, service, trail } = await department();
  const writer = trail();
  await writer.append([read(1)]);
  // The head is in memory: no lock, no read of the chain, one INSERT of the rows with their head.
  const statements = await countStatements(service, () => writer.append([read(2), read(3), read(4)]));
  assert.equal(statements, postgres ? 1 : 4, "PostgreSQL: INSERT; SQLite: BEGIN, INSERT rows, INSERT head, COMMIT");
  assert.deepEqual(await rowsOf(db, ""), [1, 2, 3, 4]);
  const heads = (await db.query("SELECT id, from_id FROM audit_head ORDER BY id")) as { id: number; from_id: number }[];
  assert.deepEqual(
    heads.map((h) => [Number(h.from_id), Number(h.id)]),
    [
      [1, 1],
      [2, 4],
    ],
  );
});

test("a restarted writer resumes its chain where the database has it, and the chain checks out", async () => {
  const { db, trail, publish, mismatches } = await department();
  const first = trail();
  for (let i = 1; i <= 3; i++) await first.append([read(i)]);
  // The process stops; the next one over the same database reads the chain's head at start-up.
  const next = trail();
  assert.equal(await next.resume(), 3);
  await next.append([read(4), read(5)]);
  assert.deepEqual(await rowsOf(db, ""), [1, 2, 3, 4, 5]);
  await publish();
  assert.deepEqual(await next.verify(), { ok: true, checked: 5, brokenAt: null, reason: null, signedHead: 5 });
  assert.deepEqual(mismatches, []);
});

test("the start-up check finds rows added after the newest signed head; they stay uncovered and verify names them", async () => {
  const { db, trail, publish, mismatches } = await department();
  const first = trail();
  for (let i = 1; i <= 3; i++) await first.append([read(i)]);
  await publish();
  // An insider appends a well-chained row of their own while the department is down.
  const [last] = (await db.query("SELECT * FROM audit_entry WHERE id = 3")) as Record<string, unknown>[];
  const content = [
    4,
    last.at,
    "forged",
    ...["user_id", "roles", "purpose", "id_number", "department", "fields"].map((c) => last[c]),
  ];
  const forged: Record<string, unknown> = { ...last, id: 4, request_id: "forged", prev_hash: last.hash };
  forged.hash = crypto
    .createHash("sha256")
    .update(JSON.stringify([...content, last.hash, last.client_request_id, last.token_jti, last.outcome, last.reason]))
    .digest("hex");
  const cols = Object.keys(forged);
  await db.query(
    p(db, `INSERT INTO audit_entry (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`),
    Object.values(forged),
  );
  const restarted = trail();
  assert.equal(await restarted.resume(), 4);
  assert.deepEqual(mismatches, [
    "row 4 of the chain is covered by no signed head: it was written behind the department's back, and the next head does not cover it",
  ]);
  // Nothing is overwritten: the writer appends after the row, and its head covers its own row only.
  await restarted.append([read(5)]);
  await publish();
  assert.deepEqual(await restarted.verify(), {
    ok: false,
    checked: 3,
    brokenAt: 4,
    reason: "row 4 is covered by no signed head: it was inserted behind the department's back",
    signedHead: 5,
  });
});

test("the start-up check finds a chain that ends before its newest signed head, and a head the department did not sign", async () => {
  const { db, trail, mismatches } = await department();
  const first = trail();
  for (let i = 1; i <= 4; i++) await first.append([read(i)]);
  await db.query("DELETE FROM audit_entry WHERE id = 4");
  await trail().resume();
  assert.deepEqual(mismatches, ["the chain ends at row 3, before its newest signed head (row 4): rows were removed"]);
  mismatches.length = 0;
  await db.query("DELETE FROM audit_head WHERE id = 4");
  await db.query("UPDATE audit_head SET signature = ? WHERE id = 3".replace("?", "'AAAA'"));
  await trail().resume();
  assert.deepEqual(mismatches, [
    "the chain's newest head in the database (row 3) is not signed with the department's key: the next head covers only rows after row 3",
  ]);
  mismatches.length = 0;
  // Without that head, row 3 is one no valid head covers.
  await db.query("DELETE FROM audit_head WHERE id = 3");
  await trail().resume();
  assert.deepEqual(mismatches, [
    "row 3 of the chain is covered by no signed head: it was written behind the department's back, and the next head does not cover it",
  ]);
});

test("writers append to chains of their own at once; verify checks every chain, and a broken one by its name", async () => {
  const { db, trail, publish, anotherProcess } = await department();
  // On PostgreSQL the second writer is another connection pool, as another process has.
  const a = trail("");
  const b = trail("w1", postgres ? await anotherProcess() : db);
  await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).append([read(2 * i), read(2 * i + 1)])));
  assert.deepEqual(
    await rowsOf(db, ""),
    Array.from({ length: 12 }, (_, i) => i + 1),
  );
  assert.deepEqual(
    await rowsOf(db, "w1"),
    Array.from({ length: 12 }, (_, i) => i + 1),
  );
  await publish();
  assert.deepEqual(await a.verify(), { ok: true, checked: 24, brokenAt: null, reason: null, signedHead: 24 });

  await db.query("UPDATE audit_entry SET purpose = 'nothing to see' WHERE writer = 'w1' AND id = 5");
  assert.deepEqual(await a.verify(), {
    ok: false,
    checked: 12 + 4,
    brokenAt: 5,
    reason: "chain w1: row 5 was altered after it was written",
    signedHead: 24,
  });
  await db.query("UPDATE audit_entry SET purpose = 'walk-in enquiry' WHERE writer = 'w1' AND id = 5");
  assert.equal((await a.verify()).ok, true);

  // Truncating one chain with its local heads: its published heads still say how far it went.
  await db.query("DELETE FROM audit_entry WHERE writer = 'w1' AND id > 9");
  await db.query("DELETE FROM audit_head WHERE writer = 'w1' AND id > 9");
  assert.deepEqual(await a.verify(), {
    ok: false,
    checked: 12 + 9,
    brokenAt: 10,
    reason: "chain w1: rows 10-12 are missing: the trail ends before its newest signed head",
    signedHead: 24,
  });
  // Even the whole chain.
  await db.query("DELETE FROM audit_entry WHERE writer = 'w1'");
  await db.query("DELETE FROM audit_head WHERE writer = 'w1'");
  assert.equal(
    (await a.verify()).reason,
    "chain w1: rows 1-12 are missing: the trail ends before its newest signed head",
  );
});

test("a head moved to another chain, or to the first, counts for nothing", async () => {
  const { trail, publish, published, publicKey } = await department();
  await trail("w1").append([read(1)]);
  await publish();
  const head = published.find((h) => h.writer === "w1")!;
  assert.equal(isSignedHeadValid(publicKey, "labor-security", head), true);
  // The signature covers the chain: relabelled, the head checks for no chain.
  assert.equal(isSignedHeadValid(publicKey, "labor-security", { ...head, writer: "w2" }), false);
  assert.equal(isSignedHeadValid(publicKey, "labor-security", { ...head, writer: undefined }), false);
  assert.equal(isSignedHeadValid(publicKey, "labor-security", { ...head, writer: "W1\n" }), false);
});

test("two processes on one chain take turns without forking it, and each says the chain moved without it", async () => {
  const { db, trail, publish, mismatches, anotherProcess } = await department();
  const a = trail("w1");
  const b = trail("w1", postgres ? await anotherProcess() : db);
  for (let i = 0; i < 6; i++) await Promise.all([a.append([read(2 * i)]), b.append([read(2 * i + 1)])]);
  assert.deepEqual(
    await rowsOf(db, "w1"),
    Array.from({ length: 12 }, (_, i) => i + 1),
  );
  await publish();
  assert.deepEqual(await a.verify(), { ok: true, checked: 12, brokenAt: null, reason: null, signedHead: 12 });
  assert.ok(mismatches.length > 0);
  assert.match(mismatches[0], /^chain w1 moved from row \d+ to row \d+ without this writer/);
});

(postgres ? test : test.skip)(
  "on PostgreSQL each process claims a chain no live process holds, and takes its own again after a restart",
  async () => {
    const { anotherProcess } = await department();
    const logger = createLogger("test", "silent");
    const [one, two] = [await anotherProcess(), await anotherProcess()];
    const first = await claimAuditWriter(one, logger);
    const second = await claimAuditWriter(two, logger);
    afterThisTest(() => Promise.all([first.release(), second.release()]));
    assert.equal(first.writer, "");
    assert.equal(second.writer, "w1");
    await first.release();
    const restarted = await claimAuditWriter(one, logger);
    afterThisTest(() => restarted.release());
    assert.equal(restarted.writer, "");
  },
);
