import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { startStack, type Stack } from "./harness/stack";

// A short window, so that the test sees a grant expire; production allows 1..30 minutes only
// (PRESCRIBER_GRANT_MINUTES), PRESCRIBER_GRANT_TTL_SECONDS is the tests' override.
const WINDOW_SECONDS = 6;

const INFO = { roles: ["info_office" as const], user: "info-wang", hospital: "PG01", purpose: "drug use review" };
const INFO_OTHER = { roles: ["info_office" as const], user: "info-li", hospital: "PG01", purpose: "drug use review" };
const MEDICAL = { roles: ["medical_affairs" as const], user: "med-zhao", hospital: "PG01" };
/** The requester also holding the medical-affairs role: still one person, still refused. */
const BOTH = { roles: ["info_office" as const, "medical_affairs" as const], user: "info-wang", hospital: "PG01" };
const ADMIN = (hospital: string) => ({
  roles: ["hospital_admin" as const],
  user: `admin-${hospital}`,
  hospital,
  purpose: "recording",
});

const REQUEST = `mutation ($i: RequestPrescriberStatsAccessInput!) { requestPrescriberStatsAccess(input: $i) { id status requestedBy expiresAt hospital { name } } }`;
const APPROVE = `mutation ($id: ID!) { approvePrescriberStatsAccess(input: { grantId: $id }) { id status approvedBy expiresAt } }`;
const STATS = `query ($h: ID!) { prescriberDrugStats(hospitalCode: $h, from: "2024-06-01", to: "2024-06-30") {
  grant { id } prescribers { prescriberId visits stays drugCost totalCost drugCostShare } } }`;

describe("prescriber statistics (统方) under dual authorisation, through the gateway", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { PRESCRIBER_GRANT_TTL_SECONDS: String(WINDOW_SECONDS) } });
    for (const [code, name] of [
      ["PG01", "测试一院"],
      ["PG02", "测试二院"],
    ]) {
      const reg = await stack.query(
        `mutation ($i: RegisterHospitalInput!) { registerHospital(input: $i) { code } }`,
        { i: { code, name } },
        ADMIN(code),
      );
      assert.equal(reg.errors, undefined, JSON.stringify(reg.errors));
    }
    const visit = async (
      hospitalCode: string,
      visitDate: string,
      totalCost: number,
      drugCost: number,
      prescriberId: string,
    ) => {
      const res = await stack.query(
        `mutation ($i: RecordOutpatientVisitInput!) { recordOutpatientVisit(input: $i) { id } }`,
        {
          i: { hospitalCode, visitDate, department: "内科", totalCost, drugCost, prescriberId },
        },
        ADMIN(hospitalCode),
      );
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    };
    await visit("PG01", "2024-06-03", 200, 120, "D-01");
    await visit("PG01", "2024-06-04", 100, 30.5, "D-01");
    await visit("PG01", "2024-06-05", 300, 60, "D-02");
    await visit("PG02", "2024-06-05", 900, 800, "D-01");
    const stay = await stack.query(
      `mutation ($i: RecordInpatientStayInput!) { recordInpatientStay(input: $i) { id } }`,
      {
        i: {
          hospitalCode: "PG01",
          admittedOn: "2024-06-01",
          dischargedOn: "2024-06-08",
          department: "外科",
          totalCost: 5000,
          drugCost: 2000,
          prescriberId: "D-02",
        },
      },
      ADMIN("PG01"),
    );
    assert.equal(stay.errors, undefined, JSON.stringify(stay.errors));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("request, self-approval refused, approval, use, strangers refused, expiry, and the audit trail", async () => {
    const requested = await stack.query(
      REQUEST,
      { i: { hospitalCode: "PG01", from: "2024-06-01", to: "2024-06-30", reason: "quarterly antibiotics review" } },
      INFO,
    );
    assert.equal(requested.errors, undefined, JSON.stringify(requested.errors));
    const grant = requested.data.requestPrescriberStatsAccess;
    assert.deepEqual(
      { ...grant, id: typeof grant.id },
      { id: "string", status: "PENDING", requestedBy: "info-wang", expiresAt: null, hospital: { name: "测试一院" } },
    );

    const before = await stack.query(STATS, { h: "PG01" }, INFO);
    assert.equal(before.errors?.[0].extensions?.code, "FORBIDDEN");
    assert.match(before.errors![0].message, /need a live access grant/);

    const self = await stack.query(APPROVE, { id: grant.id }, BOTH);
    assert.equal(self.errors?.[0].extensions?.code, "FORBIDDEN");
    assert.match(self.errors![0].message, /the requester cannot approve their own request/);

    const approved = await stack.query(APPROVE, { id: grant.id }, MEDICAL);
    assert.equal(approved.errors, undefined, JSON.stringify(approved.errors));
    const { status, approvedBy, expiresAt } = approved.data.approvePrescriberStatsAccess;
    assert.deepEqual({ status, approvedBy }, { status: "ACTIVE", approvedBy: "med-zhao" });

    const used = await stack.query(STATS, { h: "PG01" }, INFO);
    assert.equal(used.errors, undefined, JSON.stringify(used.errors));
    assert.deepEqual(used.data.prescriberDrugStats, {
      grant: { id: grant.id },
      prescribers: [
        {
          prescriberId: "D-02",
          visits: 1,
          stays: 1,
          drugCost: 2060,
          totalCost: 5300,
          drugCostShare: 206_000 / 530_000,
        },
        { prescriberId: "D-01", visits: 2, stays: 0, drugCost: 150.5, totalCost: 300, drugCostShare: 15_050 / 30_000 },
      ],
    });

    const stranger = await stack.query(STATS, { h: "PG01" }, INFO_OTHER);
    assert.equal(stranger.errors?.[0].extensions?.code, "FORBIDDEN", "another information-office user");
    const approver = await stack.query(STATS, { h: "PG01" }, MEDICAL);
    assert.equal(approver.errors?.[0].extensions?.code, "FORBIDDEN", "the approver");
    const otherHospital = await stack.query(STATS, { h: "PG02" }, { ...INFO, hospital: "PG02" });
    assert.equal(otherHospital.errors?.[0].extensions?.code, "FORBIDDEN", "a hospital the grant is not for");
    const anonymous = await stack.query(STATS, { h: "PG01" }, "anonymous");
    assert.equal(anonymous.errors?.[0].extensions?.code, "UNAUTHENTICATED");

    // Past the window: the same request is refused.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(expiresAt) - Date.now()) + 500));
    const expired = await stack.query(STATS, { h: "PG01" }, INFO);
    assert.equal(expired.errors?.[0].extensions?.code, "FORBIDDEN", "after expiry");
    const listed = await stack.query(
      `query { prescriberStatsGrants(hospitalCode: "PG01") { id status } }`,
      {},
      { roles: ["auditor"], user: "auditor-1" },
    );
    assert.deepEqual(listed.data.prescriberStatsGrants, [{ id: grant.id, status: "EXPIRED" }]);

    const rows = await stack.sql<{ user_id: string; fields: string; id_number: string | null; purpose: string | null }>(
      "hospital-quality",
      "SELECT user_id, fields, id_number, purpose FROM audit_entry ORDER BY id",
    );
    const steps = rows
      .filter((r) => r.fields.includes(`grant:${grant.id}`) || r.fields.includes("grant:none"))
      .map((r) => [r.user_id, r.fields.split(",").find((f) => f.startsWith("step:"))]);
    assert.deepEqual(steps, [
      ["info-wang", "step:request"],
      ["info-wang", "step:use-refused"],
      ["info-wang", "step:approve-refused"],
      ["med-zhao", "step:approve"],
      ["info-wang", "step:use"],
      ["info-li", "step:use-refused"],
      // the approver and anonymous are refused by the role check: they never reach the grant flow
      ["info-wang", "step:use-refused"],
      ["info-wang", "step:use-refused"],
    ]);
    assert.ok(rows.every((r) => r.id_number === null));
    assert.ok(
      rows.some(
        (r) =>
          r.fields === `prescriberDrugStats,grant:${grant.id},step:use,hospital:PG01,period:2024-06-01..2024-06-30` &&
          r.purpose === "drug use review",
      ),
    );
  });

  test("inputs are checked: unknown hospital, reversed or future period, no reason", async () => {
    const base = { hospitalCode: "PG01", from: "2024-06-01", to: "2024-06-30", reason: "review" };
    for (const [what, input, field] of [
      ["unknown hospital", { ...base, hospitalCode: "NOPE" }, "hospitalCode"],
      ["from after to", { ...base, from: "2024-07-01" }, "from"],
      ["future", { ...base, to: "2999-12-31" }, "to"],
      ["no reason", { ...base, reason: " " }, "reason"],
    ] as const) {
      // An office token names its hospital: here the one the request is for.
      const res = await stack.query(REQUEST, { i: input }, { ...INFO, hospital: input.hospitalCode });
      assert.equal(res.errors?.[0].extensions?.code, "BAD_USER_INPUT", what);
      assert.equal(res.errors?.[0].extensions?.field, field, what);
    }
  });
});
