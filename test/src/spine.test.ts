import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { startStack, type Stack } from "./harness/stack";
import { freshCreditCode, freshIdNumber } from "./harness/fixtures";

const REGISTER_CITIZEN = `mutation ($input: RegisterCitizenInput!) { registerCitizen(input: $input) { idNumber name gender birthDate } }`;
const REGISTER_EMPLOYER = `mutation ($input: RegisterEmployerInput!) { registerEmployer(input: $input) { creditCode name } }`;
const RECORD_EMPLOYMENT = `mutation ($input: RecordEmploymentInput!) { recordEmployment(input: $input) { id employer { name } } }`;
const CITIZEN_COUNT = `{ citizens(first: 0) { totalCount } }`;

describe("the spine, through the gateway over real HTTP", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  async function citizenWithJob() {
    const idNumber = freshIdNumber("1975-03-08", "MALE");
    const creditCode = freshCreditCode();
    assert.equal(
      (await stack.query(REGISTER_CITIZEN, { input: { idNumber, name: "陈建国", community: "景芳社区" } })).errors,
      undefined,
    );
    assert.equal(
      (
        await stack.query(REGISTER_EMPLOYER, {
          input: { creditCode, name: "杭州景芳机械有限公司", industry: "制造业" },
        })
      ).errors,
      undefined,
    );
    const job = await stack.query(RECORD_EMPLOYMENT, {
      input: { idNumber, creditCode, startDate: "2021-06-01", position: "钳工" },
    });
    assert.equal(job.errors, undefined);
    return { idNumber, creditCode };
  }

  test("registering a citizen derives gender and birth date from the ID number", async () => {
    const idNumber = freshIdNumber("1988-12-31", "FEMALE");
    const res = await stack.query(REGISTER_CITIZEN, { input: { idNumber, name: "李秀英" } });
    assert.deepEqual(res.data?.registerCitizen, {
      idNumber,
      name: "李秀英",
      gender: "FEMALE",
      birthDate: "1988-12-31",
    });
  });

  test("a citizen's identity and job come back in one query", async () => {
    const { idNumber } = await citizenWithJob();
    const res = await stack.query(
      `query ($id: ID!) { citizen(idNumber: $id) { name gender birthDate employment { position employer { name } } } }`,
      { id: idNumber },
    );
    assert.equal(res.errors, undefined);
    assert.deepEqual(res.data.citizen, {
      name: "陈建国",
      gender: "MALE",
      birthDate: "1975-03-08",
      employment: { position: "钳工", employer: { name: "杭州景芳机械有限公司" } },
    });
  });

  test("an unknown citizen is null, not an error", async () => {
    const res = await stack.query(`query ($id: ID!) { citizen(idNumber: $id) { name } }`, { id: freshIdNumber() });
    assert.equal(res.errors, undefined);
    assert.equal(res.data.citizen, null);
  });

  for (const [label, mutate, expected] of [
    [
      "wrong check character",
      (id: string) => id.slice(0, 17) + (id[17] === "1" ? "2" : "1"),
      /check character should be/,
    ],
    ["impossible birth date", () => "330102199002301234", /birth date 1990-02-30 does not exist/],
    ["wrong length", (id: string) => id.slice(0, 15), /must be 18 characters, got 15/],
  ] as const) {
    test(`an ID number with a ${label} is BAD_USER_INPUT and writes nothing`, async () => {
      const before = (await stack.query(CITIZEN_COUNT)).data.citizens.totalCount;
      const res = await stack.query(REGISTER_CITIZEN, { input: { idNumber: mutate(freshIdNumber()), name: "张伟" } });
      assert.equal(res.errors?.[0].extensions?.code, "BAD_USER_INPUT");
      assert.match(res.errors![0].message, expected);
      assert.equal((await stack.query(CITIZEN_COUNT)).data.citizens.totalCount, before);
    });
  }

  test("an invalid credit code is BAD_USER_INPUT saying what is wrong, and writes nothing", async () => {
    const good = freshCreditCode();
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const res = await stack.query(REGISTER_EMPLOYER, { input: { creditCode: bad, name: "坏码公司" } });
    assert.equal(res.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.match(res.errors![0].message, /check character should be/);
    const letterO = await stack.query(REGISTER_EMPLOYER, {
      input: { creditCode: "91330104MA2O000000", name: "坏码公司" },
    });
    assert.equal(letterO.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.match(letterO.errors![0].message, /not allowed/);
    const lookup = await stack.query(`query ($c: ID!) { employer(creditCode: $c) { name } }`, { c: bad });
    assert.equal(lookup.data.employer, null);
  });

  test("registering an existing citizen is CONFLICT", async () => {
    const idNumber = freshIdNumber();
    await stack.query(REGISTER_CITIZEN, { input: { idNumber, name: "王芳" } });
    const res = await stack.query(REGISTER_CITIZEN, { input: { idNumber, name: "王芳" } });
    assert.equal(res.errors?.[0].extensions?.code, "CONFLICT");
  });

  test("recording employment for an unknown citizen is NOT_FOUND and writes nothing", async () => {
    const creditCode = freshCreditCode();
    await stack.query(REGISTER_EMPLOYER, { input: { creditCode, name: "杭州采荷物流有限公司" } });
    const res = await stack.query(RECORD_EMPLOYMENT, {
      input: { idNumber: freshIdNumber(), creditCode, startDate: "2022-01-01" },
    });
    assert.equal(res.errors?.[0].extensions?.code, "NOT_FOUND");
    assert.match(res.errors![0].message, /no citizen is registered/);
  });

  test("an impossible date in a variable is BAD_USER_INPUT saying so, through the gateway", async () => {
    const { idNumber, creditCode } = await citizenWithJob();
    const res = await stack.query(RECORD_EMPLOYMENT, { input: { idNumber, creditCode, startDate: "2024-02-30" } });
    assert.equal(res.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.match(res.errors![0].message, /2024-02-30/);
  });

  test("a future start date is BAD_USER_INPUT", async () => {
    const { idNumber, creditCode } = await citizenWithJob();
    const res = await stack.query(RECORD_EMPLOYMENT, { input: { idNumber, creditCode, startDate: "2999-01-01" } });
    assert.equal(res.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.match(res.errors![0].message, /in the future/);
  });

  test("unemployment registration puts a woman of 40+ in the 4050 group and ends her job", async () => {
    const { idNumber } = await citizenWithJob();
    const woman = freshIdNumber("1980-01-01", "FEMALE");
    await stack.query(REGISTER_CITIZEN, { input: { idNumber: woman, name: "赵丽" } });
    const reg = await stack.query(
      `mutation ($i: RegisterUnemploymentInput!) { registerUnemployment(input: $i) { status registeredOn } }`,
      {
        i: { idNumber: woman, registeredOn: "2025-03-01", reason: "合同到期" },
      },
    );
    assert.deepEqual(reg.data?.registerUnemployment, { status: "OPEN", registeredOn: "2025-03-01" });
    const res = await stack.query(
      `query ($id: ID!) { citizen(idNumber: $id) { employmentStatus assistanceCategories unemployment { status } } }`,
      { id: woman },
    );
    assert.deepEqual(res.data.citizen.assistanceCategories.sort(), ["FORTY_FIFTY", "LONG_TERM_UNEMPLOYED"]);
    assert.equal(res.data.citizen.employmentStatus, "UNEMPLOYED");
    const again = await stack.query(
      `mutation ($i: RegisterUnemploymentInput!) { registerUnemployment(input: $i) { status } }`,
      {
        i: { idNumber: woman, registeredOn: "2025-04-01" },
      },
    );
    assert.equal(again.errors?.[0].extensions?.code, "CONFLICT");
    void idNumber;
  });

  test("the job board pages with cursors and shows employer names", async () => {
    const creditCode = freshCreditCode();
    await stack.query(REGISTER_EMPLOYER, {
      input: { creditCode, name: "杭州凯旋餐饮管理有限公司", industry: "餐饮业" },
    });
    for (const title of ["厨师", "服务员", "收银员"]) {
      const res = await stack.query(`mutation ($i: PostJobInput!) { postJob(input: $i) { id } }`, {
        i: { creditCode, title, salaryMin: 4000, salaryMax: 6500 },
      });
      assert.equal(res.errors, undefined);
    }
    const page1 = await stack.query(
      `query ($c: ID!) { employer(creditCode: $c) { jobPostings(first: 2) { totalCount edges { node { title employer { name } } } pageInfo { hasNextPage endCursor } } } }`,
      { c: creditCode },
    );
    const conn = page1.data.employer.jobPostings;
    assert.equal(conn.totalCount, 3);
    assert.equal(conn.edges.length, 2);
    assert.equal(conn.edges[0].node.employer.name, "杭州凯旋餐饮管理有限公司");
    assert.equal(conn.pageInfo.hasNextPage, true);
    const page2 = await stack.query(
      `query ($c: ID!, $after: String) { employer(creditCode: $c) { jobPostings(first: 2, after: $after) { edges { node { title } } pageInfo { hasNextPage } } } }`,
      { c: creditCode, after: conn.pageInfo.endCursor },
    );
    assert.equal(page2.data.employer.jobPostings.edges.length, 1);
    assert.equal(page2.data.employer.jobPostings.pageInfo.hasNextPage, false);
    const negative = await stack.query(`mutation ($i: PostJobInput!) { postJob(input: $i) { id } }`, {
      i: { creditCode, title: "保洁", salaryMin: -1, salaryMax: 3000 },
    });
    assert.equal(negative.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  });
});
