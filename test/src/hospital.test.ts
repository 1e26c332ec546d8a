import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startStack, type Stack } from "./harness/stack";
import { freshIdNumber } from "./harness/fixtures";

const METRICS = `query ($from: Date!, $to: Date!) { hospital(code: "JD001") { name qualityMetrics(from: $from, to: $to) {
  outpatientDrugCostPerVisit inpatientDrugCostPerStay inpatientDischarges followedUpDischarges followUpRate
  satisfactionByChannel { channel satisfactionRate } previousPeriod { outpatientDrugCostPerVisit } } } }`;

describe("hospital quality through the gateway, on the demo data", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ seed: { citizens: 50, employers: 5, jobPostings: 5, extraVisits: 0 } });
  });
  after(async () => {
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

  test("bad visit records are BAD_USER_INPUT and change no metric", async () => {
    const RECORD = `mutation ($i: RecordOutpatientVisitInput!) { recordOutpatientVisit(input: $i) { id } }`;
    const visit = { hospitalCode: "JD002", visitDate: "2025-05-05", department: "内科", totalCost: 200, drugCost: 80 };
    const count = async () => (await stack.query(`{ hospital(code: "JD002") { qualityMetrics(from: "2025-05-05", to: "2025-05-05") { outpatientVisits } } }`)).data.hospital.qualityMetrics.outpatientVisits;
    const before = await count();
    for (const bad of [
      { ...visit, totalCost: -1 },
      { ...visit, drugCost: 300 },
      { ...visit, visitDate: "2999-01-01" },
      { ...visit, hospitalCode: "NOPE" },
      { ...visit, patientIdNumber: "330102199002301234" },
    ]) {
      const res = await stack.query(RECORD, { i: bad });
      assert.equal(res.errors?.[0].extensions?.code, "BAD_USER_INPUT", JSON.stringify(bad));
    }
    assert.equal(await count(), before);
    const good = await stack.query(RECORD, { i: visit });
    assert.equal(good.errors, undefined);
    assert.equal(await count(), before + 1);
  });

  test("an insurance claim shows the hospital's name, answered by hospital quality", async () => {
    const idNumber = freshIdNumber("1970-07-07", "MALE");
    await stack.query(`mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, { i: { idNumber, name: "钱伟" } });
    await stack.query(`mutation ($i: EnrollMedicalInsuranceInput!) { enrollMedicalInsurance(input: $i) { scheme } }`, { i: { idNumber, scheme: "RESIDENT", since: "2024-01-01" } });
    const claim = await stack.query(`mutation ($i: SubmitClaimInput!) { submitClaim(input: $i) { id } }`, {
      i: { idNumber, hospitalCode: "JD001", visitDate: "2025-01-10", totalCost: 320.5, drugCost: 120 },
    });
    assert.equal(claim.errors, undefined);
    const res = await stack.query(`query ($id: ID!) { citizen(idNumber: $id) { insuranceClaims(first: 5) { totalCount edges { node { totalCost hospital { name } } } } } }`, { id: idNumber });
    assert.deepEqual(res.data.citizen.insuranceClaims, { totalCount: 1, edges: [{ node: { totalCost: 320.5, hospital: { name: "建德市第一人民医院" } } }] });
  });
});
