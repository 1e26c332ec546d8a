import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { makeIdNumber, today } from "@onewindow/platform";
import { startStack, type Stack } from "./harness/stack";
import { freshCreditCode, freshIdNumber } from "./harness/fixtures";

/*
 * Labor security's legal rules through the gateway: the refusals reach a client with their code,
 * the rule's reason and the dates, in Chinese first; and nothing is written. The stack runs on the
 * machine's clock, so every date here lies before it (the rules' own examples are in
 * services/labor-security/src/labor-rules.test.ts on a pinned clock).
 */

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}) {
  const res = await stack.query(query, variables);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

const REGISTER = `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`;
const RETIRE = `mutation ($i: ApproveRetirementInput!) { approveRetirement(input: $i) { retiredOn earlyRetirementGround } }`;
const POST = `mutation ($i: PostJobInput!) { postJob(input: $i) { id genderRequirement genderRequirementGround } }`;

describe("labor security's legal rules through the gateway", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("a man born 1966-05-15: retirement on 2026-05-14 is refused with the earliest date; on 2026-05-15 it is approved", async () => {
    assert.ok(today() >= "2026-05-15", "the machine's clock must be past the example's dates");
    const idNumber = freshIdNumber("1966-05-15", "MALE");
    await ok(stack, REGISTER, { i: { idNumber, name: "周建国" } });
    const dates = await ok(
      stack,
      `query ($id: ID!) { citizen(idNumber: $id) { statutoryRetirementDate statutoryRetirementAge { years months } earliestRetirementDate latestRetirementDate } }`,
      { id: idNumber },
    );
    assert.deepEqual(dates.citizen, {
      statutoryRetirementDate: "2026-10-15",
      statutoryRetirementAge: { years: 60, months: 5 },
      earliestRetirementDate: "2026-05-15",
      latestRetirementDate: "2029-10-15",
    });
    const refused = await stack.query(RETIRE, { i: { idNumber, retiredOn: "2026-05-14" } });
    assert.equal(refused.errors?.length, 1, JSON.stringify(refused));
    const [error] = refused.errors!;
    assert.equal(error.extensions?.code, "BAD_USER_INPUT");
    assert.equal(error.extensions?.reason, "RETIREMENT_BEFORE_EARLIEST_DATE");
    assert.equal(error.extensions?.earliestDate, "2026-05-15");
    // Chinese first (no Accept-Language), the English in `message` for API clients.
    assert.match(String(error.extensions?.localizedMessage), /^退休日期 2026-05-14 早于最早可退休日期 2026-05-15/);
    assert.match(error.message, /^retiredOn: before the earliest lawful retirement date 2026-05-15: 2026-05-14/);
    // A client that prefers English gets the English there too.
    const english = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { ...(await stack.headers()), "content-type": "application/json", "accept-language": "en-US,en;q=0.9" },
      body: JSON.stringify({ query: RETIRE, variables: { i: { idNumber, retiredOn: "2026-05-14" } } }),
    });
    const [inEnglish] = (
      (await english.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }
    ).errors;
    assert.equal(inEnglish.extensions.localizedMessage, inEnglish.message);
    const still = await ok(
      stack,
      `query ($id: ID!) { citizen(idNumber: $id) { employmentStatus retirement { retiredOn } } }`,
      {
        id: idNumber,
      },
    );
    assert.deepEqual(still.citizen, { employmentStatus: "NOT_REGISTERED", retirement: null });
    const approved = await ok(stack, RETIRE, { i: { idNumber, retiredOn: "2026-05-15" } });
    assert.deepEqual(approved.approveRetirement, { retiredOn: "2026-05-15", earlyRetirementGround: null });
  });

  test("a man born in 1970 retires in 2026 only on a lawful ground, recorded with its document", async () => {
    const idNumber = freshIdNumber("1970-02-02", "MALE");
    await ok(stack, REGISTER, { i: { idNumber, name: "钱卫东" } });
    const refused = await stack.query(RETIRE, { i: { idNumber, retiredOn: "2026-03-01" } });
    assert.equal(refused.errors?.[0].extensions?.reason, "RETIREMENT_BEFORE_EARLIEST_DATE");
    assert.match(String(refused.errors![0].extensions?.localizedMessage), /最早可退休日期 2030-02-02/);
    const approved = await ok(stack, RETIRE, {
      i: {
        idNumber,
        retiredOn: "2026-03-01",
        earlyRetirementGround: "SPECIAL_TYPE_WORK",
        groundReference: "浙人社特〔2026〕3号",
      },
    });
    assert.deepEqual(approved.approveRetirement, {
      retiredOn: "2026-03-01",
      earlyRetirementGround: "SPECIAL_TYPE_WORK",
    });
  });

  test("a 76-year-old man cannot register as unemployed", async () => {
    const idNumber = freshIdNumber("1950-03-03", "MALE");
    await ok(stack, REGISTER, { i: { idNumber, name: "孙福生" } });
    const refused = await stack.query(
      `mutation ($i: RegisterUnemploymentInput!) { registerUnemployment(input: $i) { status } }`,
      { i: { idNumber, registeredOn: "2026-03-01" } },
    );
    assert.equal(refused.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.equal(refused.errors?.[0].extensions?.reason, "UNEMPLOYMENT_AT_RETIREMENT_AGE");
    assert.match(String(refused.errors![0].extensions?.localizedMessage), /2010-03-03 已达法定退休年龄/);
    const after = await ok(
      stack,
      `query ($id: ID!) { citizen(idNumber: $id) { employmentStatus unemployment { status } assistanceCategories } }`,
      {
        id: idNumber,
      },
    );
    assert.deepEqual(after.citizen, {
      employmentStatus: "NOT_REGISTERED",
      unemployment: null,
      assistanceCategories: [],
    });
  });

  test("a MALE-only posting without a listed ground is refused in Chinese; with one it is on the board with its ground", async () => {
    const creditCode = freshCreditCode();
    await ok(stack, `mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { creditCode } }`, {
      i: { creditCode, name: "杭州某物流有限公司" },
    });
    const job = { creditCode, title: "仓库管理员", salaryMin: 5000, salaryMax: 7000 };
    const refused = await stack.query(POST, { i: { ...job, genderRequirement: "MALE" } });
    assert.equal(refused.errors?.length, 1, JSON.stringify(refused));
    assert.equal(refused.errors![0].extensions?.code, "BAD_USER_INPUT");
    assert.equal(refused.errors![0].extensions?.reason, "GENDER_REQUIREMENT_WITHOUT_GROUND");
    assert.match(String(refused.errors![0].extensions?.localizedMessage), /^招聘不得限定性别/);
    assert.match(refused.errors![0].message, /^genderRequirement: MALE only needs a listed ground/);
    const female = await stack.query(POST, { i: { ...job, genderRequirement: "FEMALE" } });
    assert.equal(female.errors?.[0].extensions?.reason, "GENDER_REQUIREMENT_FEMALE_ONLY");
    const board = `query ($c: ID!) { employer(creditCode: $c) { jobPostings { totalCount } } }`;
    assert.equal((await ok(stack, board, { c: creditCode })).employer.jobPostings.totalCount, 0);
    const posted = await ok(stack, POST, {
      i: { ...job, title: "搬运工", genderRequirement: "MALE", genderRequirementGround: "HEAVY_LOAD_BEARING" },
    });
    assert.deepEqual(
      { genderRequirement: posted.postJob.genderRequirement, ground: posted.postJob.genderRequirementGround },
      { genderRequirement: "MALE", ground: "HEAVY_LOAD_BEARING" },
    );
    const shown = await stack.query(
      `{ jobPostings(first: 100, filter: { keyword: "搬运工" }) { edges { node { genderRequirement genderRequirementGround employer { creditCode } } } } }`,
      {},
      "anonymous",
    );
    assert.equal(shown.errors, undefined, JSON.stringify(shown.errors));
    const mine = shown.data.jobPostings.edges
      .map((e: any) => e.node)
      .filter((n: any) => n.employer.creditCode === creditCode);
    assert.deepEqual(mine, [
      { genderRequirement: "MALE", genderRequirementGround: "HEAVY_LOAD_BEARING", employer: { creditCode } },
    ]);
  });

  test("identity numbers of Hong Kong, Macao and Taiwan residents and of foreign permanent residents register", async () => {
    for (const [idNumber, name] of [
      [makeIdNumber("810000", "1988-07-01", 11), "陈家明"],
      [makeIdNumber("830000", "1975-10-25", 12), "林淑芬"],
      [makeIdNumber("911840", "1985-04-12", 24), "JOHNSON EMMA"],
    ]) {
      await ok(stack, REGISTER, { i: { idNumber, name } });
      const data = await ok(stack, `query ($id: ID!) { citizen(idNumber: $id) { birthDate } }`, { id: idNumber });
      assert.equal(
        data.citizen.birthDate,
        `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      );
    }
  });
});
