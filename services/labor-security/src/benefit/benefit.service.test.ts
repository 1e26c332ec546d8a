import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { makeIdNumber } from "@onewindow/platform";
import { LaborEvents } from "@onewindow/contracts";
import { openDepartmentDatabase, rejectsWith, rowCounts } from "@onewindow/testing";
import { laborSecurity } from "../index";
import { company } from "../labor-security.fixture";
import type { Services } from "../services";
import { entitlementMonths, involuntaryLoss } from "./benefit.data";
import { insuredMonthsFromEmployment } from "./benefit.service";

/*
 * Unemployment benefit (失业保险条例 第十四条、第十七条): eligibility and entitlement from labor's
 * own records, the claim, and the monthly run on a clock the test moves forward.
 */

/** A clock the test sets: `clock.on("2026-06-01")`. */
function movableClock(day: string) {
  let now = new Date(`${day}T04:00:00Z`);
  const clock = () => now;
  clock.on = (next: string) => {
    now = new Date(`${next}T04:00:00Z`);
  };
  return clock;
}

const man = (n: number) => makeIdNumber("330102", "1975-03-07", n * 2 + 1);
const TABLES = ["unemployment_benefit_claim", "unemployment_benefit_payment", "outbox_event"];

/** A man with a job from `start` who registers as unemployed on `registeredOn` for `reason`. */
async function unemployed(s: Services, n: number, start: string, registeredOn: string, reason: string) {
  const idNumber = man(n);
  await s.citizens.register({ idNumber, name: "张建国" });
  await s.employments.record({ idNumber, creditCode: company(1), startDate: start });
  await s.unemployment.register({ idNumber, registeredOn, reason });
  return idNumber;
}

async function open(day: string) {
  const clock = movableClock(day);
  const d = await openDepartmentDatabase(laborSecurity, { clock });
  await d.services.employers.register({ creditCode: company(1), name: "杭州景芳纺织有限公司" });
  return { ...d, clock };
}

test("entitlement months follow 条例 第十七条 at each boundary", () => {
  const rows: [number, number][] = [
    [0, 0],
    [11, 0],
    [12, 12],
    [59, 12],
    [60, 18],
    [119, 18],
    [120, 24],
    [400, 24],
  ];
  for (const [insured, months] of rows) assert.equal(entitlementMonths(insured), months, `${insured} months insured`);
});

test("the registration's reason decides an involuntary loss; own resignation never is one", () => {
  assert.equal(involuntaryLoss("劳动合同期满终止"), true);
  assert.equal(involuntaryLoss("用人单位经济性裁员"), true);
  assert.equal(involuntaryLoss("本人提出解除劳动合同"), false);
  assert.equal(involuntaryLoss("辞职"), false);
  assert.equal(involuntaryLoss("回老家"), null);
  assert.equal(involuntaryLoss(null), null);
});

test("insured time is derived from the jobs before the registration", () => {
  const jobs = [
    { startDate: "2015-01-01", endDate: "2016-01-01" },
    { startDate: "2020-01-01", endDate: null },
    { startDate: "2030-01-01", endDate: null },
  ];
  // 2015 (12 months) + 2020-01-01 .. 2026-01-01 (72 months); the job after the cut-off counts nothing.
  assert.equal(insuredMonthsFromEmployment(jobs, "2026-01-01"), 84);
  assert.equal(insuredMonthsFromEmployment([{ startDate: "2025-06-01", endDate: null }], "2026-05-31"), 11);
});

test("a man laid off after eight years is eligible for 18 months at the area's level, derived from his jobs", async () => {
  const { services: s } = await open("2026-06-01");
  const id = await unemployed(s, 1, "2018-03-01", "2026-05-10", "劳动合同期满终止");
  const [view] = await s.benefits.ofCitizens([id]);
  assert.equal(view.eligible, true, view.reasons.join("\n"));
  assert.equal(view.insuredMonths, 98);
  assert.equal(view.insuredDerived, true);
  assert.equal(view.entitlementMonths, 18);
  assert.equal(view.monthlyAmount, 2241);
  assert.match(view.amountSource, /失业保险条例》第十八条/);
  assert.match(view.reasons[0], /按就业记录推算/);
  const claimed = await s.benefits.claim({ idNumber: id });
  assert.deepEqual(
    [claimed.claimed, claimed.claimedOn, claimed.monthsPaid, claimed.monthsLeft],
    [true, "2026-06-01", 0, 18],
  );
  await rejectsWith(s.benefits.claim({ idNumber: id }), "CONFLICT");
});

test("under a year insured, or leaving of one's own will, is refused with the reasons and writes nothing", async () => {
  const { services: s, db } = await open("2026-06-01");
  const short = await unemployed(s, 1, "2025-09-01", "2026-05-01", "劳动合同期满");
  const quit = await unemployed(s, 2, "2015-01-01", "2026-05-01", "个人原因辞职");
  // Registered unemployed is a condition: a man with a job and no registration is refused too.
  await s.citizens.register({ idNumber: man(3), name: "在职" });
  await s.employments.record({ idNumber: man(3), creditCode: company(1), startDate: "2010-01-01" });
  const before = await rowCounts(db, TABLES);
  // The clerk reads the conditions not met, in Chinese (`localizedMessage`).
  const chinese = async (idNumber: string) =>
    String(
      (await rejectsWith(s.benefits.claim({ idNumber }), "BAD_USER_INPUT", { reason: "BENEFIT_NOT_ELIGIBLE" }))
        .extensions.localizedMessage,
    );
  const shortRefusal = await rejectsWith(s.benefits.claim({ idNumber: short }), "BAD_USER_INPUT", {
    field: "idNumber",
    message: /^idNumber: not eligible for unemployment benefit: insured for less than a year/,
  });
  assert.match(String(shortRefusal.extensions.localizedMessage), /^不符合领取失业保险金条件：缴费不满一年/);
  assert.match(await chinese(quit), /本人意愿中断就业/);
  assert.doesNotMatch(await chinese(quit), /缴费/, "only the conditions not met");
  assert.match(await chinese(man(3)), /未办理失业登记/);
  assert.deepEqual(await rowCounts(db, TABLES), before);
});

test("the monthly run paid twice pays once, with one benefit.paid event", async () => {
  const { services: s, db, clock } = await open("2026-06-01");
  const id = await unemployed(s, 1, "2018-03-01", "2026-05-10", "劳动合同期满终止");
  await s.benefits.claim({ idNumber: id });
  clock.on("2026-06-30");
  const first = await s.benefits.run("2026-06");
  assert.deepEqual({ ...first }, { month: "2026-06", paid: 1, alreadyPaid: 0, stopped: 0, amount: 2241 });
  const second = await s.benefits.run("2026-06");
  assert.deepEqual({ ...second }, { month: "2026-06", paid: 0, alreadyPaid: 1, stopped: 0, amount: 0 });
  const paid = await db.query(`SELECT COUNT(*) AS n FROM outbox_event WHERE type = '${LaborEvents.benefitPaid}'`);
  assert.equal(Number(paid[0].n), 1);
  const [view] = await s.benefits.ofCitizens([id]);
  assert.deepEqual([view.monthsPaid, view.monthsLeft], [1, 17]);
  // A month before the claim pays nothing; a month still to come is refused.
  assert.equal((await s.benefits.run("2026-05")).paid, 0);
  await rejectsWith(s.benefits.run("2026-07"), "BAD_USER_INPUT", { field: "month" });
  await rejectsWith(s.benefits.run("2026-13"), "BAD_USER_INPUT", { field: "month" });
});

test("two runs of one month at once pay each person once", async () => {
  const { services: s, db, clock } = await open("2026-06-01");
  for (const n of [1, 2, 3])
    await s.benefits.claim({ idNumber: await unemployed(s, n, "2018-03-01", "2026-05-10", "劳动合同期满终止") });
  clock.on("2026-06-30");
  const runs = await Promise.all([s.benefits.run("2026-06"), s.benefits.run("2026-06")]);
  assert.deepEqual(
    runs.map((r) => r.paid + r.alreadyPaid),
    [3, 3],
  );
  assert.equal(runs[0].paid + runs[1].paid, 3);
  const rows = await db.query(`SELECT COUNT(*) AS n FROM unemployment_benefit_payment WHERE month = '2026-06'`);
  assert.equal(Number(rows[0].n), 3);
});

test("payments stop from the month a new job starts", async () => {
  const { services: s, clock } = await open("2026-06-01");
  const id = await unemployed(s, 1, "2018-03-01", "2026-05-10", "劳动合同期满终止");
  await s.benefits.claim({ idNumber: id });
  clock.on("2026-07-15");
  assert.equal((await s.benefits.run("2026-06")).paid, 1);
  await s.employments.record({ idNumber: id, creditCode: company(1), startDate: "2026-07-10" });
  // Stopped when the job is recorded, before any run.
  const [stopped] = await s.benefits.ofCitizens([id]);
  assert.equal(stopped.stoppedOn, "2026-07-10");
  assert.match(stopped.stopReason!, /重新就业/);
  clock.on("2026-08-31");
  const july = await s.benefits.run("2026-07");
  assert.deepEqual([july.paid, july.stopped], [0, 0]);
  assert.equal((await s.benefits.run("2026-08")).paid, 0);
  const [view] = await s.benefits.ofCitizens([id]);
  assert.deepEqual([view.stoppedOn, view.monthsPaid], ["2026-07-10", 1]);
});

test("payments end when the entitlement is used up", async () => {
  const { services: s, clock } = await open("2026-06-01");
  // 14 months insured: 12 months of benefit.
  const id = await unemployed(s, 1, "2025-03-01", "2026-05-10", "用人单位解除劳动合同");
  await s.benefits.claim({ idNumber: id });
  clock.on("2027-08-01");
  let paid = 0;
  for (let m = 0; m < 14; m++) {
    const month = `${2026 + Math.floor((5 + m) / 12)}-${String(((5 + m) % 12) + 1).padStart(2, "0")}`;
    paid += (await s.benefits.run(month)).paid;
  }
  assert.equal(paid, 12);
  const [view] = await s.benefits.ofCitizens([id]);
  assert.deepEqual([view.monthsPaid, view.monthsLeft], [12, 0]);
});

test("the level is data: an officer sets it with its notice, and bad amounts are refused", async () => {
  const { services: s } = await open("2026-06-01");
  const level = await s.benefits.updateLevel({ code: "HANGZHOU", monthlyAmount: 2394, source: "测试通知" });
  assert.deepEqual([level.monthlyAmount, level.source], [2394, "测试通知"]);
  assert.equal((await s.benefits.levels())[0].monthlyAmount, 2394);
  await rejectsWith(s.benefits.updateLevel({ code: "HANGZHOU", monthlyAmount: 0, source: "x" }), "BAD_USER_INPUT", {
    field: "monthlyAmount",
  });
  await rejectsWith(s.benefits.updateLevel({ code: "NOWHERE", monthlyAmount: 1, source: "x" }), "NOT_FOUND");
});
