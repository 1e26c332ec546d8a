import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { addDays, today } from "@onewindow/platform";
import { startStack, type As, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshCreditCode, freshIdNumber } from "./harness/fixtures";

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}, as?: As) {
  const res = await stack.query(query, variables, as);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

const REGISTER = `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`;
const ENROLL = `mutation ($i: EnrollMedicalInsuranceInput!) { enrollMedicalInsurance(input: $i) { scheme } }`;

describe("one act at one desk reaches every department (events over NATS JetStream)", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("approveRetirement: insurance moves the person to RETIREE with no personal contribution; tax records the pension as exempt income", async () => {
    const idNumber = freshIdNumber("1964-03-15", "MALE");
    const creditCode = freshCreditCode();
    await ok(stack, REGISTER, { i: { idNumber, name: "马国强" } });
    await ok(stack, `mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { creditCode } }`, {
      i: { creditCode, name: "杭州华丰机械有限公司" },
    });
    await ok(stack, ENROLL, { i: { idNumber, scheme: "EMPLOYEE", creditCode, since: "2015-01-01" } });
    const retirement = await ok(
      stack,
      `mutation ($i: ApproveRetirementInput!) { approveRetirement(input: $i) { retiredOn monthlyPension } }`,
      {
        i: { idNumber, retiredOn: "2024-04-01", monthlyPension: 3200 },
      },
    );
    assert.deepEqual(retirement.approveRetirement, { retiredOn: "2024-04-01", monthlyPension: 3200 });
    const citizen = await eventually(async () => {
      const data = await ok(
        stack,
        `query ($id: ID!) { citizen(idNumber: $id) { employmentStatus retirement { retiredOn }
        medicalInsurance { scheme since monthlyContribution } exemptPensionIncome(year: 2024) } }`,
        { id: idNumber },
      );
      assert.equal(data.citizen.medicalInsurance.scheme, "RETIREE");
      assert.equal(data.citizen.exemptPensionIncome, 3200 * 9);
      return data.citizen;
    });
    assert.deepEqual(citizen.medicalInsurance, { scheme: "RETIREE", since: "2024-04-01", monthlyContribution: 0 });
    assert.equal(citizen.employmentStatus, "RETIRED");
  });

  test("registerUnemployment: insurance moves the person to UNEMPLOYED; a woman of 40+ is in the 4050 group", async () => {
    const idNumber = freshIdNumber("1978-08-08", "FEMALE");
    await ok(stack, REGISTER, { i: { idNumber, name: "沈月华" } });
    await ok(stack, ENROLL, { i: { idNumber, scheme: "RESIDENT", since: "2020-01-01" } });
    // Registered a month ago: not yet long-term unemployed, whatever day the test runs.
    await ok(stack, `mutation ($i: RegisterUnemploymentInput!) { registerUnemployment(input: $i) { status } }`, {
      i: { idNumber, registeredOn: addDays(today(), -30) },
    });
    const citizen = await eventually(async () => {
      const data = await ok(
        stack,
        `query ($id: ID!) { citizen(idNumber: $id) { assistanceCategories medicalInsurance { scheme monthlyContribution } } }`,
        { id: idNumber },
      );
      assert.equal(data.citizen.medicalInsurance.scheme, "UNEMPLOYED");
      return data.citizen;
    });
    assert.deepEqual(citizen.assistanceCategories, ["FORTY_FIFTY"]);
    assert.equal(citizen.medicalInsurance.monthlyContribution, 0);
  });

  test("recordEmployment: the open unemployment registration closes; insurance moves the person to EMPLOYEE under that employer", async () => {
    const idNumber = freshIdNumber("1990-10-10", "MALE");
    const creditCode = freshCreditCode();
    await ok(stack, REGISTER, { i: { idNumber, name: "韩磊" } });
    await ok(stack, `mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { creditCode } }`, {
      i: { creditCode, name: "杭州艮山物流有限公司" },
    });
    await ok(stack, `mutation ($i: RegisterUnemploymentInput!) { registerUnemployment(input: $i) { status } }`, {
      i: { idNumber, registeredOn: "2025-06-01" },
    });
    await eventually(async () => {
      const data = await ok(stack, `query ($id: ID!) { citizen(idNumber: $id) { medicalInsurance { scheme } } }`, {
        id: idNumber,
      });
      assert.equal(data.citizen.medicalInsurance?.scheme, "UNEMPLOYED");
    });
    await ok(stack, `mutation ($i: RecordEmploymentInput!) { recordEmployment(input: $i) { id } }`, {
      i: { idNumber, creditCode, startDate: "2025-09-01" },
    });
    const citizen = await eventually(async () => {
      const data = await ok(
        stack,
        `query ($id: ID!) { citizen(idNumber: $id) { unemployment { status closedOn } medicalInsurance { scheme since employer { name } } } }`,
        { id: idNumber },
      );
      assert.equal(data.citizen.medicalInsurance.scheme, "EMPLOYEE");
      return data.citizen;
    });
    assert.deepEqual(citizen.unemployment, { status: "CLOSED", closedOn: "2025-09-01" });
    assert.deepEqual(citizen.medicalInsurance, {
      scheme: "EMPLOYEE",
      since: "2025-09-01",
      employer: { name: "杭州艮山物流有限公司" },
    });
  });

  test("recordInpatientStay with a patient: a follow-up becomes due; insurance creates a claim from the stay's costs", async () => {
    const idNumber = freshIdNumber("1958-12-12", "FEMALE");
    const code = `T${Date.now() % 100000}`;
    await ok(stack, REGISTER, { i: { idNumber, name: "陆秀兰" } });
    await ok(stack, ENROLL, { i: { idNumber, scheme: "RESIDENT", since: "2018-01-01" } });
    // The hospital's own records are its administrator's to write and read.
    const admin: As = { roles: ["hospital_admin"], hospital: code, user: "hospital-admin", purpose: "automated test" };
    await ok(
      stack,
      `mutation ($i: RegisterHospitalInput!) { registerHospital(input: $i) { code } }`,
      { i: { code, name: "建德市中医院" } },
      admin,
    );
    await ok(
      stack,
      `mutation ($i: RecordInpatientStayInput!) { recordInpatientStay(input: $i) { id } }`,
      {
        i: {
          hospitalCode: code,
          admittedOn: "2026-10-01",
          dischargedOn: "2026-10-09",
          department: "骨科",
          totalCost: 18650.4,
          drugCost: 5230.1,
          patientIdNumber: idNumber,
        },
      },
      admin,
    );
    const due = await ok(
      stack,
      `query ($c: ID!) { hospital(code: $c) { dueFollowUps(first: 10) { totalCount edges { node { dischargedOn followUpDueOn } } } } }`,
      { c: code },
      admin,
    );
    assert.deepEqual(due.hospital.dueFollowUps, {
      totalCount: 1,
      edges: [{ node: { dischargedOn: "2026-10-09", followUpDueOn: "2026-10-16" } }],
    });
    const claims = await eventually(async () => {
      const data = await ok(
        stack,
        `query ($id: ID!) { citizen(idNumber: $id) { insuranceClaims(first: 5) { totalCount edges { node { visitDate totalCost drugCost hospital { name } } } } } }`,
        { id: idNumber },
      );
      assert.equal(data.citizen.insuranceClaims.totalCount, 1);
      return data.citizen.insuranceClaims;
    });
    assert.deepEqual(claims.edges[0].node, {
      visitDate: "2026-10-09",
      totalCost: 18650.4,
      drugCost: 5230.1,
      hospital: { name: "建德市中医院" },
    });
  });
});
