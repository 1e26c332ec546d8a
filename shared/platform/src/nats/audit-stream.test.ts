import { describe, test } from "@jest/globals";
import { afterThisTest, auditRead, openTestDatabase } from "@onewindow/testing";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { AuditEntry } from "../audit/audit-entry.entity";
import { AUDIT_MIGRATIONS } from "../audit/audit-migrations";
import { isSignedHeadValid, signAuditHead } from "../audit/audit-head";
import { AuditTrail } from "../audit/audit-trail";
import { createLogger } from "../logger";
import { sqlQueries } from "../metrics";
import { AuditHeadRelay, mergeHeadRuns, readPublishedHeads } from "./audit-stream";
import { NatsEventBus } from "./nats-event-bus";

// The real NATS JetStream at NATS_URL (CI makes sure one runs), under a subject prefix of this
// file's own, and a real (in-memory SQLite) database.
const natsUrl = process.env.NATS_URL || "nats://127.0.0.1:4222";
const logger = createLogger("test", "silent");
const DEPARTMENT = "labor-security";

const read = (n: number) => auditRead(n, { department: DEPARTMENT });

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("the audit head relay against a real nats-server", () => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ed25519");

  /** A signed trail on a fresh database, its relay, and a bus of a subject prefix of its own. */
  async function trailWithRelay() {
    const bus = new NatsEventBus({
      url: natsUrl,
      prefix: `audithead${crypto.randomBytes(4).toString("hex")}`,
      service: DEPARTMENT,
      retentionDays: 1,
      logger,
    });
    bus.start();
    afterThisTest(() => bus.stop());
    await until(() => bus.connected, "NATS");
    const published = async () => {
      const { js, jsm } = bus.jetStream();
      return (await readPublishedHeads(js, jsm, bus.options.prefix, DEPARTMENT)) as { id: number; from: number }[];
    };
    const { db, service, close } = await openTestDatabase({
      service: "audit-relay",
      entities: [AuditEntry],
      migrations: AUDIT_MIGRATIONS,
    });
    const relay = new AuditHeadRelay(db, bus, DEPARTMENT, logger, privateKey);
    const trail = new AuditTrail(db, {
      department: DEPARTMENT,
      signingKey: privateKey,
      verifyKey: publicKey,
      publishedHeads: published,
      headsCommitted: (head) => relay.hand(head),
    });
    afterThisTest(async () => {
      await relay.stop();
      await close();
    });
    // The statements sent through this database (its label: `service`).
    const sqlCount = async () => (await sqlQueries.get()).values.find((v) => v.labels.service === service)?.value ?? 0;
    return { db, relay, trail, published, sqlCount };
  }

  test("every committed head reaches the stream, signed, in order; each costs one UPDATE besides its append", async () => {
    const { db, relay, trail, published, sqlCount } = await trailWithRelay();
    relay.start();
    // The first drain reads the table (nothing there yet); after it, heads come from memory.
    await until(async () => (await published()).length === 0 && (await sqlCount()) > 0, "the first sweep");
    await new Promise((r) => setTimeout(r, 200));
    await trail.resume();
    const before = await sqlCount();
    for (let i = 1; i <= 5; i++) {
      await trail.append([read(i)]);
      await until(async () => (await published()).length === i, `head ${i} published`);
    }
    // Per append, the rows and their head (one statement on PostgreSQL; BEGIN, rows, head, COMMIT
    // on SQLite); then the relay's one UPDATE.
    await new Promise((r) => setTimeout(r, 200));
    const append = db.options.type === "postgres" ? 1 : 4;
    assert.equal((await sqlCount()) - before, 5 * (append + 1));
    const heads = await published();
    assert.deepEqual(
      heads.map((h) => [h.from, h.id]),
      [1, 2, 3, 4, 5].map((i) => [i, i]),
    );
    for (const head of heads) assert.ok(isSignedHeadValid(publicKey, DEPARTMENT, head));
    const unsent = (await db.query("SELECT COUNT(*) AS n FROM audit_head WHERE sent_at IS NULL")) as { n: number }[];
    assert.equal(Number(unsent[0].n), 0, "every head marked sent");
    assert.equal((await trail.verify()).ok, true);
  });

  test("heads committed while no relay ran go out when one starts, as one head over all their rows", async () => {
    const { db, trail, relay, published } = await trailWithRelay();
    for (let i = 1; i <= 3; i++) await trail.append([read(i), read(10 + i)]);
    // Handed over before the relay started (as a stopped replica's would be lost from memory):
    // the start's sweep finds them in the table all the same.
    relay.start();
    await until(async () => (await published()).length >= 1, "the table's heads published");
    await new Promise((r) => setTimeout(r, 300));
    const heads = await published();
    assert.deepEqual(
      heads.map((h) => [h.from, h.id]),
      [[1, 6]],
    );
    assert.ok(isSignedHeadValid(publicKey, DEPARTMENT, heads[0]));
    const unsent = (await db.query("SELECT COUNT(*) AS n FROM audit_head WHERE sent_at IS NULL")) as { n: number }[];
    assert.equal(Number(unsent[0].n), 0, "the three heads it stands for marked sent");
    // The published head alone covers every row: with the table's heads gone, the trail still
    // checks, and cutting it short is still found.
    await db.query("DELETE FROM audit_head");
    assert.deepEqual(await trail.verify(), { ok: true, checked: 6, brokenAt: null, reason: null, signedHead: 6 });
    await db.query("DELETE FROM audit_entry WHERE id = 6");
    const cut = await trail.verify();
    assert.equal(cut.ok, false);
    assert.equal(cut.brokenAt, 6);
  });
});

describe("mergeHeadRuns: the heads one publish stands for", () => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ed25519");
  const head = (from: number, id: number, writer?: string) =>
    signAuditHead(privateKey, {
      department: DEPARTMENT,
      ...(writer ? { writer } : {}),
      from,
      id,
      hash: String(id).padStart(64, "0"),
      at: `2026-11-27T00:00:0${id % 10}.000Z`,
    });

  test("heads that follow one another on a chain become one, signed from the first row to the last", () => {
    const runs = mergeHeadRuns([head(1, 2), head(3, 3), head(4, 7)], privateKey);
    assert.equal(runs.length, 1);
    const { head: merged, first, last } = runs[0];
    assert.deepEqual([merged.from, merged.id, merged.hash, merged.at, first, last], [1, 7, head(4, 7).hash, head(4, 7).at, 2, 7]);
    assert.ok(isSignedHeadValid(publicKey, DEPARTMENT, merged));
  });

  test("a gap, another chain, or no key keeps heads apart; a lone head goes out as signed", () => {
    const lone = head(1, 2);
    assert.equal(mergeHeadRuns([lone], privateKey)[0].head, lone);
    assert.deepEqual(
      mergeHeadRuns([head(1, 2), head(4, 5), head(1, 3, "w1"), head(6, 6), head(4, 4, "w1")], privateKey).map(
        (r) => [r.head.writer ?? "", r.head.from, r.head.id, r.first, r.last],
      ),
      [
        ["", 1, 2, 2, 2],
        ["", 4, 6, 5, 6],
        ["w1", 1, 4, 3, 4],
      ],
    );
    assert.deepEqual(
      mergeHeadRuns([head(1, 2), head(3, 3)], undefined).map((r) => [r.head.from, r.head.id]),
      [
        [1, 2],
        [3, 3],
      ],
    );
  });
});
