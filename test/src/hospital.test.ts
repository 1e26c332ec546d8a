import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { startStack, type Stack } from "./harness/stack";
import { freshIdNumber } from "./harness/fixtures";

/** The administrator of one hospital, as their token names it. */
const adminOf = (hospital: string) => ({
  roles: ["hospital_admin" as const],
  user: `admin-${hospital}`,
  hospital,
  purpose: "quality review",
});
const ANALYST = { roles: ["analyst" as const], user: "analyst-1" };

const METRICS = `query ($from: Date!, $to: Date!) { hospital(code: "JD001") { name qualityMetrics(from: $from, to: $to) {
  outpatientDrugCostPerVisit inpatientDrugCostPerStay inpatientDischarges followedUpDischarges followUpRate
  satisfactionByChannel { channel satisfactionRate } previousPeriod { outpatientDrugCostPerVisit } } } }`;

describe("hospital quality through the gateway, on the demo data", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: { citizens: 50, employers: 5, jobPostings: 5, extraVisits: 0 } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("建德市第一人民医院 reproduces the figures of the seed text, 2009 against 2010", async () => {
    const res = await stack.query(METRICS, { from: "2010-01-01", to: "2010-12-31" });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const { name, qualityMetrics: m } = res.data.hospital;
    assert.equal(name, "建德市第一人民医院");
    assert.equal(m.outpatientDrugCostPerVisit, 96.09);
    assert.equal(m.inpatientDrugCostPerStay, 3924.02);
    assert.equal(m.previousPeriod.outpatientDrugCostPerVisit, 106.52);
    assert.equal(m.followedUpDischarges, 1867);
    assert.equal(Math.round(m.followUpRate * 100), 92);
    for (const channel of ["DEVICE", "SURVEY"]) {
      const rate = m.satisfactionByChannel.find((c: any) => c.channel === channel).satisfactionRate;
      assert.ok(rate >= 0.97, `${channel} satisfaction ${rate}`);
    }
    const y2009 = await stack.query(METRICS, { from: "2009-01-01", to: "2009-12-31" });
    assert.equal(y2009.data.hospital.qualityMetrics.inpatientDrugCostPerStay, 4483.53);
  });

  test("an empty period gives null rates, not errors; from after to is BAD_USER_INPUT", async () => {
    const empty = await stack.query(METRICS, { from: "1999-01-01", to: "1999-01-31" });
    assert.equal(empty.errors, undefined);
    assert.equal(empty.data.hospital.qualityMetrics.outpatientDrugCostPerVisit, null);
    assert.equal(empty.data.hospital.qualityMetrics.followUpRate, null);
    const backwards = await stack.query(METRICS, { from: "2010-12-31", to: "2010-01-01" });
    assert.equal(backwards.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  });

  test("anonymous callers see hospital names only; analysts and the hospital's administrator see its metrics; another hospital's administrator does not", async () => {
    const names = await stack.query(
      `{ hospitals { code name } hospital(code: "JD001") { code name level } }`,
      {},
      "anonymous",
    );
    assert.equal(names.errors, undefined, JSON.stringify(names.errors));
    assert.ok(
      names.data.hospitals.some(
        (h: { code: string; name: string }) => h.code === "JD001" && h.name === "建德市第一人民医院",
      ),
    );
    assert.equal(names.data.hospital.name, "建德市第一人民医院");
    const vars = { from: "2010-01-01", to: "2010-12-31" };
    const anonymous = await stack.query(METRICS, vars, "anonymous");
    assert.equal(anonymous.errors?.[0].extensions?.code, "UNAUTHENTICATED");
    const analyst = await stack.query(METRICS, vars, ANALYST);
    assert.equal(analyst.errors, undefined, JSON.stringify(analyst.errors));
    assert.equal(analyst.data.hospital.qualityMetrics.outpatientDrugCostPerVisit, 96.09);
    const own = await stack.query(METRICS, vars, adminOf("JD001"));
    assert.equal(own.errors, undefined, JSON.stringify(own.errors));
    assert.equal(own.data.hospital.qualityMetrics.inpatientDrugCostPerStay, 3924.02);
    const other = await stack.query(METRICS, vars, adminOf("JD002"));
    assert.equal(other.errors?.[0].extensions?.code, "FORBIDDEN");
    assert.equal(other.data?.hospital ?? null, null);
    // Listing every hospital's metrics reaches the other hospitals too: refused, nothing of theirs is shown.
    const all = await stack.query(
      `{ hospitals { code qualityMetrics(from: "2010-01-01", to: "2010-12-31") { outpatientVisits } } }`,
      {},
      adminOf("JD001"),
    );
    assert.equal(all.errors?.[0].extensions?.code, "FORBIDDEN");
    assert.equal(all.data?.hospitals ?? null, null);
    const trend = await stack.query(
      `{ hospital(code: "JD001") { metricTrend(metric: OUTPATIENT_VISITS, from: "2010-01-01", to: "2010-03-31", granularity: MONTH) { value } } }`,
      {},
      adminOf("JD002"),
    );
    assert.equal(trend.errors?.[0].extensions?.code, "FORBIDDEN");
  });

  test("bad visit records are BAD_USER_INPUT and change no metric", async () => {
    const RECORD = `mutation ($i: RecordOutpatientVisitInput!) { recordOutpatientVisit(input: $i) { id } }`;
    const visit = { hospitalCode: "JD002", visitDate: "2025-05-05", department: "内科", totalCost: 200, drugCost: 80 };
    const count = async () =>
      (
        await stack.query(
          `{ hospital(code: "JD002") { qualityMetrics(from: "2025-05-05", to: "2025-05-05") { outpatientVisits } } }`,
        )
      ).data.hospital.qualityMetrics.outpatientVisits;
    const before = await count();
    for (const bad of [
      { ...visit, totalCost: -1 },
      { ...visit, drugCost: 300 },
      { ...visit, visitDate: "2999-01-01" },
      { ...visit, hospitalCode: "NOPE" },
      { ...visit, patientIdNumber: "330102199002301234" },
    ]) {
      // Each as the administrator of the hospital named: the record itself is what is wrong.
      const res = await stack.query(RECORD, { i: bad }, adminOf(bad.hospitalCode));
      assert.equal(res.errors?.[0].extensions?.code, "BAD_USER_INPUT", JSON.stringify(bad));
    }
    assert.equal(await count(), before);
    const elsewhere = await stack.query(RECORD, { i: visit }, adminOf("JD001"));
    assert.equal(elsewhere.errors?.[0].extensions?.code, "FORBIDDEN");
    const analyst = await stack.query(RECORD, { i: visit }, ANALYST);
    assert.equal(analyst.errors?.[0].extensions?.code, "FORBIDDEN");
    assert.equal(await count(), before);
    const good = await stack.query(RECORD, { i: visit }, adminOf("JD002"));
    assert.equal(good.errors, undefined);
    assert.equal(await count(), before + 1);
  });

  test("an insurance claim shows the hospital's name, answered by hospital quality", async () => {
    const idNumber = freshIdNumber("1970-07-07", "MALE");
    await stack.query(`mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
      i: { idNumber, name: "钱伟" },
    });
    await stack.query(`mutation ($i: EnrollMedicalInsuranceInput!) { enrollMedicalInsurance(input: $i) { scheme } }`, {
      i: { idNumber, scheme: "RESIDENT", since: "2024-01-01" },
    });
    const claim = await stack.query(`mutation ($i: SubmitClaimInput!) { submitClaim(input: $i) { id } }`, {
      i: { idNumber, hospitalCode: "JD001", visitDate: "2025-01-10", totalCost: 320.5, drugCost: 120 },
    });
    assert.equal(claim.errors, undefined);
    const res = await stack.query(
      `query ($id: ID!) { citizen(idNumber: $id) { insuranceClaims(first: 5) { totalCount edges { node { totalCost hospital { name } } } } } }`,
      { id: idNumber },
    );
    assert.deepEqual(res.data.citizen.insuranceClaims, {
      totalCount: 1,
      edges: [{ node: { totalCost: 320.5, hospital: { name: "建德市第一人民医院" } } }],
    });
  });
});
