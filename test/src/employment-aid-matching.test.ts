import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { addDays, today } from "@onewindow/platform";
import { startStack, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshCreditCode, freshIdNumber } from "./harness/fixtures";

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}) {
  const res = await stack.query(query, variables);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

const REGISTER = `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`;
const UNEMPLOYED = `mutation ($i: RegisterUnemploymentInput!) { registerUnemployment(input: $i) { status } }`;
const POST = `mutation ($i: PostJobInput!) { postJob(input: $i) { id } }`;
const REFER = `mutation ($i: ReferJobInput!) { referJob(input: $i) { id status } }`;

describe("employment aid through the gateway: matching, referral, hire (送岗位)", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("a 52-year-old man registered unemployed gets matches within his age and education, is referred, is hired, and his registration closes, insurance moves to EMPLOYEE and his benefit stops", async () => {
    const day = today();
    // 52 years and about a month old today.
    const idNumber = freshIdNumber(addDays(day, -(52 * 365 + 40)), "MALE");
    const creditCode = freshCreditCode();
    await ok(stack, REGISTER, {
      i: { idNumber, name: "张建国", community: "景芳社区", educationLevel: "SENIOR_HIGH" },
    });
    await ok(stack, `mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { creditCode } }`, {
      i: { creditCode, name: "杭州景芳机电有限公司", industry: "制造业" },
    });
    // Eight years at a factory that closed: insured, laid off, so he may claim benefit.
    const former = freshCreditCode();
    await ok(stack, `mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { creditCode } }`, {
      i: { creditCode: former, name: "杭州景芳纺织厂", industry: "制造业" },
    });
    await ok(stack, `mutation ($i: RecordEmploymentInput!) { recordEmployment(input: $i) { id } }`, {
      i: { idNumber, creditCode: former, startDate: addDays(day, -(8 * 365 + 60)) },
    });
    await ok(stack, UNEMPLOYED, { i: { idNumber, registeredOn: addDays(day, -60), reason: "用人单位依法破产" } });
    const claimed = await ok(
      stack,
      `mutation ($i: ClaimUnemploymentBenefitInput!) { claimUnemploymentBenefit(input: $i) { claimed eligible reasons } }`,
      { i: { idNumber } },
    );
    assert.equal(claimed.claimUnemploymentBenefit.claimed, true, claimed.claimUnemploymentBenefit.reasons.join("\n"));
    await ok(stack, `mutation ($i: UpdateJobSeekerProfileInput!) { updateJobSeekerProfile(input: $i) { skills } }`, {
      i: { idNumber, skills: ["电工证"], desiredIndustries: ["制造业"], desiredMinSalary: 5000 },
    });
    const post = async (i: Record<string, unknown>) =>
      (await ok(stack, POST, { i: { creditCode, salaryMin: 5100, salaryMax: 5600, ...i } })).postJob.id as string;
    const fits = await post({ title: "维修电工（援助）", minAge: 25, maxAge: 55, skills: ["电工证"] });
    const tooOld = await post({ title: "仓库管理员（援助）", minAge: 18, maxAge: 45, skills: ["电工证"] });
    const college = await post({ title: "设备工程师（援助）", minEducation: "JUNIOR_COLLEGE", skills: ["电工证"] });

    const matched = await ok(
      stack,
      `query ($id: ID!) { citizen(idNumber: $id) { assistanceCategories jobMatches(first: 50) { score reasons posting { id title } } } }`,
      { id: idNumber },
    );
    assert.deepEqual(matched.citizen.assistanceCategories, ["FORTY_FIFTY"]);
    const ids = matched.citizen.jobMatches.map((m: { posting: { id: string } }) => m.posting.id);
    assert.ok(ids.includes(fits), JSON.stringify(ids));
    assert.ok(!ids.includes(tooOld) && !ids.includes(college), JSON.stringify(ids));
    const best = matched.citizen.jobMatches[0];
    assert.equal(best.posting.id, fits);
    assert.deepEqual(best.reasons, [
      "年龄符合 25–55 岁要求",
      "技能匹配：电工证",
      "月薪 5,100–5,600 元高于期望",
      "行业符合意向：制造业",
    ]);

    const referral = (await ok(stack, REFER, { i: { idNumber, postingId: fits, note: "电工证齐全" } })).referJob;
    assert.equal(referral.status, "REFERRED");
    const hired = await ok(
      stack,
      `mutation ($i: RecordReferralOutcomeInput!) { recordReferralOutcome(input: $i) { status startDate } }`,
      { i: { referralId: referral.id, outcome: "HIRED", startDate: day } },
    );
    assert.deepEqual(hired.recordReferralOutcome, { status: "HIRED", startDate: day });

    const citizen = await eventually(async () => {
      const data = await ok(
        stack,
        `query ($id: ID!) { citizen(idNumber: $id) { employmentStatus unemployment { status closedOn }
          referrals { status posting { title } } medicalInsurance { scheme since employer { name } }
          unemploymentBenefit { stoppedOn } } }`,
        { id: idNumber },
      );
      // The scheme alone would not do: he was an employee of the factory, until the events say otherwise.
      assert.deepEqual(data.citizen.medicalInsurance, {
        scheme: "EMPLOYEE",
        since: day,
        employer: { name: "杭州景芳机电有限公司" },
      });
      return data.citizen;
    });
    assert.equal(citizen.employmentStatus, "EMPLOYED");
    assert.deepEqual(citizen.unemployment, { status: "CLOSED", closedOn: day });
    // His benefit stops from the first day of the job.
    assert.deepEqual(citizen.unemploymentBenefit, { stoppedOn: day });
    assert.deepEqual(citizen.referrals, [{ status: "HIRED", posting: { title: "维修电工（援助）" } }]);

    const stats = await ok(
      stack,
      `query ($f: Date!, $t: Date!) { referralStats(from: $f, to: $t, community: "景芳社区") { all { referrals hires } byCategory { category hires } } }`,
      { f: addDays(day, -1), t: day },
    );
    assert.ok(stats.referralStats.all.hires >= 1);
    assert.ok(
      stats.referralStats.byCategory.find((c: { category: string }) => c.category === "FORTY_FIFTY").hires >= 1,
    );
  });

  test("a posting with one vacancy refuses a second referral", async () => {
    const creditCode = freshCreditCode();
    await ok(stack, `mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { creditCode } }`, {
      i: { creditCode, name: "景芳餐饮有限公司" },
    });
    const first = freshIdNumber("1975-05-05", "MALE");
    const second = freshIdNumber("1980-06-06", "FEMALE");
    for (const idNumber of [first, second]) await ok(stack, REGISTER, { i: { idNumber, name: "求职者" } });
    const postingId = (
      await ok(stack, POST, { i: { creditCode, title: "厨师", salaryMin: 4000, salaryMax: 5000, vacancies: 1 } })
    ).postJob.id;
    await ok(stack, REFER, { i: { idNumber: first, postingId } });
    const refused = await stack.query(REFER, { i: { idNumber: second, postingId } });
    assert.equal(refused.errors?.[0]?.extensions?.code, "BAD_USER_INPUT", JSON.stringify(refused.errors));
    assert.equal(refused.errors?.[0]?.extensions?.reason, "REFERRAL_NO_VACANCY_LEFT");
    const board = await ok(stack, `query ($id: ID!) { citizen(idNumber: $id) { referrals { status } } }`, {
      id: second,
    });
    assert.deepEqual(board.citizen.referrals, []);
  });
});
