import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { graphql } from "graphql";
import { type Caller } from "@onewindow/contracts";
import { countStatements, openDepartmentDatabase } from "@onewindow/testing";
import { hospitalQuality } from "./index";
import { adminOf } from "./hospital-quality.fixture";

const ANALYST: Partial<Caller> = { userId: "analyst-1", roles: ["analyst"] };

/** The subgraph schema over a fresh database; `exec` runs an operation as `caller` (H1's administrator by default). */
async function run() {
  const { db, schema, service, context } = await openDepartmentDatabase(hospitalQuality);
  const exec = (source: string, variableValues?: Record<string, unknown>, caller: Partial<Caller> = adminOf("H1")) =>
    graphql({ schema, source, variableValues, contextValue: context(caller) });
  return { db, service, exec };
}

test("registers hospitals, records a visit and reads metrics through GraphQL", async () => {
  const { exec } = await run();
  const admin = adminOf("JD009");
  const reg = await exec(
    `mutation { registerHospital(input: { code: "jd009", name: "测试医院", level: SECONDARY, grade: A }) { code name level grade } }`,
    {},
    admin,
  );
  assert.deepEqual(
    { ...(reg.data?.registerHospital as object) },
    { code: "JD009", name: "测试医院", level: "SECONDARY", grade: "A" },
  );
  const rec = await exec(
    `mutation { recordOutpatientVisit(input: { hospitalCode: "JD009", visitDate: "2024-05-01", department: "内科", totalCost: 120.5, drugCost: 60.25, patientIdNumber: "11010519491231002X" }) { hospitalCode totalCost drugCost patientIdNumber } }`,
    {},
    admin,
  );
  assert.equal(rec.errors, undefined, JSON.stringify(rec.errors));
  // Hospital quality reads no patient as a person: even the hospital's administrator sees the ID number masked.
  assert.deepEqual(
    { ...(rec.data?.recordOutpatientVisit as object) },
    { hospitalCode: "JD009", totalCost: 120.5, drugCost: 60.25, patientIdNumber: "110105********002X" },
  );
  const q = await exec(
    `{ hospital(code: "jd009") { name departments qualityMetrics(from: "2024-05-01", to: "2024-05-31") { outpatientVisits outpatientDrugCostPerVisit drugCostShare followUpRate comparison previousPeriod { from to outpatientVisits } change { outpatientVisits } } } hospitals { code } missing: hospital(code: "NOPE") { code } }`,
    {},
    admin,
  );
  assert.equal(q.errors, undefined);
  assert.deepEqual(JSON.parse(JSON.stringify(q.data)), {
    hospital: {
      name: "测试医院",
      departments: ["内科"],
      qualityMetrics: {
        outpatientVisits: 1,
        outpatientDrugCostPerVisit: 60.25,
        drugCostShare: 0.5,
        followUpRate: null,
        // May is compared with the whole of April (环比 of a calendar month).
        comparison: "PREVIOUS_MONTH",
        previousPeriod: { from: "2024-04-01", to: "2024-04-30", outpatientVisits: 0 },
        change: { outpatientVisits: 1 },
      },
    },
    hospitals: [{ code: "JD009" }],
    missing: null,
  });
});

test("errors reach GraphQL clients with their code", async () => {
  const { exec } = await run();
  await exec(`mutation { registerHospital(input: { code: "H1", name: "A" }) { code } }`);
  const bad = await exec(
    `mutation { recordOutpatientVisit(input: { hospitalCode: "H1", visitDate: "2024-05-01", department: "内科", totalCost: 10, drugCost: 20 }) { id } }`,
  );
  assert.equal(bad.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  const period = await exec(
    `{ hospital(code: "H1") { metricTrend(metric: OUTPATIENT_VISITS, from: "2024-02-01", to: "2024-01-01", granularity: MONTH) { value } } }`,
  );
  assert.equal(period.errors?.[0].extensions?.code, "BAD_USER_INPUT");
});

test("Hospital references from other subgraphs resolve in one query per batch, for anyone", async () => {
  const { exec, service } = await run();
  for (const code of ["H1", "H2", "H3"])
    await exec(
      `mutation { registerHospital(input: { code: "${code}", name: "Hospital ${code}" }) { code } }`,
      {},
      adminOf(code),
    );
  let res!: Awaited<ReturnType<typeof exec>>;
  const statements = await countStatements(service, async () => {
    res = await exec(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Hospital { code name } } }`,
      { r: ["H1", "H3", "NOPE", "H2"].map((code) => ({ __typename: "Hospital", code })) },
      {},
    );
  });
  assert.deepEqual(JSON.parse(JSON.stringify(res.data)), {
    _entities: [
      { code: "H1", name: "Hospital H1" },
      { code: "H3", name: "Hospital H3" },
      null,
      { code: "H2", name: "Hospital H2" },
    ],
  });
  assert.equal(statements, 1);
});

test("analysts read metrics but record nothing", async () => {
  const { exec } = await run();
  await exec(`mutation { registerHospital(input: { code: "H1", name: "A" }) { code } }`);
  const metrics = await exec(
    `{ hospitals { code qualityMetrics(from: "2024-01-01", to: "2024-01-31") { outpatientVisits } } }`,
    {},
    ANALYST,
  );
  assert.equal(metrics.errors, undefined);
  const write = await exec(
    `mutation { recordOutpatientVisit(input: { hospitalCode: "H1", visitDate: "2024-05-01", department: "内科", totalCost: 10, drugCost: 2 }) { id } }`,
    {},
    ANALYST,
  );
  assert.equal(write.errors?.[0].extensions?.code, "FORBIDDEN");
});
