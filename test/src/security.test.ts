import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { issueDevToken } from "@onewindow/gateway";
import { type Role } from "@onewindow/contracts";
import {
  CONTEXT_HEADER,
  contextClaims,
  deriveContextKey,
  loadContextSecret,
  signContextHeader,
} from "@onewindow/platform";
import { startStack, type As, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshCreditCode, freshIdNumber } from "./harness/fixtures";

const HOSPITAL = "JD001";

/** Every caller of the security model, by the name the table below uses. */
function callers(citizen: string): Record<string, As> {
  const as = (roles: Role[], extra: Partial<Exclude<As, "anonymous">> = {}): As => ({
    roles,
    user: `${roles[0]}-1`,
    purpose: "security matrix",
    ...extra,
  });
  return {
    anonymous: "anonymous",
    window_clerk: as(["window_clerk"]),
    labor_officer: as(["labor_officer"]),
    insurance_officer: as(["insurance_officer"]),
    tax_officer: as(["tax_officer"]),
    hospital_admin: as(["hospital_admin"], { hospital: HOSPITAL }),
    info_office: as(["info_office"], { hospital: HOSPITAL }),
    medical_affairs: as(["medical_affairs"], { hospital: HOSPITAL }),
    analyst: as(["analyst"]),
    auditor: as(["auditor"]),
    citizen: as(["citizen"], { idNumber: citizen }),
  };
}

/** One representative operation of a department; `variables` may set up what it needs first. */
interface Operation {
  query: string;
  variables: (stack: Stack) => Promise<Record<string, unknown>>;
}

const ROLES = [
  "anonymous",
  "window_clerk",
  "labor_officer",
  "insurance_officer",
  "tax_officer",
  "hospital_admin",
  "info_office",
  "medical_affairs",
  "analyst",
  "auditor",
  "citizen",
] as const;
type Outcome = "ok" | "UNAUTHENTICATED" | "FORBIDDEN";
const O = "ok",
  U = "UNAUTHENTICATED",
  F = "FORBIDDEN";

/**
 * Who may do what, department by department. Columns in the order of ROLES:
 * anonymous, window_clerk, labor_officer, insurance_officer, tax_officer, hospital_admin,
 * info_office, medical_affairs, analyst, auditor, citizen (reading their own records).
 */
const MATRIX: Record<string, Outcome[]> = {
  "labor: a citizen's identity": [U, O, O, O, O, F, F, F, F, F, O],
  "labor: register a citizen": [U, F, O, F, F, F, F, F, F, F, F],
  "labor: count citizens": [U, O, O, O, O, F, F, F, O, F, F],
  "labor: job board": [O, O, O, O, O, O, O, O, O, O, O],
  "insurance: a citizen's scheme": [U, O, F, O, F, F, F, F, F, F, O],
  "insurance: enrol a citizen": [U, F, F, O, F, F, F, F, F, F, F],
  "tax: a citizen's tax summary": [U, O, F, F, O, F, F, F, F, F, O],
  "tax: file a return": [U, F, F, F, O, F, F, F, F, F, F],
  "hospital: names": [O, O, O, O, O, O, O, O, O, O, O],
  "hospital: quality metrics": [U, F, F, F, F, O, O, O, O, F, F],
  "hall: service guide": [O, O, O, O, O, O, O, O, O, O, O],
  "hall: KPIs": [U, O, F, F, F, F, F, F, O, F, F],
  "hall: open a case": [U, O, F, F, F, F, F, F, F, F, F],
  "audit: verify the trail": [U, F, F, F, F, F, F, F, F, O, F],
};

describe("security through the gateway", () => {
  let stack: Stack;
  let citizen: string;

  const register = async (): Promise<string> => {
    const idNumber = freshIdNumber();
    const res = await stack.query(`mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
      i: { idNumber, name: "韩梅" },
    });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return idNumber;
  };

  const operations = (): Record<string, Operation> => ({
    "labor: a citizen's identity": {
      query: `query ($id: ID!) { citizen(idNumber: $id) { name birthDate } }`,
      variables: async () => ({ id: citizen }),
    },
    "labor: register a citizen": {
      query: `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`,
      variables: async () => ({ i: { idNumber: freshIdNumber(), name: "李雷" } }),
    },
    "labor: count citizens": { query: `{ citizens(first: 0) { totalCount } }`, variables: async () => ({}) },
    "labor: job board": {
      query: `{ jobPostings(first: 2) { totalCount edges { node { title employer { name } } } } }`,
      variables: async () => ({}),
    },
    "insurance: a citizen's scheme": {
      query: `query ($id: ID!) { citizen(idNumber: $id) { medicalInsurance { scheme } } }`,
      variables: async () => ({ id: citizen }),
    },
    "insurance: enrol a citizen": {
      query: `mutation ($i: EnrollMedicalInsuranceInput!) { enrollMedicalInsurance(input: $i) { scheme } }`,
      variables: async () => ({ i: { idNumber: await register(), scheme: "RESIDENT", since: "2024-01-01" } }),
    },
    "tax: a citizen's tax summary": {
      query: `query ($id: ID!) { citizen(idNumber: $id) { taxSummary(year: 2025) { taxDue } } }`,
      variables: async () => ({ id: citizen }),
    },
    "tax: file a return": {
      query: `mutation ($i: FileTaxReturnInput!) { fileTaxReturn(input: $i) { taxDue } }`,
      variables: async () => ({ i: { idNumber: await register(), year: 2025, wageIncome: 120000, taxWithheld: 2000 } }),
    },
    "hospital: names": { query: `{ hospitals { code name } }`, variables: async () => ({}) },
    "hospital: quality metrics": {
      query: `{ hospital(code: "${HOSPITAL}") { qualityMetrics(from: "2025-01-01", to: "2025-06-30") { outpatientVisits } } }`,
      variables: async () => ({}),
    },
    "hall: service guide": { query: `{ serviceItems(keyword: "退休") { code name } }`, variables: async () => ({}) },
    "hall: KPIs": {
      query: `{ hallKpis(from: "2009-01-01", to: "2009-12-31") { casesHandled } }`,
      variables: async () => ({}),
    },
    "hall: open a case": {
      query: `mutation ($i: OpenCaseInput!) { openCase(input: $i) { id } }`,
      variables: async () => ({ i: { idNumber: citizen, itemCode: "TX006", window: "W01" } }),
    },
    "audit: verify the trail": { query: `{ verifyAuditTrail { laborSecurity { ok } } }`, variables: async () => ({}) },
  });

  beforeAll(async () => {
    stack = await startStack({ seed: { citizens: 30, employers: 3, jobPostings: 5, extraVisits: 0 } });
    citizen = await register();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("every role × a representative operation of every department: allowed, or the exact error code", async () => {
    const who = callers(citizen);
    const ops = operations();
    const mismatches: string[] = [];
    for (const [name, expected] of Object.entries(MATRIX)) {
      for (const [i, role] of ROLES.entries()) {
        const op = ops[name];
        const res = await stack.query(op.query, await op.variables(stack), who[role]);
        const got: string = res.errors ? String(res.errors[0].extensions?.code) : "ok";
        if (got !== expected[i])
          mismatches.push(
            `${name} as ${role}: expected ${expected[i]}, got ${got}${res.errors ? ` (${res.errors[0].message})` : ""}`,
          );
        if (got === "ok")
          assert.ok(res.data && Object.values(res.data).every((v) => v !== undefined), `${name} as ${role}: no data`);
      }
    }
    assert.deepEqual(mismatches, []);
  });

  test("a department's port gives nothing without the gateway's fresh signature", async () => {
    const direct: Record<string, string> = {
      "labor-security": `{ citizen(idNumber: "${citizen}") { name } }`,
      "medical-insurance": `{ _entities(representations: [{ __typename: "Citizen", idNumber: "${citizen}" }]) { ... on Citizen { medicalInsurance { scheme } } } }`,
      tax: `{ _entities(representations: [{ __typename: "Citizen", idNumber: "${citizen}" }]) { ... on Citizen { taxSummary(year: 2025) { taxDue } } } }`,
      "hospital-quality": `{ hospitals { code name } }`,
      "service-hall": `{ serviceItems { code } }`,
      notifications: `{ _entities(representations: [{ __typename: "Citizen", idNumber: "${citizen}" }]) { ... on Citizen { contactChannels { address } } } }`,
    };
    const forger = crypto.createSecretKey(crypto.randomBytes(32));
    const secret = loadContextSecret({}, stack.dataDir);
    const clerk = {
      userId: "clerk-1",
      roles: ["window_clerk" as Role],
      hospitalCode: null,
      idNumber: null,
      purpose: "x",
    };
    for (const [department, query] of Object.entries(direct)) {
      const body = JSON.stringify({ query });
      const url = `http://127.0.0.1:${stack.portOf(department)}/graphql`;
      const send = (headers: Record<string, string>) =>
        fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
      // An expired context: well signed, but 60 seconds old.
      const stale = Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(contextClaims(clerk, department, "r"), "base64url").toString()),
          iat: Date.now() - 60_000,
        }),
      ).toString("base64url");
      const attempts: Record<string, Record<string, string>> = {
        unsigned: {},
        forged: { [CONTEXT_HEADER]: signContextHeader(forger, contextClaims(clerk, department, "r"), body) },
        // Signed with the key of another department, which holds it: it vouches to itself alone.
        "another department's key": {
          [CONTEXT_HEADER]: signContextHeader(
            deriveContextKey(secret, department === "tax" ? "labor-security" : "tax"),
            contextClaims(clerk, department, "r"),
            body,
          ),
        },
        expired: { [CONTEXT_HEADER]: signContextHeader(deriveContextKey(secret, department), stale, body) },
      };
      for (const [kind, headers] of Object.entries(attempts)) {
        const res = await send(headers);
        const json = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
        assert.equal(res.status, 401, `${department} ${kind}`);
        assert.equal(json.data, undefined, `${department} ${kind}`);
        assert.equal(json.errors?.[0].extensions?.code, "UNAUTHENTICATED", `${department} ${kind}`);
      }
      // The same request signed as the gateway signs it is answered.
      const signed = await stack.querySubgraph(department, query);
      assert.equal(signed.errors, undefined, `${department}: ${JSON.stringify(signed.errors)}`);
    }
  });

  test("tokens: malformed, forged or expired → 401 UNAUTHENTICATED; unknown roles are refused", async () => {
    const send = (authorization: string) =>
      fetch(stack.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        body: JSON.stringify({ query: "{ hospitals { name } }" }),
      });
    const expired = await issueDevToken(stack.dataDir, { roles: ["window_clerk"], ttlSeconds: -60 });
    const valid = await issueDevToken(stack.dataDir, { roles: ["window_clerk"] });
    const [head, payload] = valid.split(".");
    const raised = `${head}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), roles: ["auditor"] })).toString("base64url")}.${valid.split(".")[2]}`;
    for (const [kind, authorization] of Object.entries({
      malformed: "Bearer not-a-token",
      basic: "Basic dXNlcjpwdw==",
      expired: `Bearer ${expired}`,
      forged: `Bearer ${raised}`,
    })) {
      const res = await send(authorization);
      const json = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      assert.equal(res.status, 401, kind);
      assert.equal(json.errors?.[0].extensions?.code, "UNAUTHENTICATED", kind);
      if (kind === "expired") assert.match(json.errors![0].message, /expired/);
    }
    assert.equal((await send(`Bearer ${valid}`)).status, 200);
  });

  test("reading personal data needs a stated purpose; every read is audited where the data lives", async () => {
    const clerk: As = { roles: ["window_clerk"], user: "clerk-7" };
    const query = `query ($id: ID!) { citizen(idNumber: $id) { name medicalInsurance { scheme } } }`;
    const person = await register();
    const served = async () => (await auditRows(stack, person)).filter((r) => r.outcome !== "refused");
    const before = await served();
    const refused = await stack.query(query, { id: person }, { ...clerk, purpose: null });
    assert.equal(refused.errors?.[0].extensions?.code, "FORBIDDEN");
    assert.match(refused.errors![0].message, /x-access-purpose/);
    assert.equal(refused.data?.citizen ?? null, null);
    // Nothing was read; the refusal itself is on the record.
    assert.deepEqual(await served(), before);
    await eventually(async () =>
      assert.ok((await auditRows(stack, person)).some((r) => r.outcome === "refused" && r.user_id === "clerk-7")),
    );

    const read = await stack.query(query, { id: person }, { ...clerk, purpose: "窗口咨询 case 2026-118" });
    assert.equal(read.errors, undefined, JSON.stringify(read.errors));
    const rows = await auditRows(stack, person);
    const labor = rows.filter((r) => r.department === "labor-security").at(-1)!;
    const insurance = rows.filter((r) => r.department === "medical-insurance").at(-1)!;
    assert.deepEqual(
      [labor.user_id, labor.roles, labor.purpose],
      ["clerk-7", "window_clerk", "窗口咨询 case 2026-118"],
    );
    assert.match(labor.fields, /name/);
    assert.match(insurance.fields, /medicalInsurance/);
    assert.equal(labor.request_id, insurance.request_id);
  });

  test("a citizen sees their own records, who read them and why; not another person's", async () => {
    const me = await register();
    const someoneElse = await register();
    await stack.query(
      `query ($id: ID!) { citizen(idNumber: $id) { name } }`,
      { id: me },
      { roles: ["window_clerk"], user: "clerk-9", purpose: "养老保险咨询" },
    );
    const self: As = { roles: ["citizen"], idNumber: me, user: "citizen-me", purpose: "self service" };
    const own = await stack.query(
      `query ($id: ID!) { citizen(idNumber: $id) { name medicalInsurance { scheme } } }`,
      { id: me },
      self,
    );
    assert.equal(own.errors, undefined, JSON.stringify(own.errors));
    const other = await stack.query(`query ($id: ID!) { citizen(idNumber: $id) { name } }`, { id: someoneElse }, self);
    assert.equal(other.errors?.[0].extensions?.code, "FORBIDDEN");

    const tracker = await stack.query(
      `{ auditTrail { scope laborSecurity(first: 20) { totalCount edges { node { at userId roles purpose fields } } } } }`,
      {},
      self,
    );
    assert.equal(tracker.errors, undefined, JSON.stringify(tracker.errors));
    assert.equal(tracker.data.auditTrail.scope, me);
    const reads = tracker.data.auditTrail.laborSecurity.edges.map((e: any) => e.node);
    assert.ok(
      reads.some(
        (r: any) => r.userId === "clerk-9" && r.purpose === "养老保险咨询" && r.roles.includes("window_clerk"),
      ),
      JSON.stringify(reads),
    );
    const peek = await stack.query(
      `query ($id: ID!) { auditTrail(idNumber: $id) { laborSecurity { totalCount } } }`,
      { id: someoneElse },
      self,
    );
    assert.equal(peek.errors?.[0].extensions?.code, "FORBIDDEN");
  });

  test("altering one audit row in the database makes verifyAuditTrail fail at that row", async () => {
    const auditor: As = { roles: ["auditor"], user: "auditor-1" };
    const person = await register();
    for (let i = 0; i < 3; i++)
      await stack.query(
        `query ($id: ID!) { citizen(idNumber: $id) { name } }`,
        { id: person },
        { roles: ["window_clerk"], purpose: `read ${i}` },
      );
    const VERIFY = `{ verifyAuditTrail { laborSecurity { ok checked brokenAt reason } medicalInsurance { ok } tax { ok } hospitalQuality { ok } serviceHall { ok } } }`;
    const clean = await stack.query(VERIFY, {}, auditor);
    assert.equal(clean.errors, undefined, JSON.stringify(clean.errors));
    assert.ok(
      Object.values(clean.data.verifyAuditTrail).every((d: any) => d.ok),
      JSON.stringify(clean.data),
    );
    const [{ id }] = await stack.sql<{ id: number }>(
      "labor-security",
      `SELECT id FROM audit_entry WHERE id_number = '${person}' ORDER BY id LIMIT 1`,
    );
    await stack.tamper("labor-security", `UPDATE audit_entry SET purpose = 'nothing happened' WHERE id = ${id}`);
    const broken = await stack.query(VERIFY, {}, auditor);
    assert.deepEqual(broken.data.verifyAuditTrail.laborSecurity, {
      ok: false,
      checked: Number(id) - 1,
      brokenAt: Number(id),
      reason: `row ${id} was altered after it was written`,
    });
    assert.equal(broken.data.verifyAuditTrail.medicalInsurance.ok, true);
  });

  test("an employer's tax standing and credit code need an officer; the job board shows employer names to anyone", async () => {
    const creditCode = freshCreditCode();
    const made = await stack.query(
      `mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { creditCode } }`,
      { i: { creditCode, name: "杭州示范科技有限公司" } },
      { roles: ["labor_officer"], purpose: "registration" },
    );
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    const standing = `query ($c: ID!) { employer(creditCode: $c) { name taxStanding } }`;
    assert.equal(
      (await stack.query(standing, { c: creditCode }, "anonymous")).errors?.[0].extensions?.code,
      "UNAUTHENTICATED",
    );
    assert.equal(
      (await stack.query(standing, { c: creditCode }, { roles: ["tax_officer"], purpose: "arrears check" })).errors,
      undefined,
    );
  });
});

/** The audit rows of every department about `idNumber`, oldest first. */
async function auditRows(stack: Stack, idNumber: string) {
  const rows = [];
  for (const department of ["labor-security", "medical-insurance", "tax", "service-hall"]) {
    rows.push(
      ...(await stack.sql<{
        department: string;
        user_id: string;
        roles: string;
        purpose: string;
        fields: string;
        request_id: string;
        outcome: string | null;
      }>(
        department,
        `SELECT department, user_id, roles, purpose, fields, request_id, outcome FROM audit_entry WHERE id_number = '${idNumber}' ORDER BY id`,
      )),
    );
  }
  return rows;
}
