import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { connect, type NatsConnection } from "nats";
import { type Caller } from "@onewindow/contracts";
import {
  CONTEXT_HEADER,
  contextClaims,
  deriveContextKey,
  loadContextSecret,
  signContextHeader,
} from "@onewindow/platform";
import { auditStreamName, auditSubject } from "@onewindow/platform/nats";
import { startStack, type As, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshIdNumber } from "./harness/fixtures";

const AUDITOR: As = { roles: ["auditor"], user: "auditor-1" };
const CLERK: Caller = {
  userId: "clerk-9",
  roles: ["window_clerk"],
  hospitalCode: null,
  idNumber: null,
  purpose: "窗口咨询",
};
const VERIFY = `{ verifyAuditTrail { laborSecurity { ok checked brokenAt reason signedHead } } }`;

/*
 * Two processes of one department (replicas on one database) audit the reads each serves, side
 * by side: on PostgreSQL each claims a chain of its own; on SQLite (one writer at a time) they take
 * turns on one. Either way verifyAuditTrail checks every row of every chain against the heads the
 * department published, and truncating the second chain is found.
 */
describe("the audit trail of two replicas of a department", () => {
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

  /** A read of `person`'s name sent to the department's process on `port`, signed as the gateway does. */
  async function readAt(port: number, person: string): Promise<void> {
    const body = JSON.stringify({
      query: `query ($id: ID!) { citizen(idNumber: $id) { name } }`,
      variables: { id: person },
    });
    const header = signContextHeader(
      deriveContextKey(loadContextSecret({}, stack.dataDir), "labor-security"),
      contextClaims(CLERK, "labor-security", `replica-read-${port}`),
      body,
    );
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", [CONTEXT_HEADER]: header },
      body,
    });
    const answer = (await res.json()) as { data?: { citizen?: { name: string } }; errors?: unknown[] };
    assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    assert.equal(answer.data?.citizen?.name, "韩梅");
  }

  /** The heads on the department's subject of the audit stream, by chain: the newest row each covers. */
  async function publishedHeads(): Promise<Map<string, number>> {
    const jsm = await nc.jetstreamManager();
    const js = nc.jetstream();
    const stream = auditStreamName(stack.eventsPrefix);
    const subject = auditSubject(stack.eventsPrefix, "labor-security");
    const newest = new Map<string, number>();
    const info = await jsm.streams.info(stream, { subjects_filter: subject });
    const count = info.state.subjects?.[subject] ?? 0;
    if (count === 0) return newest;
    const consumer = await js.consumers.get(stream, { filterSubjects: subject });
    const messages = await consumer.fetch({ max_messages: count, expires: 5000 });
    for await (const m of messages) {
      const head = m.json() as { writer?: string; id: number };
      newest.set(head.writer ?? "", Math.max(newest.get(head.writer ?? "") ?? 0, head.id));
      if (m.info.pending === 0) break;
    }
    return newest;
  }

  /** The newest row of each chain in the department's database. */
  async function chains(): Promise<Map<string, number>> {
    const rows = await stack.sql<{ writer: string; n: number }>(
      "labor-security",
      "SELECT writer, MAX(id) AS n FROM audit_entry GROUP BY writer",
    );
    return new Map(rows.map((r) => [r.writer, Number(r.n)]));
  }

  test("each replica's reads are on the trail, every chain checks out, and truncating one is found", async () => {
    const person = freshIdNumber();
    const registered = await stack.query(
      `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`,
      { i: { idNumber: person, name: "韩梅" } },
    );
    assert.equal(registered.errors, undefined, JSON.stringify(registered.errors));
    const replica = await stack.startReplica("labor-security");
    try {
      // Reads at both processes at once, several rounds.
      for (let round = 0; round < 4; round++)
        await Promise.all([readAt(stack.portOf("labor-security"), person), readAt(replica.port, person)]);
      const written = await chains();
      const postgres = !!process.env.DATABASE_URL;
      // PostgreSQL: the first process's chain and the replica's; SQLite: one chain both append to.
      assert.deepEqual([...written.keys()].sort(), postgres ? ["", "w1"] : [""]);
      const rows = [...written.values()].reduce((a, b) => a + b, 0);
      const reads = await stack.sql<{ n: number }>(
        "labor-security",
        `SELECT COUNT(*) AS n FROM audit_entry WHERE id_number = '${person}' AND request_id LIKE 'replica-read-%'`,
      );
      assert.equal(Number(reads[0].n), 8, "every read at either process is on the trail");
      // Every head of every chain published, then the whole trail checks out.
      await eventually(async () => assert.deepEqual(await publishedHeads(), written));
      const clean = await stack.query(VERIFY, {}, AUDITOR);
      assert.equal(clean.errors, undefined, JSON.stringify(clean.errors));
      // The auditor's check is itself a row (of the first process's chain), written after the check.
      assert.deepEqual(clean.data.verifyAuditTrail.laborSecurity, {
        ok: true,
        checked: rows,
        brokenAt: null,
        reason: null,
        signedHead: rows,
      });

      // The last two rows of the replica's chain, and their local heads, deleted behind its back.
      const writer = postgres ? "w1" : "";
      const newest = (await chains()).get(writer)!;
      await eventually(async () => assert.equal((await publishedHeads()).get(writer), newest));
      await stack.tamper("labor-security", `DELETE FROM audit_entry WHERE writer = '${writer}' AND id > ${newest - 2}`);
      await stack.tamper("labor-security", `DELETE FROM audit_head WHERE writer = '${writer}' AND id > ${newest - 2}`);
      const broken = await stack.query(VERIFY, {}, AUDITOR);
      assert.equal(broken.errors, undefined, JSON.stringify(broken.errors));
      const check = broken.data.verifyAuditTrail.laborSecurity;
      assert.equal(check.ok, false);
      assert.equal(check.brokenAt, newest - 1);
      assert.equal(
        check.reason,
        `${postgres ? "chain w1: " : ""}rows ${newest - 1}-${newest} are missing: the trail ends before its newest signed head`,
      );
    } finally {
      await replica.stop();
    }
  });
});
