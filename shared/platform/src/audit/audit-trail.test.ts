import { test } from "@jest/globals";
import { afterThisTest, auditRead, openTestDatabase } from "@onewindow/testing";
import assert from "node:assert/strict";
import { AuditEntry } from "./audit-entry.entity";
import crypto from "node:crypto";
import { AUDIT_MIGRATIONS } from "./audit-migrations";
import { AuditTrail } from "./audit-trail";

const read = (n: number) => auditRead(n, { fields: ["name", "employment"] });

/** A database with the audit trail's tables, closed when the test ends. */
async function trailDatabase() {
  const { db, close } = await openTestDatabase({
    service: "audit",
    entities: [AuditEntry],
    migrations: AUDIT_MIGRATIONS,
  });
  afterThisTest(close);
  return db;
}

test("appends chain; altering, removing or inserting a row breaks the chain at that row", async () => {
  const db = await trailDatabase();
  const trail = new AuditTrail(db);
  // Concurrent appends still make one chain without gaps.
  await Promise.all(Array.from({ length: 10 }, (_, i) => trail.append([read(2 * i), read(2 * i + 1)])));
  assert.deepEqual(await trail.verify(), { ok: true, checked: 20, brokenAt: null, reason: null });
  const { rows, total } = await trail.list(read(3).idNumber, 0, 10);
  assert.equal(total, 1);
  assert.equal(rows[0].fields, "name,employment");

  await db.query("UPDATE audit_entry SET purpose = 'nothing to see' WHERE id = 7");
  assert.deepEqual(await trail.verify(), {
    ok: false,
    checked: 6,
    brokenAt: 7,
    reason: "row 7 was altered after it was written",
  });
  await db.query("UPDATE audit_entry SET purpose = 'walk-in enquiry' WHERE id = 7");
  assert.equal((await trail.verify()).ok, true);

  await db.query("DELETE FROM audit_entry WHERE id = 12");
  assert.deepEqual(await trail.verify(), { ok: false, checked: 11, brokenAt: 12, reason: "row 12 is missing" });
});

test("rows written before the act columns still verify; the act columns of newer rows are in their hash", async () => {
  const db = await trailDatabase();
  // A row as the trail wrote it before the act columns existed: NULL there, hashed without them.
  const old = [
    "1",
    "2025-01-01T00:00:00.000Z",
    "req-old",
    "clerk-01",
    "window_clerk",
    "walk-in enquiry",
    read(0).idNumber,
    "labor-security",
    "name",
    "0".repeat(64),
  ];
  const oldHash = crypto
    .createHash("sha256")
    .update(JSON.stringify([1, ...old.slice(1)]))
    .digest("hex");
  await db.query(
    "INSERT INTO audit_entry (id, at, request_id, user_id, roles, purpose, id_number, department, fields, prev_hash, hash) VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)".replace(
      /\$\d+/g,
      db.options.type === "postgres" ? (m) => m : () => "?",
    ),
    [...old.slice(1), oldHash],
  );
  const trail = new AuditTrail(db);
  await trail.append([
    { ...read(1), clientRequestId: "client-1", tokenJti: "jti-1", outcome: "refused", reason: "FORBIDDEN: no" },
    read(2),
  ]);
  assert.deepEqual(await trail.verify(), { ok: true, checked: 3, brokenAt: null, reason: null });
  const [row] = await db.query("SELECT client_request_id, token_jti, outcome, reason FROM audit_entry WHERE id = 2");
  assert.deepEqual(
    { ...row },
    { client_request_id: "client-1", token_jti: "jti-1", outcome: "refused", reason: "FORBIDDEN: no" },
  );
  assert.equal((await db.query("SELECT outcome FROM audit_entry WHERE id = 3"))[0].outcome, "ok");
  // Turning a refusal into an old-style row (all act columns NULL) is a rewrite like any other.
  await db.query(
    "UPDATE audit_entry SET client_request_id = NULL, token_jti = NULL, outcome = NULL, reason = NULL WHERE id = 2",
  );
  assert.deepEqual(await trail.verify(), {
    ok: false,
    checked: 1,
    brokenAt: 2,
    reason: "row 2 was altered after it was written",
  });
});

test("a row's hash is SHA-256 of the JSON of its content, in the documented order, after the previous row's", async () => {
  const db = await trailDatabase();
  const trail = new AuditTrail(db);
  // Characters JSON escapes, so the content is hashed exactly as an auditor's tool would write it.
  await trail.append([read(1), { ...read(2), reason: 'a "quoted"\\ reason\n', outcome: "failed" }]);
  const rows: Record<string, unknown>[] = await db.query("SELECT * FROM audit_entry ORDER BY id");
  let prevHash = "0".repeat(64);
  for (const row of rows) {
    const content = [
      Number(row.id),
      ...["at", "request_id", "user_id", "roles", "purpose", "id_number", "department", "fields"].map((c) => row[c]),
      prevHash,
      ...["client_request_id", "token_jti", "outcome", "reason"].map((c) => row[c]),
    ];
    assert.equal(row.prev_hash, prevHash);
    assert.equal(row.hash, crypto.createHash("sha256").update(JSON.stringify(content)).digest("hex"));
    prevHash = row.hash as string;
  }
  assert.equal(rows.length, 2);
  assert.equal(rows[1].reason, 'a "quoted"\\ reason\n');
});
