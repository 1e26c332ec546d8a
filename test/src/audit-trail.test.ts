import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { connect, type NatsConnection } from "nats";
import { auditStreamName, auditSubject } from "@onewindow/platform/nats";
import { startStack, type As, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshIdNumber } from "./harness/fixtures";

const AUDITOR: As = { roles: ["auditor"], user: "auditor-1" };
const CLERK: As = { roles: ["window_clerk"], user: "clerk-3", purpose: "窗口咨询" };
const VERIFY = `{ verifyAuditTrail { laborSecurity { ...check } medicalInsurance { ...check } tax { ...check } hospitalQuality { ok } serviceHall { ok } } }
  fragment check on AuditChainCheck { ok checked brokenAt reason signedHead }`;

/** The same hash the trail computes, for an insider who re-chains rows after changing them. */
const hashOf = (r: Record<string, unknown>) => {
  const content = [
    Number(r.id),
    r.at,
    r.request_id,
    r.user_id,
    r.roles,
    r.purpose,
    r.id_number,
    r.department,
    r.fields,
    r.prev_hash,
  ];
  if (r.outcome !== null) content.push(r.client_request_id, r.token_jti, r.outcome, r.reason);
  return crypto.createHash("sha256").update(JSON.stringify(content)).digest("hex");
};

/*
 * Insiders with write access to a department's database (`stack.tamper`) against the signed audit
 * heads. Each attack uses its own department, so no test depends on another's leftovers.
 */
describe("a tamper-evident audit trail", () => {
  let stack: Stack;
  let nc: NatsConnection;

  beforeAll(async () => {
    stack = await startStack();
    nc = await connect(stack.natsLogin());
  });
  afterAll(async () => {
    await nc?.close();
    await stack?.stop();
  });

  const register = async (): Promise<string> => {
    const idNumber = freshIdNumber();
    const res = await stack.query(`mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
      i: { idNumber, name: "韩梅" },
    });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return idNumber;
  };

  /** Six audited reads of one department's data, one request each (a head each). */
  const reads: Record<string, string> = {
    "labor-security": `query ($id: ID!) { citizen(idNumber: $id) { name } }`,
    "medical-insurance": `query ($id: ID!) { citizen(idNumber: $id) { medicalInsurance { scheme } } }`,
    tax: `query ($id: ID!) { citizen(idNumber: $id) { taxSummary(year: 2024) { taxDue } } }`,
  };
  const field = { "labor-security": "laborSecurity", "medical-insurance": "medicalInsurance", tax: "tax" } as Record<
    string,
    string
  >;

  /** Reads, waits until every signed head is on the stream, checks the untouched trail; the newest row. */
  async function auditedReads(department: string): Promise<number> {
    const person = await register();
    for (let i = 0; i < 6; i++) {
      const res = await stack.query(reads[department], { id: person }, CLERK);
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    }
    const [{ n }] = await stack.sql<{ n: number }>(department, "SELECT MAX(id) AS n FROM audit_entry");
    const newest = Number(n);
    assert.ok(newest >= 6, `${department} audited the reads`);
    await eventually(async () => assert.equal(await publishedHead(department), newest));
    const clean = await stack.query(VERIFY, {}, AUDITOR);
    assert.equal(clean.errors, undefined, JSON.stringify(clean.errors));
    assert.deepEqual(clean.data.verifyAuditTrail[field[department]], {
      ok: true,
      checked: newest,
      brokenAt: null,
      reason: null,
      signedHead: newest,
    });
    // The auditor's check is itself a row of the trail: wait for its head too, so that what the
    // tests tamper with is all signed and published.
    const [{ n: checked }] = await stack.sql<{ n: number }>(department, "SELECT MAX(id) AS n FROM audit_entry");
    assert.equal(Number(checked), newest + 1);
    await eventually(async () => assert.equal(await publishedHead(department), newest + 1));
    return newest + 1;
  }

  /** The newest row covered by a head on the department's subject of the audit stream. */
  async function publishedHead(department: string): Promise<number> {
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(auditStreamName(stack.eventsPrefix), {
      subjects_filter: auditSubject(stack.eventsPrefix, department),
    });
    if (!info.state.subjects?.[auditSubject(stack.eventsPrefix, department)]) return 0;
    const last = await jsm.streams.getMessage(auditStreamName(stack.eventsPrefix), {
      last_by_subj: auditSubject(stack.eventsPrefix, department),
    });
    return (last.json() as { id: number }).id;
  }

  /** Re-numbers nothing; recomputes every plain hash from row `from` on, as an insider would. */
  async function rechain(department: string, from: number): Promise<void> {
    const rows = await stack.sql<Record<string, unknown>>(department, "SELECT * FROM audit_entry ORDER BY id");
    let prev = "0".repeat(64);
    for (const row of rows) {
      if (Number(row.id) >= from) {
        row.prev_hash = prev;
        row.hash = hashOf(row);
        await stack.tamper(
          department,
          `UPDATE audit_entry SET prev_hash = '${row.prev_hash}', hash = '${row.hash}' WHERE id = ${row.id}`,
        );
      }
      prev = row.hash as string;
    }
  }

  const verify = async (department: string) => {
    const res = await stack.query(VERIFY, {}, AUDITOR);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data.verifyAuditTrail[field[department]];
  };

  test("deleting the newest audit rows, and their local heads, is reported as truncation", async () => {
    const newest = await auditedReads("labor-security");
    await stack.tamper("labor-security", `DELETE FROM audit_entry WHERE id > ${newest - 2}`);
    await stack.tamper("labor-security", `DELETE FROM audit_head WHERE id > ${newest - 2}`);
    assert.deepEqual(await verify("labor-security"), {
      ok: false,
      checked: newest - 2,
      brokenAt: newest - 1,
      reason: `rows ${newest - 1}-${newest} are missing: the trail ends before its newest signed head`,
      signedHead: newest,
    });
  });

  test("deleting a row in the middle, renumbering the rest and recomputing their hashes is reported at that row", async () => {
    const newest = await auditedReads("medical-insurance");
    const gone = newest - 3;
    await stack.tamper("medical-insurance", `DELETE FROM audit_entry WHERE id = ${gone}`);
    for (let id = gone + 1; id <= newest; id++)
      await stack.tamper("medical-insurance", `UPDATE audit_entry SET id = ${id - 1} WHERE id = ${id}`);
    await stack.tamper("medical-insurance", `DELETE FROM audit_head WHERE id >= ${gone}`);
    await rechain("medical-insurance", gone);
    assert.deepEqual(await verify("medical-insurance"), {
      ok: false,
      checked: gone - 1,
      brokenAt: gone,
      reason: `row ${gone} is not the row its department signed`,
      signedHead: newest,
    });
  });

  test("rewriting a row and recomputing the plain hashes of the rest of the chain is reported at that row", async () => {
    const newest = await auditedReads("tax");
    const rewritten = newest - 4;
    await stack.tamper("tax", `UPDATE audit_entry SET purpose = '没有发生' WHERE id = ${rewritten}`);
    await rechain("tax", rewritten);
    assert.deepEqual(await verify("tax"), {
      ok: false,
      checked: rewritten - 1,
      brokenAt: rewritten,
      reason: `row ${rewritten} is not the row its department signed`,
      signedHead: newest,
    });
  });

  test("a published head can be neither deleted nor purged from the audit stream", async () => {
    const person = await register();
    await stack.query(reads["labor-security"], { id: person }, CLERK);
    const stream = auditStreamName(stack.eventsPrefix);
    const jsm = await nc.jetstreamManager();
    await eventually(async () => assert.ok((await jsm.streams.info(stream)).state.messages > 0));
    const before = (await jsm.streams.info(stream)).state;
    assert.equal((await jsm.streams.info(stream)).config.deny_delete, true);
    await assert.rejects(jsm.streams.deleteMessage(stream, before.first_seq), /delete/i);
    await assert.rejects(jsm.streams.deleteMessage(stream, before.last_seq, false), /delete/i);
    await assert.rejects(jsm.streams.purge(stream), /purge/i);
    await assert.rejects(
      jsm.streams.purge(stream, { filter: auditSubject(stack.eventsPrefix, "labor-security") }),
      /purge/i,
    );
    const after = (await jsm.streams.info(stream)).state;
    assert.equal(after.first_seq, before.first_seq);
    assert.ok(after.messages >= before.messages);
  });
});
