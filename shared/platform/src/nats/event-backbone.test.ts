import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { connect, type NatsConnection } from "nats";
import { IsNull, type DataSource } from "typeorm";
import { createDataSource } from "../data-source";
import { loadBaseConfig } from "../config";
import { createLogger } from "../logger";
import { DeadLetter } from "../events/dead-letter.entity";
import { EventPublisher } from "../events/event-publisher";
import { InboxEvent } from "../events/inbox-event.entity";
import { CreateInboxAndDeadLetters1763900000000 } from "../events/inbox.migration";
import { OutboxEvent } from "../events/outbox-event.entity";
import { CreateOutbox1763800000000 } from "../events/outbox.migration";
import { listDeadLetters, replayDeadLetter, type EventHandlers } from "../events/event-handling";
import type { EventEnvelope } from "../events/event-envelope";
import { AddOutboxSignedEnvelope1764500000000 } from "../events/outbox-envelope.migration";
import { PartitionEvents1765400000000 } from "../events/partition-events.migration";
import { signEnvelope } from "../events/event-signing";
import { ensureDevEventKeys, loadEventSigningKey, loadEventVerifyKeys } from "../auth/event-keys";
import { EVENT_PUBLISHERS } from "@onewindow/contracts";
import { startEventing, type Eventing } from "./eventing";
import { NatsEventBus } from "./nats-event-bus";
import { OutboxRelay } from "./outbox-relay";

// These tests talk to the real NATS JetStream at NATS_URL (CI makes sure one runs), each under
// a subject prefix of its own, and to a real (in-memory SQLite) database. Publishers sign with
// the development keys of a fresh directory; what NATS itself permits is tested on a server
// with the generated users (test/src/event-trust.test.ts).
const natsUrl = process.env.NATS_URL || "nats://127.0.0.1:4222";
const logger = createLogger("test", "silent");

async function database(): Promise<DataSource> {
  return createDataSource({
    service: "test",
    entities: [OutboxEvent, InboxEvent, DeadLetter],
    migrations: [
      CreateOutbox1763800000000,
      CreateInboxAndDeadLetters1763900000000,
      AddOutboxSignedEnvelope1764500000000,
      PartitionEvents1765400000000,
    ],
    config: { dataDir: "", databaseUrl: undefined },
    logger,
    inMemory: true,
  });
}

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("the event backbone against a real nats-server", () => {
  let prefix: string;
  let nc: NatsConnection;
  const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-event-keys-"));
  ensureDevEventKeys(keysDir);
  const publishers: string[] = Object.values(EVENT_PUBLISHERS);
  const running: Eventing[] = [];
  const databases: DataSource[] = [];

  function configFor(extra: Record<string, string> = {}) {
    return loadBaseConfig({ NATS_URL: natsUrl, EVENTS_PREFIX: prefix, EVENT_MAX_ATTEMPTS: "3", ...extra });
  }

  async function service(name: string, handlers?: EventHandlers) {
    const db = await database();
    databases.push(db);
    // A department signs with its own key; a pure consumer with a throwaway one.
    const signingKey = publishers.includes(name)
      ? loadEventSigningKey({}, keysDir, name)
      : generateKeyPairSync("ed25519").privateKey;
    const trust = { signingKey, verifyKeys: loadEventVerifyKeys({}, keysDir, publishers) };
    const eventing = startEventing(db, configFor(), name, handlers, logger, trust);
    running.push(eventing);
    await until(() => eventing.bus.connected, "NATS connection");
    return { db, eventing, publisher: new EventPublisher(name) };
  }

  beforeAll(async () => {
    prefix = `ow_u${randomBytes(4).toString("hex")}`;
    nc = await connect({ servers: natsUrl });
  });
  afterAll(async () => {
    for (const eventing of running) await eventing.stop();
    for (const db of databases) await db.destroy();
    const jsm = await nc.jetstreamManager();
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(prefix.toUpperCase())) await jsm.streams.delete(stream.config.name);
    }
    await nc.close();
    fs.rmSync(keysDir, { recursive: true, force: true });
  });

  test("a rolled-back change publishes nothing; a committed one is delivered once, in order", async () => {
    const applied: string[] = [];
    const consumer = await service("consumer-a", {
      "onewindow.labor.unemployment.registered": async (event) => {
        applied.push(event.data.idNumber);
      },
    });
    const labor = await service("labor-security");
    await labor.db.transaction((tx) =>
      labor.publisher.publish(tx, {
        type: "onewindow.labor.unemployment.registered",
        subject: "A",
        data: { idNumber: "A", registeredOn: "2025-01-01", reason: null },
      }),
    );
    await assert.rejects(
      labor.db.transaction(async (tx) => {
        await labor.publisher.publish(tx, {
          type: "onewindow.labor.unemployment.registered",
          subject: "B",
          data: { idNumber: "B", registeredOn: "2025-01-01", reason: null },
        });
        throw new Error("the change failed after its event row was written");
      }),
    );
    await labor.db.transaction((tx) =>
      labor.publisher.publish(tx, {
        type: "onewindow.labor.unemployment.registered",
        subject: "C",
        data: { idNumber: "C", registeredOn: "2025-01-01", reason: null },
      }),
    );
    await until(() => applied.length >= 2, "two events applied");
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(applied, ["A", "C"]);
    assert.equal(await labor.db.getRepository(OutboxEvent).count(), 2);
    await until(
      async () => (await labor.db.getRepository(OutboxEvent).countBy({ sentAt: IsNull() })) === 0,
      "outbox rows marked sent",
    );
    assert.equal(await consumer.db.getRepository(InboxEvent).count(), 2);
  });

  test("the outbox relay is woken by the commits that wrote an outbox row, once they are outermost, and by no other", async () => {
    const db = await database();
    databases.push(db);
    const bus = new NatsEventBus({ url: natsUrl, prefix, service: "wake-test", retentionDays: 1, logger });
    let nudges = 0;
    const relay = new (class extends OutboxRelay {
      override nudge(): void {
        nudges++;
        super.nudge();
      }
    })(db, bus, logger, generateKeyPairSync("ed25519").privateKey);
    relay.start();
    try {
      const publisher = new EventPublisher("labor-security");
      const event = {
        type: "onewindow.labor.unemployment.registered" as const,
        subject: "W",
        data: { idNumber: "W", registeredOn: "2025-01-01", reason: null },
      };
      // A transaction of other rows (an audited read's) wakes nothing.
      await db.transaction((tx) => tx.query("SELECT 1"));
      assert.equal(nudges, 0);
      // A savepoint inside a transaction is no commit: the wake waits for the outermost one.
      await db.transaction(async (tx) => {
        await tx.transaction((inner) => publisher.publish(inner, event));
        assert.equal(nudges, 0, "woken before the outermost commit");
      });
      assert.equal(nudges, 1);
      // A rolled-back one wakes nothing; an insert outside a transaction wakes at once.
      await assert.rejects(
        db.transaction(async (tx) => {
          await publisher.publish(tx, event);
          throw new Error("rolled back");
        }),
      );
      assert.equal(nudges, 1);
      await publisher.publish(db.manager, event);
      assert.equal(nudges, 2);
    } finally {
      await relay.stop();
    }
  });

  test("a poison event ends in the dead-letter list after the bounded attempts; the events behind it keep flowing; a replay applies it once", async () => {
    const applied: string[] = [];
    let attempts = 0;
    let fixed = false;
    const handlers: EventHandlers = {
      "onewindow.hospital.inpatient.discharged": async (event) => {
        if (event.data.department === "poison" && !fixed) {
          attempts++;
          throw new Error("this handler cannot deal with poison");
        }
        applied.push(event.data.department);
      },
    };
    const consumer = await service("consumer-b", handlers);
    const hospital = await service("hospital-quality");
    for (const department of ["内科", "poison", "外科"]) {
      await hospital.db.transaction((tx) =>
        hospital.publisher.publish(tx, {
          type: "onewindow.hospital.inpatient.discharged",
          subject: "H",
          data: {
            stayId: 1,
            hospitalCode: "H",
            patientIdNumber: null,
            department,
            admittedOn: "2025-01-01",
            dischargedOn: "2025-01-02",
            totalCostFen: 100,
            drugCostFen: 10,
          },
        }),
      );
    }
    await until(() => applied.length === 2, "the good events applied");
    assert.deepEqual(applied, ["内科", "外科"]);
    assert.equal(attempts, 3);
    const letters = await listDeadLetters(consumer.db);
    assert.equal(letters.length, 1);
    assert.equal(letters[0].attempts, 3);
    assert.match(letters[0].error, /cannot deal with poison/);
    fixed = true;
    assert.equal(await replayDeadLetter(consumer.db, letters[0].id, handlers), "applied");
    assert.deepEqual(applied, ["内科", "外科", "poison"]);
    assert.equal(await replayDeadLetter(consumer.db, letters[0].id, handlers), "already applied");
    assert.deepEqual(await listDeadLetters(consumer.db), []);
  });

  test("the same event delivered three times has one effect", async () => {
    let effects = 0;
    const consumer = await service("consumer-c", {
      "onewindow.labor.retirement.approved": async () => {
        effects++;
      },
    });
    const event = {
      id: "3f1e2d3c-0000-4000-8000-000000000001",
      type: "onewindow.labor.retirement.approved",
      version: 1,
      source: "labor-security",
      occurredAt: new Date().toISOString(),
      subject: "X",
      data: { idNumber: "X", retiredOn: "2025-01-01", monthlyPensionFen: null },
      traceId: null,
    };
    const js = nc.jetstream();
    await consumer.eventing.bus.ensureStream("labor");
    // Three deliveries of one event, as a relay that crashed before marking it sent would make
    // after the de-duplication window: distinct message ids, one event id.
    const signed = JSON.stringify(
      signEnvelope(event as EventEnvelope, loadEventSigningKey({}, keysDir, "labor-security")),
    );
    for (let i = 0; i < 3; i++)
      await js.publish(`${prefix}.labor.retirement.approved`, signed, { msgID: `${event.id}-${i}` });
    await until(async () => (await consumer.db.getRepository(InboxEvent).count()) === 1, "inbox row");
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(effects, 1);
  });

  test("unsigned, wrongly signed, altered and wrong-source events are filed as refused dead letters and never applied; a signed one applies", async () => {
    const applied: string[] = [];
    const consumer = await service("consumer-d", {
      "onewindow.labor.retirement.approved": async (event) => {
        applied.push(event.data.idNumber);
      },
    });
    const laborKey = loadEventSigningKey({}, keysDir, "labor-security");
    const taxKey = loadEventSigningKey({}, keysDir, "tax");
    const envelope = (n: number, idNumber: string): EventEnvelope => ({
      id: `3f1e2d3c-0000-4000-8000-00000000010${n}`,
      type: "onewindow.labor.retirement.approved",
      version: 1,
      source: "labor-security",
      occurredAt: new Date().toISOString(),
      subject: idNumber,
      data: { idNumber, retiredOn: "2025-01-01", monthlyPensionFen: 999_999_00 },
      traceId: null,
    });
    const altered = signEnvelope(envelope(3, "ALTERED"), laborKey);
    (altered.data as { monthlyPensionFen: number }).monthlyPensionFen = 1;
    const cases: [EventEnvelope, RegExp][] = [
      [envelope(1, "UNSIGNED"), /unsigned/],
      [signEnvelope(envelope(2, "TAX-SIGNED"), taxKey), /does not verify with labor-security's key/],
      [altered, /does not verify/],
      [signEnvelope({ ...envelope(4, "WRONG-SOURCE"), source: "tax" }, taxKey), /wrong source tax/],
    ];
    const js = nc.jetstream();
    await consumer.eventing.bus.ensureStream("labor");
    for (const [event] of cases)
      await js.publish(`${prefix}.labor.retirement.approved`, JSON.stringify(event), { msgID: event.id });
    // Behind them a genuine one: it applies, so the refusals above were not a consumer that never ran.
    const genuine = signEnvelope(envelope(5, "GENUINE"), laborKey);
    await js.publish(`${prefix}.labor.retirement.approved`, JSON.stringify(genuine), { msgID: genuine.id });
    await until(() => applied.includes("GENUINE"), "the genuine event applied");
    // The stream also holds the earlier tests' events (X); none of the refused ones applied.
    assert.deepEqual(
      applied.filter((id) => id !== "X"),
      ["GENUINE"],
    );
    const letters = await listDeadLetters(consumer.db);
    assert.equal(letters.length, cases.length);
    for (const [event, reason] of cases) {
      const letter = letters.find((l) => l.id === event.id);
      assert.ok(letter, `dead letter for ${event.subject}`);
      assert.match(letter.error, reason);
      assert.equal(letter.attempts, 0);
      await assert.rejects(replayDeadLetter(consumer.db, letter.id, {}), /refused, not failed/);
    }
    assert.equal(
      await consumer.db.getRepository(InboxEvent).countBy({ type: "onewindow.labor.retirement.approved" }),
      applied.length,
    );
  });
});
