import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { startStack, type As, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshIdNumber } from "./harness/fixtures";

interface Row {
  id: number;
  request_id: string;
  client_request_id: string | null;
  token_jti: string | null;
  user_id: string | null;
  roles: string;
  purpose: string | null;
  id_number: string | null;
  fields: string;
  outcome: string | null;
  reason: string | null;
}

const LABOR: As = { roles: ["labor_officer"], user: "labor-acts", purpose: "登记 case 2026-7" };
const REGISTER = `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { __typename } }`;
/** Requests a minute per caller at this stack's gateway: the rate-limit test spends them with a caller of its own. */
const RATE_LIMIT = 40;

describe("every act is on the record", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { GATEWAY_RATE_LIMIT: String(RATE_LIMIT) } });
  });
  afterAll(() => stack?.stop());

  const rows = (department: string, where: string) =>
    stack.sql<Row>(
      department,
      `SELECT id, request_id, client_request_id, token_jti, user_id, roles, purpose, id_number, fields, outcome, reason FROM audit_entry WHERE ${where} ORDER BY id`,
    );
  const tokenJti = async (as: As) =>
    JSON.parse(Buffer.from((await stack.headers(as)).authorization.split(" ")[1].split(".")[1], "base64url").toString())
      .jti as string;

  test("a mutation selecting only __typename is audited; naming a person without a purpose it is refused, audited, and writes nothing", async () => {
    const person = freshIdNumber();
    const refused = await stack.query(REGISTER, { i: { idNumber: person, name: "钱七" } }, { ...LABOR, purpose: null });
    assert.equal(refused.errors?.[0].extensions?.code, "FORBIDDEN", JSON.stringify(refused));
    assert.match(refused.errors![0].message, /x-access-purpose/);
    assert.deepEqual(
      await stack.sql("labor-security", `SELECT id_number FROM citizen WHERE id_number = '${person}'`),
      [],
    );
    const [refusal] = await eventually(async () => {
      const found = await rows("labor-security", `id_number = '${person}'`);
      assert.equal(found.length, 1);
      return found;
    });
    assert.deepEqual(
      [refusal.outcome, refusal.fields, refusal.user_id, refusal.purpose],
      ["refused", "Mutation.registerCitizen", "labor-acts", null],
    );
    assert.match(refusal.reason!, /^FORBIDDEN: .*x-access-purpose/);

    const done = await stack.query(REGISTER, { i: { idNumber: person, name: "钱七" } }, LABOR);
    assert.equal(done.errors, undefined, JSON.stringify(done.errors));
    const written = await rows("labor-security", `id_number = '${person}' AND outcome = 'ok'`);
    assert.deepEqual(
      written.map((r) => [r.fields, r.user_id, r.roles, r.purpose]),
      [["Mutation.registerCitizen", "labor-acts", "labor_officer", "登记 case 2026-7"]],
    );
  });

  test("a mutation that names no person is audited too, with its outcome", async () => {
    const bad = await stack.query(
      `mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { __typename } }`,
      { i: { creditCode: "not-a-code", name: "x" } },
      LABOR,
    );
    assert.equal(bad.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    const [row] = await rows("labor-security", `fields = 'Mutation.registerEmployer' AND user_id = 'labor-acts'`);
    assert.deepEqual([row.outcome, row.id_number], ["failed", null]);
    assert.match(row.reason!, /^BAD_USER_INPUT: /);
  });

  test("a FORBIDDEN refusal is audited with who, what, whose and why", async () => {
    const person = freshIdNumber();
    const analyst: As = { roles: ["analyst"], user: "analyst-acts", purpose: "统计" };
    const refused = await stack.query(`query ($id: ID!) { citizen(idNumber: $id) { name } }`, { id: person }, analyst);
    assert.equal(refused.errors?.[0].extensions?.code, "FORBIDDEN");
    const [row] = await eventually(async () => {
      const found = await rows("labor-security", `id_number = '${person}'`);
      assert.equal(found.length, 1);
      return found;
    });
    assert.deepEqual(
      [row.outcome, row.user_id, row.roles, row.fields, row.token_jti],
      ["refused", "analyst-acts", "analyst", "Query.citizen", await tokenJti(analyst)],
    );
    assert.match(row.reason!, /^FORBIDDEN: role analyst may not/);
  });

  test("an UNAUTHENTICATED refusal at a department is audited: an anonymous caller, and a request without the gateway's signature", async () => {
    const person = freshIdNumber();
    const refused = await stack.query(
      `query ($id: ID!) { citizen(idNumber: $id) { name } }`,
      { id: person },
      "anonymous",
    );
    assert.equal(refused.errors?.[0].extensions?.code, "UNAUTHENTICATED");
    const [row] = await eventually(async () => {
      const found = await rows("labor-security", `id_number = '${person}'`);
      assert.equal(found.length, 1);
      return found;
    });
    assert.deepEqual([row.outcome, row.user_id, row.roles, row.fields], ["refused", null, "", "Query.citizen"]);
    assert.match(row.reason!, /^UNAUTHENTICATED: sign in/);

    const unsigned = await fetch(`http://127.0.0.1:${stack.portOf("tax")}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    assert.equal(unsigned.status, 401);
    const [bare] = await eventually(async () => {
      const found = await rows("tax", `fields = 'POST /graphql'`);
      assert.equal(found.length, 1);
      return found;
    });
    assert.equal(bare.outcome, "refused");
    assert.match(bare.reason!, /^UNAUTHENTICATED: .*no signed context .*from 127\.0\.0\.1/);
  });

  test("reading the audit trail is itself audited", async () => {
    const person = freshIdNumber();
    const auditor: As = { roles: ["auditor"], user: "auditor-acts" };
    const read = await stack.query(
      `query ($id: ID!) { auditTrail(idNumber: $id) { laborSecurity { totalCount } tax { totalCount } } }`,
      { id: person },
      auditor,
    );
    assert.equal(read.errors, undefined, JSON.stringify(read.errors));
    for (const [department, field] of [
      ["labor-security", "AuditTrails.laborSecurity"],
      ["tax", "AuditTrails.tax"],
    ]) {
      const [row] = await rows(department, `id_number = '${person}'`);
      assert.deepEqual([row.outcome, row.user_id, row.roles, row.fields], ["ok", "auditor-acts", "auditor", field]);
    }
    await stack.query(`{ verifyAuditTrail { laborSecurity { ok } } }`, {}, auditor);
    assert.equal(
      (await rows("labor-security", `fields = 'AuditVerification.laborSecurity' AND user_id = 'auditor-acts'`)).length,
      1,
    );
  });

  test("the trail's request id is the gateway's; the client's x-request-id and the token's jti are kept beside it", async () => {
    const person = freshIdNumber();
    const res = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-request-id": "client-chosen-id",
        ...(await stack.headers(LABOR)),
      },
      body: JSON.stringify({ query: REGISTER, variables: { i: { idNumber: person, name: "孙八" } } }),
    });
    assert.equal(res.status, 200);
    const issued = res.headers.get("x-request-id")!;
    assert.notEqual(issued, "client-chosen-id");
    const [row] = await rows("labor-security", `id_number = '${person}'`);
    assert.deepEqual(
      [row.request_id, row.client_request_id, row.token_jti],
      [issued, "client-chosen-id", await tokenJti(LABOR)],
    );
  });

  test("rate-limited requests are refused at the gateway and logged there, repeats tallied", async () => {
    const flooder: As = { roles: ["analyst"], user: "flooder", purpose: "flood" };
    const headers = { "content-type": "application/json", ...(await stack.headers(flooder)) };
    const statuses: number[] = [];
    // Until five are refused: the bucket refills as the flood goes on, faster than a slow machine sends.
    for (let i = 0; statuses.filter((s) => s === 429).length < 5; i++) {
      assert.ok(i < 3 * RATE_LIMIT, String(statuses));
      const res = await fetch(stack.gatewayUrl, {
        method: "POST",
        headers: { ...headers, "x-request-id": `flood-${i}` },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    const lines = await eventually(async () => {
      const found = stack
        .logOf("gateway")
        .split("\n")
        .filter((l) => l.includes('"audit":"gateway-refusal"'))
        .map((l) => JSON.parse(l));
      assert.ok(
        found.some((l) => l.code === "RATE_LIMITED"),
        stack.logOf("gateway"),
      );
      return found;
    });
    const limited = lines.filter((l) => l.code === "RATE_LIMITED" && l.since === undefined);
    // One line for the first refusal in the minute; its repeats wait for the minute's summary. (A
    // minute that ends during the flood is summarised, and the next refusal is a first again.)
    const summaries = lines.filter((l) => l.code === "RATE_LIMITED" && l.since !== undefined);
    assert.ok(limited.length <= 1 + summaries.length, JSON.stringify(lines));
    assert.deepEqual(
      [limited[0].status, limited[0].count, limited[0].clientRequestId],
      [429, 1, `flood-${statuses.indexOf(429)}`],
    );
    assert.match(limited[0].caller, /^auth:/);
    assert.ok(
      !JSON.stringify(limited[0]).includes((await stack.headers(flooder)).authorization.slice(7)),
      "the token itself is not logged",
    );
  });
});
