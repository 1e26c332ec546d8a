import { test } from "node:test";
import assert from "node:assert/strict";
import { AuditEntry } from "./audit-entry.entity";
import { CreateAuditTrail1764000000000 } from "./audit.migration";
import { AuditTrail, type AuditRead } from "./audit-trail";
import { openTestDatabase } from "../test-database";

const read = (n: number): AuditRead => ({
  requestId: `req-${n}`,
  userId: "clerk-01",
  roles: ["window_clerk"],
  purpose: "walk-in enquiry",
  idNumber: `33010219900307${String(1000 + n).slice(-4)}`,
  department: "labor-security",
  fields: ["name", "employment"],
});

test("appends chain; altering, removing or inserting a row breaks the chain at that row", async (t) => {
  const { db, close } = await openTestDatabase({ service: "audit", entities: [AuditEntry], migrations: [CreateAuditTrail1764000000000] });
  t.after(close);
  const trail = new AuditTrail(db);
  // Concurrent appends still make one chain without gaps.
  await Promise.all(Array.from({ length: 10 }, (_, i) => trail.append([read(2 * i), read(2 * i + 1)])));
  assert.deepEqual(await trail.verify(), { ok: true, checked: 20, brokenAt: null, reason: null });
  const { rows, total } = await trail.list(read(3).idNumber, 0, 10);
  assert.equal(total, 1);
  assert.equal(rows[0].fields, "name,employment");

  await db.query("UPDATE audit_entry SET purpose = 'nothing to see' WHERE id = 7");
  assert.deepEqual(await trail.verify(), { ok: false, checked: 6, brokenAt: 7, reason: "row 7 was altered after it was written" });
  await db.query("UPDATE audit_entry SET purpose = 'walk-in enquiry' WHERE id = 7");
  assert.equal((await trail.verify()).ok, true);

  await db.query("DELETE FROM audit_entry WHERE id = 12");
  assert.deepEqual(await trail.verify(), { ok: false, checked: 11, brokenAt: 12, reason: "row 12 is missing" });
});
