import { test } from "@jest/globals";
import { afterThisTest, auditRead, openTestDatabase } from "@onewindow/testing";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { AuditEntry } from "../audit/audit-entry.entity";
import { AUDIT_MIGRATIONS } from "../audit/audit-migrations";
import { AuditTrail } from "../audit/audit-trail";
import { PartitionAuditTrail1765400000001 } from "../audit/audit-partitions.migration";
import { DeadLetter } from "../events/dead-letter.entity";
import { InboxEvent } from "../events/inbox-event.entity";
import { CreateInboxAndDeadLetters1763900000000 } from "../events/inbox.migration";
import { AddOutboxSignedEnvelope1764500000000 } from "../events/outbox-envelope.migration";
import { OutboxEvent } from "../events/outbox-event.entity";
import { CreateOutbox1763800000000 } from "../events/outbox.migration";
import { PartitionEvents1765400000000 } from "../events/partition-events.migration";
import { maintainPartitions, nextPeriod, periodStart } from "./partitions";
import { PLATFORM_PARTITIONS } from "./platform-partitions";
import { runSql } from "./sql";

const postgres = Boolean(process.env.DATABASE_URL);
const pgTest = postgres ? test : test.skip;

const BEFORE = [
  CreateOutbox1763800000000,
  CreateInboxAndDeadLetters1763900000000,
  ...AUDIT_MIGRATIONS.filter((m) => m !== PartitionAuditTrail1765400000001),
  AddOutboxSignedEnvelope1764500000000,
];

async function open(migrations = [...BEFORE, PartitionAuditTrail1765400000001, PartitionEvents1765400000000]) {
  const { db, close } = await openTestDatabase({
    service: "partitions",
    entities: [OutboxEvent, InboxEvent, DeadLetter, AuditEntry],
    migrations,
  });
  afterThisTest(close);
  return db;
}

const read = (n: number) => auditRead(n, { idNumber: null });

async function outbox(db: DataSource, occurredAt: string, sentAt: string | null): Promise<string> {
  const id = randomUUID();
  await runSql(
    db.manager,
    `INSERT INTO outbox_event (id, sequence, type, source, subject, occurred_at, data, sent_at)
     VALUES (?, ?, 'onewindow.labor.test', 'labor-security', 's', ?, '{}', ?)`,
    [id, String(Date.now()), occurredAt, sentAt],
  );
  return id;
}

/** The partition a row is stored in. */
async function partitionOf(db: DataSource, table: string, where: string, params: unknown[]): Promise<string> {
  const [row] = (await db.query(`SELECT tableoid::regclass::text AS p FROM ${table} WHERE ${where}`, params)) as {
    p: string;
  }[];
  return row.p;
}

async function partitions(db: DataSource, table: string): Promise<string[]> {
  const rows = (await db.query(
    "SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = $1::regclass ORDER BY 1",
    [table],
  )) as { name: string }[];
  return rows.map((r) => r.name);
}

test("periods: a month and a year start on their first day, and the next follows across a year's end", () => {
  assert.equal(periodStart("2026-11-26", "month"), "2026-11-01");
  assert.equal(periodStart("2026-11-26", "year"), "2026-01-01");
  assert.equal(nextPeriod("2026-11-01", "month", 2), "2027-01-01");
  assert.equal(nextPeriod("2011-01-01", "year"), "2012-01-01");
});

pgTest(
  "the migrations turn the outbox, inbox and audit trail with rows into partitioned tables, the rows intact and the chain whole",
  async () => {
    const db = await open(BEFORE);
    const trail = new AuditTrail(db);
    await trail.append([read(1), read(2), read(3)]);
    const sent = await outbox(db, "2025-03-04T05:06:07.000Z", "2025-03-04T05:06:08.000Z");
    const pending = await outbox(db, "2026-11-20T00:00:00.000Z", null);
    await db.query("INSERT INTO inbox_event (id, type, applied_at) VALUES ('e1', 't', '2025-07-01T00:00:00.000Z')");
    const before = {
      outbox: await db.query("SELECT * FROM outbox_event ORDER BY id"),
      audit: await db.query("SELECT * FROM audit_entry ORDER BY writer, id"),
    };

    const q = db.createQueryRunner();
    try {
      await new PartitionAuditTrail1765400000001().up(q);
      await new PartitionEvents1765400000000().up(q);
    } finally {
      await q.release();
    }

    for (const table of ["outbox_event", "inbox_event", "audit_entry"]) {
      const [{ kind }] = (await db.query("SELECT relkind AS kind FROM pg_class WHERE oid = $1::regclass", [table])) as {
        kind: string;
      }[];
      assert.equal(kind, "p", table);
    }
    assert.deepEqual(await db.query("SELECT * FROM outbox_event ORDER BY id"), before.outbox);
    assert.deepEqual(await db.query("SELECT * FROM audit_entry ORDER BY writer, id"), before.audit);
    assert.deepEqual(await db.query("SELECT id, occurred_at FROM inbox_event"), [
      { id: "e1", occurred_at: "2025-07-01T00:00:00.000Z" },
    ]);
    assert.equal(await partitionOf(db, "outbox_event", "id = $1", [sent]), "outbox_event_m202503");
    assert.equal(await partitionOf(db, "outbox_event", "id = $1", [pending]), "outbox_event_m202611");
    assert.equal(await partitionOf(db, "inbox_event", "id = 'e1'", []), "inbox_event_m202507");
    assert.ok((await partitions(db, "audit_entry")).includes("audit_entry_default"));

    // The chain goes on where it stood, and verifies; a second row 3 is refused.
    await new AuditTrail(db).append([read(4)]);
    assert.deepEqual(await new AuditTrail(db).verify(), { ok: true, checked: 4, brokenAt: null, reason: null });
    await assert.rejects(
      db.query(
        `INSERT INTO audit_entry (writer, id, at, request_id, roles, department, fields, prev_hash, hash)
         VALUES ('', 3, '2031-01-01T00:00:00.000Z', 'r', 'x', 'd', 'f', 'h', 'h')`,
      ),
      /audit_entry_key_pk/,
    );
    // The inbox's key still refuses a second row of one event: a redelivery carries the same time.
    await db.query(
      "INSERT INTO inbox_event (id, type, occurred_at, applied_at) VALUES ('e2', 't', '2026-11-01T00:00:00.000Z', 'x')",
    );
    await assert.rejects(
      db.query(
        "INSERT INTO inbox_event (id, type, occurred_at, applied_at) VALUES ('e2', 't', '2026-11-01T00:00:00.000Z', 'y')",
      ),
      /duplicate key/,
    );
  },
);

pgTest("an insert of a period without a partition lands in the default one, and the job moves it out", async () => {
  const db = await open();
  const trail = new AuditTrail(db);
  await trail.append([read(1)]);
  const [{ at }] = (await db.query("SELECT at FROM audit_entry")) as { at: string }[];
  assert.equal(await partitionOf(db, "audit_entry", "id = 1", []), `audit_entry_y${at.slice(0, 4)}`);
  const old = await outbox(db, "2011-05-06T00:00:00.000Z", "2011-05-06T00:00:01.000Z");
  assert.equal(await partitionOf(db, "outbox_event", "id = $1", [old]), "outbox_event_default");
  const lines: string[] = [];
  await maintainPartitions(db, PLATFORM_PARTITIONS, { retentionDays: 36500, progress: (line) => lines.push(line) });
  assert.equal(await partitionOf(db, "outbox_event", "id = $1", [old]), "outbox_event_m201105");
  assert.ok(
    lines.some((line) => /created outbox_event_m201105, moved 1 row/.test(line)),
    lines.join("\n"),
  );
});

pgTest(
  "the maintenance job creates the coming partitions, drops expired outbox and inbox months, and keeps one with an unpublished row",
  async () => {
    const db = await open();
    const delivered = await outbox(db, "2026-01-10T00:00:00.000Z", "2026-01-10T00:00:01.000Z");
    const undelivered = await outbox(db, "2026-02-10T00:00:00.000Z", null);
    await db.query(
      "INSERT INTO inbox_event (id, type, occurred_at, applied_at) VALUES ('old', 't', '2026-01-10T00:00:00.000Z', 'x')",
    );
    const options = { today: "2026-11-26", retentionDays: 180 };
    const first = await maintainPartitions(db, PLATFORM_PARTITIONS, options);
    const outboxReport = first.find((r) => r.table === "outbox_event")!;
    assert.deepEqual(outboxReport.dropped, ["outbox_event_m202601"]);
    assert.deepEqual(outboxReport.kept, [{ partition: "outbox_event_m202602", rows: 1 }]);
    assert.deepEqual(first.find((r) => r.table === "inbox_event")!.dropped, ["inbox_event_m202601"]);
    assert.deepEqual(first.find((r) => r.table === "audit_entry")!.dropped, []);
    assert.deepEqual(
      (await db.query("SELECT id FROM outbox_event WHERE id IN ($1, $2)", [delivered, undelivered])).map(
        (r: { id: string }) => r.id,
      ),
      [undelivered],
    );
    assert.equal((await db.query("SELECT id FROM inbox_event WHERE id = 'old'")).length, 0);
    for (const month of ["202611", "202612", "202701", "202702"])
      assert.ok((await partitions(db, "outbox_event")).includes(`outbox_event_m${month}`), month);
    assert.ok((await partitions(db, "audit_entry")).includes("audit_entry_y2027"));

    // Again: nothing to do, the unpublished row still kept. Once it is published, its month goes.
    const again = await maintainPartitions(db, PLATFORM_PARTITIONS, options);
    assert.deepEqual(
      again.map((r) => [r.created.length, r.dropped.length]),
      again.map(() => [0, 0]),
    );
    await db.query("UPDATE outbox_event SET sent_at = 'now' WHERE id = $1", [undelivered]);
    const published = await maintainPartitions(db, PLATFORM_PARTITIONS, options);
    assert.deepEqual(published.find((r) => r.table === "outbox_event")!.dropped, ["outbox_event_m202602"]);

    // A year on: the coming months are made ahead of it.
    await maintainPartitions(db, PLATFORM_PARTITIONS, { today: "2027-06-15", retentionDays: 180 });
    for (const month of ["202706", "202707", "202708", "202709"])
      assert.ok((await partitions(db, "inbox_event")).includes(`inbox_event_m${month}`), month);
  },
);

pgTest(
  "a bulk load's days get their partitions first, so its rows never pass through a default partition",
  async () => {
    const db = await open();
    const covering = { from: "2011-03-15", to: "2012-01-31" };
    const [report] = (
      await maintainPartitions(db, PLATFORM_PARTITIONS, {
        today: "2026-11-26",
        retentionDays: 180,
        covering,
      })
    ).filter((r) => r.table === "audit_entry");
    for (const year of ["2011", "2012"]) assert.ok(report.created.includes(`audit_entry_y${year}`), year);
    // The expiring tables' rows are written as things happen: no partitions of the past for them.
    assert.ok(!(await partitions(db, "outbox_event")).some((p) => p.startsWith("outbox_event_m2011")));
    await db.query(
      "INSERT INTO audit_entry (writer, id, at, request_id, roles, department, fields, prev_hash, hash) VALUES ('', 1, '2011-06-01T00:00:00.000Z', 'r', '', 'd', '', 'p', 'h')",
    );
    assert.equal(await partitionOf(db, "audit_entry", "id = 1", []), "audit_entry_y2011");
  },
);

test("SQLite keeps plain tables: the job has nothing to do", async () => {
  if (postgres) return;
  const db = await open();
  assert.deepEqual(await maintainPartitions(db, PLATFORM_PARTITIONS, { retentionDays: 180 }), []);
  await outbox(db, "2011-05-06T00:00:00.000Z", null);
  assert.equal(Number((await db.query("SELECT count(*) AS n FROM outbox_event"))[0].n), 1);
});
