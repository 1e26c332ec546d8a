import { beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { graphql, type GraphQLSchema } from "graphql";
import type { Caller } from "@onewindow/contracts";
import { openDepartmentDatabase, type DepartmentDatabase } from "@onewindow/testing";
import { hospitalQuality } from "./index";
import { adminOf } from "./hospital-quality.fixture";
import { FollowUpOutcome } from "./follow-up/follow-up.enums";

/** The callers of the table, in its column order. */
const CALLERS: [string, Partial<Caller>][] = [
  ["anonymous", {}],
  ["analyst", { userId: "an-1", roles: ["analyst"] }],
  ["admin H1", adminOf("H1")],
  ["admin H2", adminOf("H2")],
  ["info_office of H1", { userId: "io-1", roles: ["info_office"], hospitalCode: "H1" }],
  ["info_office, no hospital", { userId: "io-9", roles: ["info_office"] }],
  ["medical_affairs of H2", { userId: "ma-2", roles: ["medical_affairs"], hospitalCode: "H2" }],
  ["window_clerk", { userId: "wc-1", roles: ["window_clerk"], purpose: "case 1" }],
  ["auditor", { userId: "au-1", roles: ["auditor"] }],
];

const ok = "ok";
const UN = "UNAUTHENTICATED";
const FB = "FORBIDDEN";
const METRICS_RULE = [UN, ok, ok, FB, ok, ok, FB, FB, FB];
const WRITE_RULE = [UN, FB, ok, FB, FB, FB, FB, FB, FB];

/** Operation → the outcome per caller (first error code, or ok). */
const RULES: [string, string, string[]][] = [
  [
    "hospital names",
    `{ hospitals { code name level grade } hospital(code: "h1") { code name } }`,
    [ok, ok, ok, ok, ok, ok, ok, ok, ok],
  ],
  [
    "metrics of H1",
    `{ hospital(code: "H1") { qualityMetrics(from: "2024-03-01", to: "2024-03-31") { outpatientVisits drugCostShare } } }`,
    METRICS_RULE,
  ],
  [
    "metrics of every hospital",
    `{ hospitals { code qualityMetrics(from: "2024-03-01", to: "2024-03-31") { outpatientVisits } } }`,
    [UN, ok, FB, FB, FB, ok, FB, FB, FB],
  ],
  [
    "trend of H1",
    `{ hospital(code: "H1") { metricTrend(metric: OUTPATIENT_VISITS, from: "2024-01-01", to: "2024-03-31", granularity: MONTH) { value } } }`,
    METRICS_RULE,
  ],
  ["departments of H1", `{ hospital(code: "H1") { departments } }`, METRICS_RULE],
  [
    "follow-up worklist of H1",
    `{ hospital(code: "H1") { dueFollowUps { totalCount edges { node { id patientIdNumber } } } } }`,
    [UN, FB, ok, FB, ok, ok, FB, FB, FB],
  ],
  [
    "record a visit at H1",
    `mutation { recordOutpatientVisit(input: { hospitalCode: "H1", visitDate: "2024-03-02", department: "内科", totalCost: 10, drugCost: 5 }) { id } }`,
    WRITE_RULE,
  ],
  [
    "record a stay at H1",
    `mutation { recordInpatientStay(input: { hospitalCode: "h1", admittedOn: "2024-03-02", dischargedOn: "2024-03-04", department: "外科", totalCost: 10, drugCost: 5 }) { id } }`,
    WRITE_RULE,
  ],
  [
    "record a follow-up of an H1 stay",
    `mutation { recordFollowUp(input: { stayId: "1", calledOn: "2024-03-09", outcome: UNREACHABLE }) { id } }`,
    WRITE_RULE,
  ],
  [
    "record an evaluation of H1",
    `mutation { submitPatientEvaluation(input: { hospitalCode: "H1", evaluatedOn: "2024-03-02", channel: DEVICE, satisfied: true }) { id } }`,
    WRITE_RULE,
  ],
  [
    "register H1 again",
    `mutation { registerHospital(input: { code: "H1", name: "Again" }) { code } }`,
    [UN, FB, "CONFLICT", FB, FB, FB, FB, FB, FB],
  ],
  [
    "list H1's prescriber grants",
    `{ prescriberStatsGrants(hospitalCode: "H1") { id } }`,
    [UN, FB, FB, FB, ok, ok, FB, FB, ok],
  ],
  [
    "prescriber statistics without a grant",
    `{ prescriberDrugStats(hospitalCode: "H1", from: "2024-03-01", to: "2024-03-31") { prescribers { prescriberId } } }`,
    [UN, FB, FB, FB, FB, FB, FB, FB, FB],
  ],
];

describe("who may do what in hospital quality", () => {
  let schema: GraphQLSchema;
  let context: DepartmentDatabase<unknown>["context"];
  beforeAll(async () => {
    const opened = await openDepartmentDatabase(hospitalQuality);
    ({ schema, context } = opened);
    const s = opened.services;
    await s.hospitals.register({ code: "H1", name: "一院" });
    await s.hospitals.register({ code: "H2", name: "二院" });
    await s.outpatient.record({
      hospitalCode: "H1",
      visitDate: "2024-03-01",
      department: "内科",
      totalCost: 100,
      drugCost: 40,
      prescriberId: "D1",
    });
    const stay = await s.inpatient.record({
      hospitalCode: "H1",
      admittedOn: "2024-03-01",
      dischargedOn: "2024-03-05",
      department: "外科",
      totalCost: 3000,
      drugCost: 1000,
      patientIdNumber: "11010519491231002X",
    });
    assert.equal(stay.id, 1);
    await s.followUps.record({ stayId: "1", calledOn: "2024-03-08", outcome: FollowUpOutcome.UNREACHABLE });
  });

  for (const [operation, source, outcomes] of RULES) {
    test(operation, async () => {
      const got: string[] = [];
      for (const [, caller] of CALLERS) {
        const res = await graphql({ schema, source, contextValue: context(caller) });
        got.push(res.errors?.length ? String(res.errors[0].extensions?.code) : ok);
      }
      assert.deepEqual(
        Object.fromEntries(CALLERS.map(([name], i) => [name, got[i]])),
        Object.fromEntries(CALLERS.map(([name], i) => [name, outcomes[i]])),
      );
    });
  }

  test("a refusal names the hospital, in Chinese too; patients in the worklist come masked", async () => {
    const other = await graphql({
      schema,
      source: `{ hospital(code: "H1") { qualityMetrics(from: "2024-03-01", to: "2024-03-31") { outpatientVisits } } }`,
      contextValue: context(adminOf("H2")),
    });
    assert.match(other.errors![0].message, /role hospital_admin may not read the quality metrics of hospital H1/);
    // The act is named in each language: no English inside the Chinese.
    assert.equal(other.errors![0].extensions.localizedMessage, "当前角色（hospital_admin）无权查阅医院 H1 的质量指标");
    const list = await graphql({
      schema,
      source: `{ hospital(code: "H1") { dueFollowUps { edges { node { patientIdNumber } } } } }`,
      contextValue: context(adminOf("H1")),
    });
    assert.deepEqual(JSON.parse(JSON.stringify(list.data)), {
      hospital: { dueFollowUps: { edges: [{ node: { patientIdNumber: "110105********002X" } }] } },
    });
  });
});
