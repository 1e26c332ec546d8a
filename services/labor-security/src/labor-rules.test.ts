import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { type Role } from "@onewindow/contracts";
import { makeIdNumber } from "@onewindow/platform";
import { allowed, auditRows, fixedClock, openDepartmentDatabase, refusedWith, rejectsWith } from "@onewindow/testing";
import { laborSecurity } from "./index";
import { company } from "./labor-security.fixture";
import { JobPosting } from "./job-posting/job-posting.entity";
import { EarlyRetirementGround, RetirementCategory } from "./retirement-age/retirement-age.enums";
import { UnemploymentRegistration } from "./unemployment/unemployment-registration.entity";
import { Retirement } from "./retirement/retirement.entity";
import type { Services } from "./services";

/*
 * The department's legal rules with the law's own examples, on a pinned clock: the statutory
 * retirement age (渐进式延迟法定退休年龄), early and delayed retirement, unemployment registration
 * and the assistance groups ending at it, and equal hiring.
 */

const TODAY = "2026-11-20";
const on = { clock: fixedClock(TODAY) };
const officer = (role: Role) => ({ userId: role, roles: [role], purpose: "unit test" });
const LABOR = officer("labor_officer");

/** Odd sequence: a man; even: a woman (GB 11643). */
const man = (birthDate: string, n = 1) => makeIdNumber("330102", birthDate, n * 2 + 1);
const woman = (birthDate: string, n = 1) => makeIdNumber("330102", birthDate, n * 2);

/**
 * Asserts that `act` is refused with BAD_USER_INPUT and `reason`, with a Chinese text (what the
 * clerk reads, `extensions.localizedMessage`) matching `chinese`, and returns the error.
 */
async function refusedFor(act: Promise<unknown>, reason: string, chinese?: RegExp) {
  const err = await rejectsWith(act, "BAD_USER_INPUT", { reason });
  if (chinese) assert.match(String(err.extensions.localizedMessage), chinese);
  return err;
}

async function register(s: Services, idNumber: string, retirementCategory?: RetirementCategory) {
  await s.citizens.register({ idNumber, name: "测试", retirementCategory });
}

test("a man born 1966-05-15: statutory 2026-10-15 (60 years 5 months), early from 2026-05-15, not a day before", async () => {
  const { services: s, db, run } = await openDepartmentDatabase(laborSecurity, on);
  const id = man("1966-05-15");
  await register(s, id);
  const fields = allowed(
    await run(
      LABOR,
      `query ($id: ID!) { citizen(idNumber: $id) { statutoryRetirementDate statutoryRetirementAge { years months }
          earliestRetirementDate latestRetirementDate } }`,
      { id },
    ),
  ).citizen;
  assert.deepEqual(fields, {
    statutoryRetirementDate: "2026-10-15",
    statutoryRetirementAge: { years: 60, months: 5 },
    earliestRetirementDate: "2026-05-15",
    latestRetirementDate: "2029-10-15",
  });
  const err = await refusedFor(
    s.retirements.approve({ idNumber: id, retiredOn: "2026-05-14" }),
    "RETIREMENT_BEFORE_EARLIEST_DATE",
    /退休日期 2026-05-14 早于最早可退休日期 2026-05-15/,
  );
  assert.equal(err.extensions.earliestDate, "2026-05-15");
  assert.equal(err.extensions.field, "retiredOn");
  assert.equal(await db.getRepository(Retirement).count(), 0, "a refusal writes nothing");
  const approved = await s.retirements.approve({ idNumber: id, retiredOn: "2026-05-15" });
  assert.equal(approved.retiredOn, "2026-05-15");
  assert.equal(approved.earlyRetirementGround, null);
});

test("a man born in 1970 cannot retire in 2026 without a lawful ground; with one, not below its own age", async () => {
  const { services: s } = await openDepartmentDatabase(laborSecurity, on);
  const id = man("1970-03-03");
  await register(s, id);
  await refusedFor(
    s.retirements.approve({ idNumber: id, retiredOn: "2026-06-01" }),
    "RETIREMENT_BEFORE_EARLIEST_DATE",
    /最早可退休日期 2030-03-03/,
  );
  // Special-type work (国发〔1978〕104号): men from 55, with the approval's number.
  const noReference = await rejectsWith(
    s.retirements.approve({
      idNumber: id,
      retiredOn: "2026-06-01",
      earlyRetirementGround: EarlyRetirementGround.SPECIAL_TYPE_WORK,
    }),
    "BAD_USER_INPUT",
    { field: "groundReference", message: /special-type work early retirement approval/ },
  );
  assert.match(
    String(noReference.extensions.localizedMessage),
    /^以“从事特殊工种.*”提前退休须填写特殊工种提前退休审批文号$/,
  );
  const young = man("1975-01-01", 2);
  await register(s, young);
  await refusedFor(
    s.retirements.approve({
      idNumber: young,
      retiredOn: "2026-06-01",
      earlyRetirementGround: EarlyRetirementGround.SPECIAL_TYPE_WORK,
      groundReference: "浙人社特〔2026〕12号",
    }),
    "RETIREMENT_BELOW_GROUND_AGE",
    /须年满 55 周岁.*最早 2030-01-01/,
  );
  const retired = await s.retirements.approve({
    idNumber: id,
    retiredOn: "2026-06-01",
    earlyRetirementGround: EarlyRetirementGround.SPECIAL_TYPE_WORK,
    groundReference: "浙人社特〔2026〕12号",
  });
  assert.equal(retired.earlyRetirementGround, EarlyRetirementGround.SPECIAL_TYPE_WORK);
  assert.equal(retired.groundReference, "浙人社特〔2026〕12号");
});

test("no retirement after the latest voluntary delay (statutory date + 3 years)", async () => {
  const { services: s } = await openDepartmentDatabase(laborSecurity, on);
  const id = man("1955-02-10");
  await register(s, id);
  const err = await refusedFor(
    s.retirements.approve({ idNumber: id, retiredOn: "2026-01-01" }),
    "RETIREMENT_AFTER_LATEST_DATE",
    /晚于最晚退休日期 2018-02-10/,
  );
  assert.equal(err.extensions.statutoryDate, "2015-02-10");
  // A late application (补办) retires him on a lawful day.
  assert.equal((await s.retirements.approve({ idNumber: id, retiredOn: "2015-02-10" })).retiredOn, "2015-02-10");
});

test("the retirement day may not lie after the pinned today", async () => {
  const { services: s } = await openDepartmentDatabase(laborSecurity, on);
  const id = man("1960-01-01");
  await register(s, id);
  const err = await rejectsWith(s.retirements.approve({ idNumber: id, retiredOn: "2026-11-21" }), "BAD_USER_INPUT", {
    field: "retiredOn",
    message: /2026-11-21 is in the future/,
  });
  assert.match(String(err.extensions.localizedMessage), /晚于今天 2026-11-20/);
});

test("a woman worker born 1976-03-10 registers as unemployed until her statutory date 2026-11-10, not from it", async () => {
  const { services: s } = await openDepartmentDatabase(laborSecurity, on);
  const before = woman("1976-03-10", 1);
  const at = woman("1976-03-10", 2);
  await register(s, before);
  await register(s, at);
  assert.equal((await s.unemployment.register({ idNumber: before, registeredOn: "2026-11-09" })).status, "OPEN");
  const err = await refusedFor(
    s.unemployment.register({ idNumber: at, registeredOn: "2026-11-10" }),
    "UNEMPLOYMENT_AT_RETIREMENT_AGE",
    /2026-11-10 已达法定退休年龄（50 周岁 8 个月）/,
  );
  assert.equal(err.extensions.statutoryDate, "2026-11-10");
  // Recorded as a cadre, the same woman's statutory age is 55 and she may register.
  await s.citizens.recordRetirementCategory({ idNumber: at, retirementCategory: RetirementCategory.CADRE });
  assert.equal((await s.unemployment.register({ idNumber: at, registeredOn: "2026-11-10" })).status, "OPEN");
});

test("a 76-year-old man cannot register as unemployed, and is in no assistance group", async () => {
  const { services: s, db } = await openDepartmentDatabase(laborSecurity, on);
  const old = man("1950-06-01");
  await register(s, old);
  await refusedFor(
    s.unemployment.register({ idNumber: old, registeredOn: "2026-11-01" }),
    "UNEMPLOYMENT_AT_RETIREMENT_AGE",
  );
  assert.equal(await db.getRepository(UnemploymentRegistration).count(), 0);
});

test("FORTY_FIFTY and the other groups end at the statutory retirement date, in the field and in the list filter", async () => {
  const { services: s, db, run } = await openDepartmentDatabase(laborSecurity, on);
  // Registered while of working age; the clock has since passed his statutory date (2026-10-15).
  const past = man("1966-05-15", 1);
  const under = man("1966-07-15", 2); // 60 years 5 months: 2026-12-15
  for (const id of [past, under]) {
    await s.citizens.register({ idNumber: id, name: "测试", household: `H-${id}` });
  }
  await db.getRepository(UnemploymentRegistration).insert(
    [past, under].map((idNumber) => ({
      idNumber,
      registeredOn: "2025-06-01",
      reason: null,
      status: "OPEN" as never,
      closedOn: null,
    })),
  );
  await db.query(`UPDATE citizen SET employment_status = 'UNEMPLOYED'`);
  const q = `query ($id: ID!) { citizen(idNumber: $id) { assistanceCategories } }`;
  assert.deepEqual(allowed(await run(LABOR, q, { id: past })).citizen.assistanceCategories, []);
  assert.deepEqual(allowed(await run(LABOR, q, { id: under })).citizen.assistanceCategories, [
    "FORTY_FIFTY",
    "ZERO_EMPLOYMENT_FAMILY",
    "LONG_TERM_UNEMPLOYED",
  ]);
  for (const category of ["FORTY_FIFTY", "ZERO_EMPLOYMENT_FAMILY", "LONG_TERM_UNEMPLOYED"]) {
    const list = allowed(
      await run(
        LABOR,
        `query ($c: AssistanceCategory) { citizens(filter: { assistanceCategory: $c }) { totalCount edges { node { idNumber } } } }`,
        { c: category },
      ),
    ).citizens;
    assert.deepEqual(
      list.edges.map((e: any) => e.node.idNumber),
      [under],
      category,
    );
    assert.equal(list.totalCount, 1, category);
  }
});

test("the rule table drives the dates; only the labor officer changes it, with a source, on the audit trail", async () => {
  const { services: s, db, run } = await openDepartmentDatabase(laborSecurity, on);
  const id = man("1966-05-15");
  await register(s, id);
  const rules = allowed(
    await run(
      {},
      `{ retirementAgeRules { code originalAgeYears startBirthMonth stepBirthMonths targetAgeYears source } }`,
    ),
  ).retirementAgeRules;
  assert.deepEqual(
    rules.map((r: any) => [r.code, r.originalAgeYears, r.startBirthMonth, r.stepBirthMonths, r.targetAgeYears]),
    [
      ["FEMALE_CADRE", 55, "1970-01", 4, 58],
      ["FEMALE_WORKER", 50, "1975-01", 2, 55],
      ["MALE", 60, "1965-01", 4, 63],
    ],
  );
  for (const r of rules) assert.match(r.source, /渐进式延迟法定退休年龄/);
  const update = `mutation ($i: UpdateRetirementAgeRuleInput!) { updateRetirementAgeRule(input: $i) { code stepBirthMonths source } }`;
  const input = {
    code: "MALE",
    originalAgeYears: 60,
    startBirthMonth: "1965-01",
    stepBirthMonths: 2,
    targetAgeYears: 63,
    maxEarlyMonths: 36,
    maxDelayMonths: 36,
    source: "假设的国务院通知（测试）",
  };
  for (const role of ["window_clerk", "insurance_officer", "analyst", "auditor"] as Role[]) {
    refusedWith(await run(officer(role), update, { i: input }), "FORBIDDEN");
  }
  refusedWith(await run({}, update, { i: input }), "UNAUTHENTICATED");
  refusedWith(await run(LABOR, update, { i: { ...input, source: " " } }), "BAD_USER_INPUT", /source/);
  refusedWith(await run(LABOR, update, { i: { ...input, targetAgeYears: 58 } }), "BAD_USER_INPUT", /targetAgeYears/);
  refusedWith(await run(LABOR, update, { i: { ...input, code: "NOBODY" } }), "NOT_FOUND");
  assert.equal(
    (await s.retirementAges.rules()).find((r) => r.code === "MALE")!.stepBirthMonths,
    4,
    "refusals change nothing",
  );
  const changed = allowed(await run(LABOR, update, { i: input })).updateRetirementAgeRule;
  assert.deepEqual(changed, { code: "MALE", stepBirthMonths: 2, source: "假设的国务院通知（测试）" });
  // 16 months after 1965-01 at one month per two: 60 years 9 months.
  const dates = allowed(
    await run(LABOR, `query ($id: ID!) { citizen(idNumber: $id) { statutoryRetirementDate } }`, { id }),
  ).citizen;
  assert.equal(dates.statutoryRetirementDate, "2027-02-15");
  const trail = (await auditRows(db)).filter((r) => r.fields.includes("Mutation.updateRetirementAgeRule"));
  assert.deepEqual(
    trail.map((r) => [r.outcome, r.userId]),
    [
      ["refused", "window_clerk"],
      ["refused", "insurance_officer"],
      ["refused", "analyst"],
      ["refused", "auditor"],
      ["refused", null],
      ["failed", "labor_officer"],
      ["failed", "labor_officer"],
      ["failed", "labor_officer"],
      ["ok", "labor_officer"],
    ],
  );
});

const JOB = { creditCode: company(1), title: "井下采掘工", salaryMin: 6000, salaryMax: 9000 };

test("postJob: MALE only needs a listed ground; FEMALE only is refused; the ground goes with MALE only", async () => {
  const { services: s, db, run } = await openDepartmentDatabase(laborSecurity, on);
  await s.employers.register({ creditCode: company(1), name: "某矿业有限公司" });
  const post = `mutation ($i: PostJobInput!) { postJob(input: $i) { title genderRequirement genderRequirementGround } }`;
  const refused = refusedWith(
    await run(LABOR, post, { i: { ...JOB, title: "会计", genderRequirement: "MALE" } }),
    "BAD_USER_INPUT",
    /^genderRequirement: MALE only needs a listed ground/,
  );
  assert.match(refused, /Employment Promotion Law art\. 27/);
  await refusedFor(
    s.jobPostings.post({ ...JOB, genderRequirement: "MALE" as never }),
    "GENDER_REQUIREMENT_WITHOUT_GROUND",
    /^招聘不得限定性别.*《就业促进法》第二十七条/,
  );
  await refusedFor(
    s.jobPostings.post({ ...JOB, genderRequirement: "FEMALE" as never }),
    "GENDER_REQUIREMENT_FEMALE_ONLY",
    /没有仅招女性的法定依据/,
  );
  await refusedFor(
    s.jobPostings.post({ ...JOB, genderRequirementGround: "MINING_UNDERGROUND" as never }),
    "GENDER_GROUND_WITHOUT_REQUIREMENT",
  );
  assert.equal(await db.getRepository(JobPosting).count(), 0, "refusals write nothing");
  const ok = allowed(
    await run(LABOR, post, {
      i: { ...JOB, genderRequirement: "MALE", genderRequirementGround: "MINING_UNDERGROUND" },
    }),
  ).postJob;
  assert.deepEqual(ok, {
    title: "井下采掘工",
    genderRequirement: "MALE",
    genderRequirementGround: "MINING_UNDERGROUND",
  });
});

test("the job board never shows a gender requirement without its ground (postings from before grounds)", async () => {
  const { services: s, db, run } = await openDepartmentDatabase(laborSecurity, on);
  await s.employers.register({ creditCode: company(1), name: "某公司" });
  // As the migration leaves a posting made before grounds were required.
  await db.getRepository(JobPosting).insert({
    creditCode: company(1),
    title: "司机",
    requirements: null,
    genderRequirement: "MALE" as never,
    genderRequirementGround: null,
    minAge: null,
    maxAge: null,
    salaryMinFen: 500000,
    salaryMaxFen: 700000,
    vacancies: 1,
    publishedOn: "2024-01-01",
    expiresOn: null,
  });
  const board = allowed(
    await run({}, `{ jobPostings { edges { node { title genderRequirement genderRequirementGround } } } }`),
  ).jobPostings.edges.map((e: any) => e.node);
  assert.deepEqual(board, [{ title: "司机", genderRequirement: "ANY", genderRequirementGround: null }]);
});

test("postJob reads today from the clock: expiresOn before the pinned day is refused", async () => {
  const { services: s } = await openDepartmentDatabase(laborSecurity, on);
  await s.employers.register({ creditCode: company(1), name: "某公司" });
  await assert.rejects(s.jobPostings.post({ ...JOB, title: "文员", expiresOn: "2026-11-19" }), /2026-11-20/);
  const posting = await s.jobPostings.post({ ...JOB, title: "文员", expiresOn: "2026-11-20" });
  assert.equal(posting.publishedOn, TODAY);
});
