import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { makeIdNumber } from "@onewindow/platform";
import { allowed, fixedClock, openDepartmentDatabase, refusedWith, rejectsWith, rowCounts } from "@onewindow/testing";
import { EmploymentStatus } from "../citizen/citizen.enums";
import { laborSecurity } from "../index";
import { company } from "../labor-security.fixture";
import type { Services } from "../services";
import { ReferralOutcome, ReferralStatus } from "./referral.enums";
import { monthsOf } from "./referral.service";

const TODAY = "2026-06-01";
const MAN = makeIdNumber("330102", "1974-03-07", 21);
const OTHER = makeIdNumber("330102", "1976-05-05", 23);
const TABLES = ["referral", "employment", "outbox_event"];

async function street(s: Services, vacancies = 1): Promise<string> {
  await s.employers.register({ creditCode: company(1), name: "杭州景芳机电有限公司", industry: "制造业" });
  for (const [idNumber, name] of [
    [MAN, "张建国"],
    [OTHER, "王志强"],
  ]) {
    await s.citizens.register({ idNumber, name, community: "景芳社区" });
    await s.unemployment.register({ idNumber, registeredOn: "2026-03-02" });
  }
  const posting = await s.jobPostings.post({
    creditCode: company(1),
    title: "维修电工",
    salaryMin: 5100,
    salaryMax: 5600,
    minAge: 25,
    maxAge: 55,
    vacancies,
  });
  return String(posting.id);
}

test("a posting takes no more active referrals than its vacancies; a referral that ends gives its vacancy back", async () => {
  const { services: s, db } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  const postingId = await street(s, 1);
  const first = await s.referrals.refer({ idNumber: MAN, postingId, note: "电工证齐全" });
  assert.equal(first.status, ReferralStatus.REFERRED);
  const before = await rowCounts(db, TABLES);
  await rejectsWith(s.referrals.refer({ idNumber: OTHER, postingId }), "BAD_USER_INPUT", {
    field: "postingId",
    reason: "REFERRAL_NO_VACANCY_LEFT",
  });
  await rejectsWith(s.referrals.refer({ idNumber: MAN, postingId }), "CONFLICT");
  assert.deepEqual(await rowCounts(db, TABLES), before);
  // A full posting is no longer a match for anyone else.
  const other = (await s.citizens.findByIds([OTHER]))[0]!;
  assert.deepEqual(await s.jobSeekers.matches(other, 10), []);

  await s.referrals.recordOutcome({ referralId: String(first.id), outcome: ReferralOutcome.NO_SHOW });
  const second = await s.referrals.refer({ idNumber: OTHER, postingId });
  assert.equal(second.status, ReferralStatus.REFERRED);
  await rejectsWith(
    s.referrals.recordOutcome({ referralId: String(first.id), outcome: ReferralOutcome.HIRED, startDate: TODAY }),
    "CONFLICT",
  );
});

test("a referral the person is too old for is refused, naming the requirement", async () => {
  const { services: s } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  await street(s);
  const posting = await s.jobPostings.post({
    creditCode: company(1),
    title: "仓库管理员",
    salaryMin: 4000,
    salaryMax: 4500,
    maxAge: 45,
  });
  const tooOld = await rejectsWith(
    s.referrals.refer({ idNumber: MAN, postingId: String(posting.id) }),
    "BAD_USER_INPUT",
    { reason: "REFERRAL_REQUIREMENT_NOT_MET", message: /above the posting's maximum age of 45/ },
  );
  assert.match(String(tooOld.extensions.localizedMessage), /超过岗位要求的 45 岁，不能推荐$/);
  await rejectsWith(s.referrals.refer({ idNumber: MAN, postingId: "999" }), "NOT_FOUND");
  await rejectsWith(s.referrals.refer({ idNumber: MAN, postingId: "x" }), "BAD_USER_INPUT", { field: "postingId" });
});

test("HIRED records the employment in the same transaction: the registration closes and the events are in the outbox", async () => {
  const { services: s, db } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  const postingId = await street(s, 2);
  const referral = await s.referrals.refer({ idNumber: MAN, postingId });
  const before = await rowCounts(db, TABLES);
  await rejectsWith(
    s.referrals.recordOutcome({ referralId: String(referral.id), outcome: ReferralOutcome.HIRED }),
    "BAD_USER_INPUT",
    { field: "startDate", reason: "REFERRAL_HIRED_WITHOUT_START_DATE" },
  );
  await rejectsWith(
    s.referrals.recordOutcome({
      referralId: String(referral.id),
      outcome: ReferralOutcome.HIRED,
      startDate: "2026-05-01",
    }),
    "BAD_USER_INPUT",
    { field: "startDate", reason: "REFERRAL_START_BEFORE_REFERRAL" },
  );
  assert.deepEqual(await rowCounts(db, TABLES), before);

  const hired = await s.referrals.recordOutcome({
    referralId: String(referral.id),
    outcome: ReferralOutcome.HIRED,
    startDate: TODAY,
    note: "试用期三个月",
  });
  assert.equal(hired.status, ReferralStatus.HIRED);
  assert.equal(hired.startDate, TODAY);
  const [man] = await s.citizens.findByIds([MAN]);
  assert.equal(man!.employmentStatus, EmploymentStatus.EMPLOYED);
  const [registration] = await s.unemployment.latest([MAN]);
  assert.equal(registration!.closedOn, TODAY);
  const [jobs] = await s.employments.histories([MAN]);
  assert.deepEqual(
    jobs.map((j) => [j.creditCode, j.startDate, j.position]),
    [[company(1), TODAY, "维修电工"]],
  );
  const events: { type: string; data: string }[] = await db.query(
    "SELECT type, data FROM outbox_event WHERE subject = '" + MAN + "' ORDER BY sequence",
  );
  assert.deepEqual(
    events.map((e) => e.type),
    [
      "onewindow.labor.citizen.registered",
      "onewindow.labor.unemployment.registered",
      "onewindow.labor.referral.made",
      "onewindow.labor.employment.recorded",
      "onewindow.labor.referral.outcome",
    ],
  );
  const recorded = events[3].data;
  assert.equal((typeof recorded === "string" ? JSON.parse(recorded) : recorded).unemploymentClosed, true);

  // Statistics count the hire in the group he was in when referred (a hire ends the group).
  const stats = await s.referrals.stats("2026-01-01", "2026-12-31", "景芳社区");
  assert.deepEqual(
    {
      referrals: stats.all.referrals,
      hires: stats.all.hires,
      rate: stats.all.hireRate,
      days: stats.all.medianDaysToHire,
    },
    { referrals: 1, hires: 1, rate: 1, days: 91 },
  );
  assert.equal(stats.byCategory.find((c) => c.category === "FORTY_FIFTY")!.hires, 1);
  assert.equal((await s.referrals.stats("2026-01-01", "2026-12-31", "别的社区")).all.referrals, 0);
  await rejectsWith(s.referrals.stats("2026-12-31", "2026-01-01", null), "BAD_USER_INPUT", { field: "to" });
});

test("clerks refer and read a posting's referrals; analysts get counts only; a citizen sees only their own referrals", async () => {
  const { services: s, run } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  const postingId = await street(s, 3);
  const CLERK = { userId: "clerk", roles: ["window_clerk" as const], purpose: "送岗位" };
  const ANALYST = { userId: "a", roles: ["analyst" as const], purpose: null };
  const refer = `mutation ($i: ReferJobInput!) { referJob(input: $i) { id status } }`;
  const made = allowed(await run(CLERK, refer, { i: { idNumber: MAN, postingId } }));
  assert.equal(made.referJob.status, "REFERRED");
  refusedWith(await run({ ...ANALYST, purpose: "x" }, refer, { i: { idNumber: OTHER, postingId } }), "FORBIDDEN");
  const stats = `{ referralStats(from: "2026-01-01", to: "2026-12-31") { all { referrals hires } } }`;
  assert.equal(allowed(await run(ANALYST, stats)).referralStats.all.referrals, 1);
  const board = `{ jobPostings { edges { node { title referrals { idNumber status } } } } }`;
  const seen = allowed(await run(CLERK, board));
  assert.deepEqual(seen.jobPostings.edges[0].node.referrals, [{ idNumber: MAN, status: "REFERRED" }]);
  refusedWith(await run({}, board), "UNAUTHENTICATED");
  refusedWith(await run({ ...CLERK, purpose: null }, board), "FORBIDDEN");
  const mine = `query ($id: ID!) { citizen(idNumber: $id) { referrals { status posting { title } } } }`;
  const own = allowed(
    await run({ userId: "m", roles: ["citizen"], idNumber: MAN, purpose: "查看" }, mine, { id: MAN }),
  );
  assert.deepEqual(own.citizen.referrals, [{ status: "REFERRED", posting: { title: "维修电工" } }]);
  refusedWith(
    await run({ userId: "m", roles: ["citizen"], idNumber: OTHER, purpose: "查看" }, mine, { id: MAN }),
    "FORBIDDEN",
  );
});

test("referralStats by month: every month of the period, a hire in the month of its referral, groups as when referred", async () => {
  let day = "2026-04-20";
  const { services: s, db } = await openDepartmentDatabase(laborSecurity, {
    clock: () => new Date(`${day}T10:00:00Z`),
  });
  const postingId = await street(s, 2);
  const april = await s.referrals.refer({ idNumber: MAN, postingId });
  day = "2026-06-01";
  await s.referrals.refer({ idNumber: OTHER, postingId });
  await s.referrals.recordOutcome({
    referralId: String(april.id),
    outcome: ReferralOutcome.HIRED,
    startDate: "2026-05-04",
  });

  const before = await rowCounts(db, TABLES);
  const stats = await s.referrals.stats("2026-03-15", "2026-06-30", null);
  assert.deepEqual(await rowCounts(db, TABLES), before);
  assert.deepEqual(
    stats.byMonth.map((m) => [m.month, m.all.referrals, m.all.hires, m.all.hireRate]),
    [
      ["2026-03", 0, 0, 0],
      ["2026-04", 1, 1, 1],
      ["2026-05", 0, 0, 0],
      ["2026-06", 1, 0, 0],
    ],
  );
  const april4050 = stats.byMonth[1].byCategory.find((c) => c.category === "FORTY_FIFTY")!;
  assert.deepEqual([april4050.referrals, april4050.hires, april4050.medianDaysToHire], [1, 1, 63]);
  // The months add up to the period.
  assert.equal(
    stats.byMonth.reduce((n, m) => n + m.all.referrals, 0),
    stats.all.referrals,
  );
});

test("the months of a period cross a year and stop at the month of its last day", () => {
  assert.deepEqual(monthsOf("2025-11-30", "2026-02-01"), ["2025-11", "2025-12", "2026-01", "2026-02"]);
  assert.deepEqual(monthsOf("2026-02-01", "2026-02-28"), ["2026-02"]);
  assert.equal(monthsOf("2016-01-01", "2025-12-31").length, 120);
});

test("analysts read the monthly figures (counts only); a citizen and the anonymous caller do not", async () => {
  const { services: s, run } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  await s.referrals.refer({ idNumber: MAN, postingId: await street(s, 1) });
  const q = `{ referralStats(from: "2026-05-01", to: "2026-06-30") { byMonth { month all { referrals hires hireRate } byCategory { category referrals } } } }`;
  const ANALYST = { userId: "a", roles: ["analyst" as const], purpose: null };
  const months = allowed(await run(ANALYST, q)).referralStats.byMonth;
  assert.deepEqual(
    months.map((m: any) => [m.month, m.all.referrals]),
    [
      ["2026-05", 0],
      ["2026-06", 1],
    ],
  );
  assert.equal(months[1].byCategory.find((c: any) => c.category === "FORTY_FIFTY").referrals, 1);
  refusedWith(await run({ userId: "m", roles: ["citizen"], idNumber: MAN, purpose: "查看" }, q), "FORBIDDEN");
  refusedWith(await run({}, q), "UNAUTHENTICATED");
});
