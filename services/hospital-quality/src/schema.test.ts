import { test } from "node:test";
import assert from "node:assert/strict";
import { graphql } from "graphql";
import { createLogger, sqlQueries } from "@onewindow/shared";
import { openTestDb } from "./fixtures";
import { buildHospitalSchema } from "./schema";

/** Runs an operation against the subgraph schema with a fresh request context. */
async function run(source: string, variableValues?: Record<string, unknown>) {
  const { db, s } = await openTestDb();
  const schema = await buildHospitalSchema(s);
  const contextValue = () => ({ requestId: "t", logger: createLogger("test", "silent"), loaders: new Map() });
  return { db, exec: (src = source, vars = variableValues) => graphql({ schema, source: src, variableValues: vars, contextValue: contextValue() }) };
}

test("registers hospitals, records a visit and reads metrics through GraphQL", async () => {
  const { exec } = await run("");
  const reg = await exec(`mutation { registerHospital(input: { code: "jd009", name: "测试医院", level: SECONDARY, grade: A }) { code name level grade } }`);
  assert.deepEqual({ ...(reg.data?.registerHospital as object) }, { code: "JD009", name: "测试医院", level: "SECONDARY", grade: "A" });
  const rec = await exec(`mutation { recordOutpatientVisit(input: { hospitalCode: "JD009", visitDate: "2024-05-01", department: "内科", totalCost: 120.5, drugCost: 60.25 }) { hospitalCode totalCost drugCost } }`);
  assert.deepEqual({ ...(rec.data?.recordOutpatientVisit as object) }, { hospitalCode: "JD009", totalCost: 120.5, drugCost: 60.25 });
  const q = await exec(`{ hospital(code: "jd009") { name departments qualityMetrics(from: "2024-05-01", to: "2024-05-31") { outpatientVisits outpatientDrugCostPerVisit drugCostShare followUpRate previousPeriod { from to outpatientVisits } change { outpatientVisits } } } hospitals { code } missing: hospital(code: "NOPE") { code } }`);
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
        previousPeriod: { from: "2024-03-31", to: "2024-04-30", outpatientVisits: 0 },
        change: { outpatientVisits: 1 },
      },
    },
    hospitals: [{ code: "JD009" }],
    missing: null,
  });
});

test("errors reach GraphQL clients with their code", async () => {
  const { exec } = await run("");
  const bad = await exec(`mutation { recordOutpatientVisit(input: { hospitalCode: "NOPE", visitDate: "2024-05-01", department: "内科", totalCost: 10, drugCost: 20 }) { id } }`);
  assert.equal(bad.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  await exec(`mutation { registerHospital(input: { code: "H1", name: "A" }) { code } }`);
  const period = await exec(`{ hospital(code: "H1") { metricTrend(metric: OUTPATIENT_VISITS, from: "2024-02-01", to: "2024-01-01", granularity: MONTH) { value } } }`);
  assert.equal(period.errors?.[0].extensions?.code, "BAD_USER_INPUT");
});

test("Hospital references from other subgraphs resolve in one query per batch", async () => {
  const { exec } = await run("");
  for (const code of ["H1", "H2", "H3"]) await exec(`mutation { registerHospital(input: { code: "${code}", name: "Hospital ${code}" }) { code } }`);
  const before = (await sqlQueries.get()).values.find((v) => v.labels.service === "hospital-quality")?.value ?? 0;
  const res = await exec(
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Hospital { code name } } }`,
    { r: ["H1", "H3", "NOPE", "H2"].map((code) => ({ __typename: "Hospital", code })) },
  );
  const after = (await sqlQueries.get()).values.find((v) => v.labels.service === "hospital-quality")?.value ?? 0;
  assert.deepEqual(JSON.parse(JSON.stringify(res.data)), {
    _entities: [{ code: "H1", name: "Hospital H1" }, { code: "H3", name: "Hospital H3" }, null, { code: "H2", name: "Hospital H2" }],
  });
  assert.equal(after - before, 1);
});
