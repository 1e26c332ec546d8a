import { describe, test } from "@jest/globals";
import { afterThisTest, auditRead, openTestDatabase } from "@onewindow/testing";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import type { DataSource } from "typeorm";
import { AuditEntry } from "../audit/audit-entry.entity";
import { AUDIT_MIGRATIONS } from "../audit/audit-migrations";
import { isSignedHeadValid, signAuditHead } from "../audit/audit-head";
import { AuditTrail } from "../audit/audit-trail";
import { createLogger } from "../logger";
import { sqlQueries } from "../metrics";
import {
  AuditHeadRelay,
  auditStreamName,
  auditSubject,
  bundleHeads,
  headsOf,
  readPublishedHeads,
} from "./audit-stream";
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

/** The heads not yet marked sent: the relay marks them once the stream has acknowledged them. */
async function unsentHeads(db: DataSource): Promise<number> {
  const [row] = (await db.query("SELECT COUNT(*) AS n FROM audit_head WHERE sent_at IS NULL")) as { n: number }[];
  return Number(row.n);
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
    const relay = new AuditHeadRelay(db, bus, DEPARTMENT, logger);
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
    /** How many messages the department's subject of the audit stream holds. */
    const messages = async () => {
      const subject = auditSubject(bus.options.prefix, DEPARTMENT);
      const info = await bus.jetStream().jsm.streams.info(auditStreamName(bus.options.prefix), {
        subjects_filter: subject,
      });
      return info.state.subjects?.[subject] ?? 0;
    };
    return { db, relay, trail, published, sqlCount, messages };
  }

  test("every committed head reaches the stream, signed, in order; each costs one UPDATE besides its append", async () => {
    const { db, relay, trail, published, sqlCount } = await trailWithRelay();
    const opened = await sqlCount();
    relay.start();
    // The first drain reads the table (nothing there yet); after it, heads come from memory.
    await until(async () => (await sqlCount()) > opened, "the first sweep");
    assert.deepEqual(await published(), []);
    await trail.resume();
    const before = await sqlCount();
    for (let i = 1; i <= 5; i++) {
      await trail.append([read(i)]);
      await until(async () => (await published()).length === i, `head ${i} published`);
    }
    // Per append, the rows and their head (one statement on PostgreSQL; BEGIN, rows, head, COMMIT
    // on SQLite); then the relay's one UPDATE, which follows the stream's acknowledgement.
    const append = db.options.type === "postgres" ? 1 : 4;
    await until(async () => (await sqlCount()) - before >= 5 * (append + 1), "the fifth head marked sent");
    assert.equal((await sqlCount()) - before, 5 * (append + 1));
    const heads = await published();
    assert.deepEqual(
      heads.map((h) => [h.from, h.id]),
      [1, 2, 3, 4, 5].map((i) => [i, i]),
    );
    for (const head of heads) assert.ok(isSignedHeadValid(publicKey, DEPARTMENT, head));
    assert.equal(await unsentHeads(db), 0, "every head marked sent");
    assert.equal((await trail.verify()).ok, true);
  });

  test("heads committed while no relay ran go out when one starts: it reads them from the table", async () => {
    const { trail, relay, published } = await trailWithRelay();
    for (let i = 1; i <= 3; i++) await trail.append([read(i)]);
    // Handed over before the relay started (as a stopped replica's would be lost from memory):
    // the start's sweep finds them in the table all the same, and each is stored once.
    relay.start();
    await until(async () => (await published()).length >= 3, "the table's heads published");
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(
      (await published()).map((h) => h.id),
      [1, 2, 3],
    );
  });

  test("the heads one drain finds go out in one message, each as it was signed, all marked sent", async () => {
    const { db, trail, relay, published, messages } = await trailWithRelay();
    for (let i = 1; i <= 4; i++) await trail.append([read(i)]);
    relay.start();
    await until(async () => (await published()).length >= 4, "the table's heads published");
    assert.equal(await messages(), 1);
    const heads = (await published()) as { from: number; id: number }[];
    assert.deepEqual(
      heads.map((h) => [h.from, h.id]),
      [1, 2, 3, 4].map((i) => [i, i]),
    );
    for (const head of heads) assert.ok(isSignedHeadValid(publicKey, DEPARTMENT, head));
    await until(async () => (await unsentHeads(db)) === 0, "every head marked sent");
    // With the department's own heads gone, the published ones still cover every row, and cutting
    // the trail short is still found at the first row missing.
    await db.query("DELETE FROM audit_head");
    assert.deepEqual(await trail.verify(), { ok: true, checked: 4, brokenAt: null, reason: null, signedHead: 4 });
    await db.query("DELETE FROM audit_entry WHERE id > 2");
    assert.deepEqual(await trail.verify(), {
      ok: false,
      checked: 2,
      brokenAt: 3,
      reason: "rows 3-4 are missing: the trail ends before its newest signed head",
      signedHead: 4,
    });
  });
});

describe("bundleHeads and headsOf: a message of the audit stream", () => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ed25519");
  const head = (from: number, id: number, writer?: string) =>
    signAuditHead(privateKey, {
      department: DEPARTMENT,
      ...(writer ? { writer } : {}),
      from,
      id,
      hash: String(id).padStart(64, "0"),
      at: "2026-11-27T00:00:00.000Z",
    });

  test("one message per chain, whose own fields are the chain's newest head; read back, every head as signed", () => {
    const heads = [head(1, 2), head(1, 1, "w1"), head(3, 5), head(2, 2, "w1"), head(6, 6)];
    const bundles = bundleHeads(heads);
    assert.deepEqual(
      bundles.map((b) => b.heads.map((h) => `${h.writer ?? ""}:${h.id}`)),
      [
        [":2", ":5", ":6"],
        ["w1:1", "w1:2"],
      ],
    );
    for (const { message, heads: carried } of bundles) {
      const sent = JSON.parse(JSON.stringify(message)) as unknown;
      // A reader of the message alone sees the newest head, signed.
      assert.ok(isSignedHeadValid(publicKey, DEPARTMENT, sent));
      assert.equal((sent as { id: number }).id, carried.at(-1)!.id);
      const read = headsOf(sent);
      assert.deepEqual(read, carried);
      for (const h of read) assert.ok(isSignedHeadValid(publicKey, DEPARTMENT, h));
    }
  });

  test("a message of one head is that head, and reads back as itself", () => {
    const lone = head(1, 3);
    assert.deepEqual(bundleHeads([lone]), [{ message: lone, heads: [lone] }]);
    assert.deepEqual(headsOf(JSON.parse(JSON.stringify(lone))), [lone]);
    assert.deepEqual(headsOf("not a head"), ["not a head"]);
  });
});
