import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { startStack, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshCreditCode, freshIdNumber } from "./harness/fixtures";

const REGISTER_CITIZEN = `mutation ($input: RegisterCitizenInput!) { registerCitizen(input: $input) { idNumber } }`;
const REGISTER_EMPLOYER = `mutation ($input: RegisterEmployerInput!) { registerEmployer(input: $input) { creditCode } }`;
const RECORD_EMPLOYMENT = `mutation ($input: RecordEmploymentInput!) { recordEmployment(input: $input) { id } }`;
const ENROLL = `mutation ($input: EnrollMedicalInsuranceInput!) { enrollMedicalInsurance(input: $input) { scheme } }`;

async function ok(stack: Stack, query: string, variables: Record<string, unknown>) {
  const res = await stack.query(query, variables);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

describe("one citizen across departments", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("identity, job and medical insurance come from their own departments in one query", async () => {
    const idNumber = freshIdNumber("1979-09-09", "MALE");
    const creditCode = freshCreditCode();
    await ok(stack, REGISTER_CITIZEN, { input: { idNumber, name: "周国平" } });
    await ok(stack, REGISTER_EMPLOYER, { input: { creditCode, name: "杭州运河物流有限公司" } });
    // Enrolled first: the employment event then finds the person already in the employee scheme.
    await ok(stack, ENROLL, {
      input: { idNumber, scheme: "EMPLOYEE", creditCode, since: "2019-03-01", contributionBase: 8000 },
    });
    await ok(stack, RECORD_EMPLOYMENT, { input: { idNumber, creditCode, startDate: "2019-03-01" } });
    const data = await ok(
      stack,
      `query ($id: ID!) { citizen(idNumber: $id) { name gender birthDate employment { employer { name } }
         medicalInsurance { scheme monthlyContribution employer { name } } } }`,
      { id: idNumber },
    );
    assert.deepEqual(data.citizen, {
      name: "周国平",
      gender: "MALE",
      birthDate: "1979-09-09",
      employment: { employer: { name: "杭州运河物流有限公司" } },
      // 2% of an 8,000 yuan contribution base; the employer's name comes back from labor security.
      medicalInsurance: { scheme: "EMPLOYEE", monthlyContribution: 160, employer: { name: "杭州运河物流有限公司" } },
    });
  });

  test("labor, insurance and tax answer together; a tax amendment supersedes the first return", async () => {
    const idNumber = freshIdNumber("1982-02-02", "FEMALE");
    await ok(stack, REGISTER_CITIZEN, { input: { idNumber, name: "林晓梅" } });
    await ok(stack, ENROLL, { input: { idNumber, scheme: "RESIDENT", since: "2020-01-01" } });
    const FILE = `mutation ($i: FileTaxReturnInput!) { fileTaxReturn(input: $i) { taxableIncome taxDue } }`;
    await ok(stack, FILE, { i: { idNumber, year: 2024, wageIncome: 150000, taxWithheld: 5000 } });
    // Amended: 150,000 − 60,000 − 12,000 − 24,000 = 54,000 taxable; 10% − 2,520 = 2,880 due.
    const amended = await ok(stack, FILE, {
      i: {
        idNumber,
        year: 2024,
        wageIncome: 150000,
        specialDeductions: 12000,
        additionalDeductionClaims: [{ category: "CHILD_EDUCATION", amount: 24000 }],
        taxWithheld: 5000,
      },
    });
    assert.deepEqual(amended.fileTaxReturn, { taxableIncome: 54000, taxDue: 2880 });
    const data = await ok(
      stack,
      `query ($id: ID!) { citizen(idNumber: $id) { name medicalInsurance { scheme monthlyContribution }
      taxSummary(year: 2024) { taxableIncome taxDue taxWithheld balance } taxReturns { current } } }`,
      { id: idNumber },
    );
    assert.deepEqual(data.citizen.name, "林晓梅");
    assert.deepEqual(data.citizen.medicalInsurance, { scheme: "RESIDENT", monthlyContribution: 73.33 });
    assert.deepEqual(data.citizen.taxSummary, {
      taxableIncome: 54000,
      taxDue: 2880,
      taxWithheld: 5000,
      balance: -2120,
    });
    assert.deepEqual(
      data.citizen.taxReturns.map((r: any) => r.current),
      [true, false],
    );
  });

  test("an employer shows its postings, its insured employees and its tax standing", async () => {
    const creditCode = freshCreditCode();
    await ok(stack, REGISTER_EMPLOYER, { input: { creditCode, name: "杭州新塘服装有限公司", industry: "制造业" } });
    await ok(stack, `mutation ($i: PostJobInput!) { postJob(input: $i) { id } }`, {
      i: { creditCode, title: "缝纫工", salaryMin: 4500, salaryMax: 7000 },
    });
    for (const name of ["吴霞", "郑敏"]) {
      const idNumber = freshIdNumber("1985-05-05", "FEMALE");
      await ok(stack, REGISTER_CITIZEN, { input: { idNumber, name } });
      await ok(stack, ENROLL, { input: { idNumber, scheme: "EMPLOYEE", creditCode, since: "2023-01-01" } });
    }
    const WITHHOLD = `mutation ($i: FileWithholdingReturnInput!) { fileWithholdingReturn(input: $i) { id } }`;
    await ok(stack, WITHHOLD, {
      i: { creditCode, period: "2025-01", employees: 2, wagesTotal: 20000, taxWithheld: 300, taxPaid: 300 },
    });
    const query = `query ($c: ID!) { employer(creditCode: $c) { name jobPostings(first: 5) { totalCount } insuredEmployeeCount taxStanding } }`;
    const good = await ok(stack, query, { c: creditCode });
    assert.deepEqual(good.employer, {
      name: "杭州新塘服装有限公司",
      jobPostings: { totalCount: 1 },
      insuredEmployeeCount: 2,
      taxStanding: "GOOD",
    });
    await ok(stack, WITHHOLD, {
      i: { creditCode, period: "2025-02", employees: 2, wagesTotal: 20000, taxWithheld: 300, taxPaid: 100 },
    });
    assert.equal((await ok(stack, query, { c: creditCode })).employer.taxStanding, "ARREARS");
  });

  test("a page of citizens with medical insurance costs the insurance department one read, whatever the page size (plus the audit trail's one append)", async () => {
    const community = `测试社区${Date.now() % 100000}`;
    for (let i = 0; i < 100; i++) {
      const idNumber = freshIdNumber("1990-01-15", i % 2 ? "MALE" : "FEMALE");
      await ok(stack, REGISTER_CITIZEN, { input: { idNumber, name: "测试", community } });
      await ok(stack, ENROLL, { input: { idNumber, scheme: "RESIDENT", since: "2024-01-01" } });
    }
    const page = `query ($c: String!, $n: Int!) { citizens(filter: { community: $c }, first: $n) { edges { node { idNumber medicalInsurance { scheme monthlyContribution } } } } }`;
    // Each request also appends its reads to the department's audit trail: one short transaction,
    // whatever the number of people. One page of one citizen is the yardstick: the read plus that.
    // Measured again if a relay's idle poll fell inside one of the windows.
    const one = await eventually(async () => {
      const counts: number[] = [];
      for (const n of [1, 10, 100]) {
        const before = await stack.sqlCount("medical-insurance");
        const data = await ok(stack, page, { c: community, n });
        const after = await stack.sqlCount("medical-insurance");
        assert.equal(data.citizens.edges.length, n);
        assert.ok(data.citizens.edges.every((e: any) => e.node.medicalInsurance.scheme === "RESIDENT"));
        counts.push(after - before);
      }
      const [first, ...more] = counts;
      assert.deepEqual(more, [first, first]);
      return first;
    });
    // The read itself is one statement. The rest is per request, whatever the page: the used
    // context id (one insert), the audit trail's append with its signed head (one statement on
    // PostgreSQL; begin, rows, head, commit on SQLite), the relay's mark of that head as
    // published, and on SQLite the outbox relay's look after the commit.
    assert.ok(one >= 1 && one <= 8, `one citizen cost ${one} statements`);
  });
});
