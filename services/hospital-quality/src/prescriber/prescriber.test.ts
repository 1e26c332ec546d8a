import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { graphql } from "graphql";
import { type Caller } from "@onewindow/contracts";
import { AuditTrail, ConfigError } from "@onewindow/platform";
import { openDepartmentDatabase } from "@onewindow/testing";
import { hospitalQuality } from "../index";
import { grantWindowSecondsFromEnv } from "./grant-window";

const INFO: Partial<Caller> = { userId: "info-1", roles: ["info_office"], hospitalCode: "H1" };
const INFO_2: Partial<Caller> = { userId: "info-2", roles: ["info_office"], hospitalCode: "H1" };
const MEDICAL: Partial<Caller> = { userId: "med-1", roles: ["medical_affairs"], hospitalCode: "H1" };
const MEDICAL_H2: Partial<Caller> = { userId: "med-2", roles: ["medical_affairs"], hospitalCode: "H2" };
/** One person holding both offices: still cannot open the statistics alone. */
const BOTH: Partial<Caller> = { userId: "info-1", roles: ["info_office", "medical_affairs"], hospitalCode: "H1" };

const REQUEST = `mutation ($i: RequestPrescriberStatsAccessInput!) { requestPrescriberStatsAccess(input: $i) { id status requestedBy reason from to expiresAt hospital { name } } }`;
const APPROVE = `mutation ($id: ID!) { approvePrescriberStatsAccess(input: { grantId: $id }) { id status approvedBy approvedAt expiresAt } }`;
const REVOKE = `mutation ($id: ID!) { revokePrescriberStatsAccess(input: { grantId: $id }) { status revokedBy } }`;
const STATS = `query ($h: ID!, $from: Date!, $to: Date!) { prescriberDrugStats(hospitalCode: $h, from: $from, to: $to) {
  hospitalCode from to grant { id } prescribers { prescriberId visits stays drugCost totalCost drugCostShare } } }`;
const MARCH = { hospitalCode: "H1", from: "2024-03-01", to: "2024-03-31", reason: "antibiotics review, case QA-7" };

/**
 * H1 with visits and stays by D1 and D2 in March 2024 (one visit without a prescriber), and one
 * visit by D1 at H2 that H1's statistics must not count; a clock the test moves.
 */
async function setUp() {
  let now = new Date("2025-01-10T08:00:00Z");
  const {
    db,
    services: s,
    schema,
    context,
  } = await openDepartmentDatabase(hospitalQuality, { grantWindowSeconds: 30 * 60, clock: () => now });
  await s.hospitals.register({ code: "H1", name: "一院" });
  await s.hospitals.register({ code: "H2", name: "二院" });
  const visit = (hospitalCode: string, visitDate: string, totalCost: number, drugCost: number, prescriberId?: string) =>
    s.outpatient.record({ hospitalCode, visitDate, department: "内科", totalCost, drugCost, prescriberId });
  await visit("H1", "2024-03-01", 100, 40, "D1");
  await visit("H1", "2024-03-10", 50, 30.01, "D1");
  await visit("H1", "2024-03-11", 80, 10, "D2");
  await visit("H1", "2024-03-12", 70, 70);
  await visit("H1", "2024-04-01", 999, 999, "D1");
  await visit("H2", "2024-03-05", 500, 400, "D1");
  await s.inpatient.record({
    hospitalCode: "H1",
    admittedOn: "2024-03-02",
    dischargedOn: "2024-03-09",
    department: "外科",
    totalCost: 3000,
    drugCost: 1200,
    prescriberId: "D2",
  });
  const exec = async (source: string, variableValues: Record<string, unknown>, caller: Partial<Caller>) =>
    JSON.parse(JSON.stringify(await graphql({ schema, source, variableValues, contextValue: context(caller) })));
  const steps = async () =>
    (await db.query("SELECT user_id, fields FROM audit_entry ORDER BY id")).map(
      (r: { user_id: string; fields: string }) => [r.user_id, r.fields.split(",").find((f) => f.startsWith("step:"))],
    );
  return { db, exec, steps, advance: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

test("request, self-approval refused, approval by another user, use, refusals and expiry, all audited", async () => {
  const { db, exec, steps, advance } = await setUp();
  const requested = await exec(REQUEST, { i: MARCH }, INFO);
  assert.equal(requested.errors, undefined, JSON.stringify(requested.errors));
  const grant = requested.data.requestPrescriberStatsAccess;
  assert.deepEqual(
    { ...grant, id: undefined },
    {
      id: undefined,
      status: "PENDING",
      requestedBy: "info-1",
      reason: MARCH.reason,
      from: "2024-03-01",
      to: "2024-03-31",
      expiresAt: null,
      hospital: { name: "一院" },
    },
  );

  const pending = await exec(STATS, { h: "H1", from: "2024-03-01", to: "2024-03-31" }, INFO);
  assert.equal(pending.errors[0].extensions.code, "FORBIDDEN");
  assert.match(pending.errors[0].message, /need a live access grant/);

  const self = await exec(APPROVE, { id: grant.id }, BOTH);
  assert.equal(self.errors[0].extensions.code, "FORBIDDEN");
  assert.match(self.errors[0].message, /the requester cannot approve their own request/);
  const otherHospital = await exec(APPROVE, { id: grant.id }, MEDICAL_H2);
  assert.equal(otherHospital.errors[0].extensions.code, "FORBIDDEN");

  const approved = await exec(APPROVE, { id: grant.id }, MEDICAL);
  assert.equal(approved.errors, undefined, JSON.stringify(approved.errors));
  assert.deepEqual(approved.data.approvePrescriberStatsAccess, {
    id: grant.id,
    status: "ACTIVE",
    approvedBy: "med-1",
    approvedAt: "2025-01-10T08:00:00.000Z",
    expiresAt: "2025-01-10T08:30:00.000Z",
  });
  const again = await exec(APPROVE, { id: grant.id }, { ...MEDICAL, userId: "med-3" });
  assert.equal(again.errors[0].extensions.code, "CONFLICT");

  advance(10);
  const used = await exec(STATS, { h: "h1", from: "2024-03-01", to: "2024-03-31" }, INFO);
  assert.equal(used.errors, undefined, JSON.stringify(used.errors));
  assert.deepEqual(used.data.prescriberDrugStats, {
    hospitalCode: "H1",
    from: "2024-03-01",
    to: "2024-03-31",
    grant: { id: grant.id },
    prescribers: [
      // 1200 (stay) + 10 (visit) of 3000 + 80
      { prescriberId: "D2", visits: 1, stays: 1, drugCost: 1210, totalCost: 3080, drugCostShare: 121_000 / 308_000 },
      { prescriberId: "D1", visits: 2, stays: 0, drugCost: 70.01, totalCost: 150, drugCostShare: 7001 / 15000 },
    ],
  });
  const inside = await exec(STATS, { h: "H1", from: "2024-03-10", to: "2024-03-10" }, INFO);
  assert.deepEqual(
    inside.data.prescriberDrugStats.prescribers.map((p: any) => [p.prescriberId, p.visits, p.drugCost]),
    [["D1", 1, 30.01]],
  );

  for (const [what, vars, caller] of [
    ["a period beyond the grant", { h: "H1", from: "2024-02-01", to: "2024-03-31" }, INFO],
    ["another information-office user", { h: "H1", from: "2024-03-01", to: "2024-03-31" }, INFO_2],
    ["another hospital", { h: "H2", from: "2024-03-01", to: "2024-03-31" }, INFO],
    [
      "the requester with an unscoped token, for another hospital",
      { h: "H2", from: "2024-03-01", to: "2024-03-31" },
      { ...INFO, hospitalCode: null },
    ],
    ["the approver", { h: "H1", from: "2024-03-01", to: "2024-03-31" }, MEDICAL],
  ] as const) {
    const res = await exec(STATS, vars, caller);
    assert.equal(res.errors?.[0].extensions.code, "FORBIDDEN", what);
  }

  advance(20);
  const expired = await exec(STATS, { h: "H1", from: "2024-03-01", to: "2024-03-31" }, INFO);
  assert.equal(expired.errors[0].extensions.code, "FORBIDDEN");
  const listed = await exec(
    `{ prescriberStatsGrants(hospitalCode: "H1") { id status } }`,
    {},
    { userId: "au-1", roles: ["auditor"] },
  );
  assert.deepEqual(listed.data.prescriberStatsGrants, [{ id: grant.id, status: "EXPIRED" }]);
  const lateRevoke = await exec(REVOKE, { id: grant.id }, INFO);
  assert.equal(lateRevoke.errors[0].extensions.code, "CONFLICT");

  assert.deepEqual(await steps(), [
    ["info-1", "step:request"],
    ["info-1", "step:use-refused"],
    ["info-1", "step:approve-refused"],
    ["med-2", "step:approve-refused"],
    ["med-1", "step:approve"],
    ["info-1", "step:use"],
    ["info-1", "step:use"],
    ["info-1", "step:use-refused"],
    ["info-2", "step:use-refused"],
    ["info-1", "step:use-refused"],
    ["info-1", "step:use-refused"],
    // the approver is refused by the role check before the resolver runs: not a step of the flow
    ["info-1", "step:use-refused"],
  ]);
  const [use] = await db.query(
    "SELECT purpose, id_number, department, fields FROM audit_entry WHERE fields LIKE '%step:use,%' ORDER BY id LIMIT 1",
  );
  assert.deepEqual(
    { ...use },
    {
      purpose: MARCH.reason,
      id_number: null,
      department: "hospital-quality",
      fields: `prescriberDrugStats,grant:${grant.id},step:use,hospital:H1,period:2024-03-01..2024-03-31`,
    },
  );
  assert.equal((await new AuditTrail(db).verify()).ok, true);
});

test("a revoked grant opens nothing; the requester or medical affairs may revoke", async () => {
  const { exec } = await setUp();
  const first = (await exec(REQUEST, { i: MARCH }, INFO)).data.requestPrescriberStatsAccess;
  await exec(APPROVE, { id: first.id }, MEDICAL);
  const revoked = await exec(REVOKE, { id: first.id }, INFO);
  assert.deepEqual(revoked.data.revokePrescriberStatsAccess, { status: "REVOKED", revokedBy: "info-1" });
  const after = await exec(STATS, { h: "H1", from: "2024-03-01", to: "2024-03-31" }, INFO);
  assert.equal(after.errors[0].extensions.code, "FORBIDDEN");

  const second = (await exec(REQUEST, { i: MARCH }, INFO)).data.requestPrescriberStatsAccess;
  const stranger = await exec(REVOKE, { id: second.id }, INFO_2);
  assert.equal(stranger.errors[0].extensions.code, "FORBIDDEN");
  const declined = await exec(REVOKE, { id: second.id }, MEDICAL);
  assert.equal(declined.data.revokePrescriberStatsAccess.status, "REVOKED");
  const tooLate = await exec(APPROVE, { id: second.id }, MEDICAL);
  assert.equal(tooLate.errors[0].extensions.code, "CONFLICT");
});

test("requests are validated; unknown grants are NOT_FOUND; offices act for their own hospital only", async () => {
  const { exec, db } = await setUp();
  const before = Number((await db.query("SELECT COUNT(*) AS n FROM prescriber_stats_grant"))[0].n);
  const cases: [string, Record<string, unknown>, Partial<Caller>, string, string?][] = [
    [
      "unknown hospital",
      { ...MARCH, hospitalCode: "NOPE" },
      { ...INFO, hospitalCode: null },
      "BAD_USER_INPUT",
      "hospitalCode",
    ],
    ["from after to", { ...MARCH, from: "2024-04-01" }, INFO, "BAD_USER_INPUT", "from"],
    ["a future day", { ...MARCH, to: "2999-01-01" }, INFO, "BAD_USER_INPUT", "to"],
    // the Date scalar refuses it before the resolver runs
    ["a day that does not exist", { ...MARCH, from: "2024-02-30" }, INFO, "BAD_USER_INPUT"],
    ["an empty reason", { ...MARCH, reason: "  " }, INFO, "BAD_USER_INPUT", "reason"],
    ["another hospital than the token's", { ...MARCH, hospitalCode: "H2" }, INFO, "FORBIDDEN"],
    ["medical affairs requesting", MARCH, MEDICAL, "FORBIDDEN"],
    ["an analyst requesting", MARCH, { userId: "an-1", roles: ["analyst"] }, "FORBIDDEN"],
    ["anonymous", MARCH, {}, "UNAUTHENTICATED"],
  ];
  for (const [what, input, caller, code, field] of cases) {
    const res = await exec(REQUEST, { i: input }, caller);
    assert.equal(res.errors?.[0].extensions.code, code, what);
    if (field) assert.equal(res.errors[0].extensions.field, field, what);
  }
  assert.equal(Number((await db.query("SELECT COUNT(*) AS n FROM prescriber_stats_grant"))[0].n), before);
  const missing = await exec(APPROVE, { id: "00000000-0000-0000-0000-000000000000" }, MEDICAL);
  assert.equal(missing.errors[0].extensions.code, "NOT_FOUND");
  const backwards = await exec(STATS, { h: "H1", from: "2024-03-31", to: "2024-03-01" }, INFO);
  assert.equal(backwards.errors[0].extensions.code, "BAD_USER_INPUT");
});

test("the grant window: 30 minutes by default, at most 30; seconds only as a test override", () => {
  assert.equal(grantWindowSecondsFromEnv({}), 1800);
  assert.equal(grantWindowSecondsFromEnv({ PRESCRIBER_GRANT_MINUTES: "10" }), 600);
  assert.equal(grantWindowSecondsFromEnv({ PRESCRIBER_GRANT_MINUTES: "10", PRESCRIBER_GRANT_TTL_SECONDS: "3" }), 3);
  assert.throws(() => grantWindowSecondsFromEnv({ PRESCRIBER_GRANT_MINUTES: "31" }), ConfigError);
  assert.throws(() => grantWindowSecondsFromEnv({ PRESCRIBER_GRANT_MINUTES: "0" }), ConfigError);
  assert.throws(() => grantWindowSecondsFromEnv({ PRESCRIBER_GRANT_TTL_SECONDS: "1801" }), ConfigError);
});
