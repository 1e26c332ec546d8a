import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { makeIdNumber } from "@onewindow/platform";
import { LaborEvents } from "@onewindow/contracts";
import { fixedClock, openDepartmentDatabase, rejectsWith, rowCounts } from "@onewindow/testing";
import { laborSecurity, seedLaborDemo } from "../index";
import type { Services } from "../services";
import { ReliefGround, ReliefSeason } from "./relief.enums";

/*
 * Relief for retirees in hardship (夏送清凉 / 冬送温暖): eligibility from labor's records, grants
 * within the campaign's budget and once per campaign, the totals, and the demo's three years.
 */

const TODAY = "2026-11-20";
const on = { clock: fixedClock(TODAY) };
/** Men born 1960: statutory retirement 2020-07-01 at 60. */
const retiree = (n: number) => makeIdNumber("330102", "1960-07-01", n * 2 + 1);
const TABLES = ["relief_grant", "outbox_event"];

async function retire(s: Services, n: number, monthlyPension: number) {
  const idNumber = retiree(n);
  await s.citizens.register({ idNumber, name: "退休职工" });
  await s.retirements.approve({ idNumber, retiredOn: "2020-07-01", monthlyPension });
  return idNumber;
}

async function winter(s: Services, budget: number) {
  return s.relief.open({
    name: "2026年冬送温暖",
    season: ReliefSeason.WINTER,
    year: 2026,
    budget,
    pensionThreshold: 3000,
  });
}

test("grants stay within the budget: the grant that would pass it is refused and writes nothing", async () => {
  const { services: s, db } = await openDepartmentDatabase(laborSecurity, on);
  const [a, b] = [await retire(s, 1, 2000), await retire(s, 2, 2600)];
  const campaign = await winter(s, 1000);
  const first = await s.relief.grant({ campaignId: String(campaign.id), idNumber: a, amount: 600 });
  assert.deepEqual([first.amount, first.ground, first.grantedOn], [600, ReliefGround.PENSION_BELOW_THRESHOLD, TODAY]);
  const before = await rowCounts(db, TABLES);
  const over = await rejectsWith(
    s.relief.grant({ campaignId: String(campaign.id), idNumber: b, amount: 400.01 }),
    "BAD_USER_INPUT",
    { field: "amount", reason: "RELIEF_OVER_BUDGET", message: /400\.00 yuan left, 400\.01 yuan asked/ },
  );
  assert.match(
    String(over.extensions.localizedMessage),
    /^超出「2026年冬送温暖」预算：剩余 400\.00 元，申请 400\.01 元$/,
  );
  assert.deepEqual(await rowCounts(db, TABLES), before);
  // Exactly the rest of the budget is allowed.
  await s.relief.grant({ campaignId: String(campaign.id), idNumber: b, amount: 400 });
  const [listed] = await s.relief.campaigns();
  assert.deepEqual([listed.granted, listed.grants, listed.remaining], [1000, 2, 0]);
  const events = await db.query(`SELECT COUNT(*) AS n FROM outbox_event WHERE type = '${LaborEvents.reliefGranted}'`);
  assert.equal(Number(events[0].n), 2);
});

test("once per campaign and person", async () => {
  const { services: s, db } = await openDepartmentDatabase(laborSecurity, on);
  const a = await retire(s, 1, 2000);
  const campaign = await winter(s, 10_000);
  await s.relief.grant({ campaignId: String(campaign.id), idNumber: a, amount: 500 });
  const before = await rowCounts(db, TABLES);
  await rejectsWith(s.relief.grant({ campaignId: String(campaign.id), idNumber: a, amount: 100 }), "CONFLICT");
  assert.deepEqual(await rowCounts(db, TABLES), before);
  // The summer campaign is another campaign.
  const summer = await s.relief.open({
    name: "2026年夏送清凉",
    season: ReliefSeason.SUMMER,
    year: 2026,
    budget: 5000,
    pensionThreshold: 3000,
  });
  await s.relief.grant({ campaignId: String(summer.id), idNumber: a, amount: 300 });
  await rejectsWith(winter(s, 1), "CONFLICT");
});

test("eligibility from the records: retired, and a pension below the threshold or the community's flag", async () => {
  const { services: s } = await openDepartmentDatabase(laborSecurity, on);
  const comfortable = await retire(s, 1, 5200);
  const worker = makeIdNumber("330102", "1980-01-01", 3);
  await s.citizens.register({ idNumber: worker, name: "在职职工" });
  const campaign = await winter(s, 10_000);
  const id = String(campaign.id);
  await rejectsWith(s.relief.grant({ campaignId: id, idNumber: worker, amount: 100 }), "BAD_USER_INPUT", {
    reason: "RELIEF_NOT_RETIRED",
  });
  const notEligible = await rejectsWith(
    s.relief.grant({ campaignId: id, idNumber: comfortable, amount: 100 }),
    "BAD_USER_INPUT",
    { reason: "RELIEF_NOT_ELIGIBLE" },
  );
  assert.match(String(notEligible.extensions.localizedMessage), /养老金 5200 元不低于本次活动标准 3000 元/);
  await s.relief.flag({ idNumber: comfortable, reason: "独居，患重病" });
  const grant = await s.relief.grant({ campaignId: id, idNumber: comfortable, amount: 100 });
  assert.equal(grant.ground, ReliefGround.COMMUNITY_FLAG);
  await rejectsWith(s.relief.grant({ campaignId: "999", idNumber: comfortable, amount: 100 }), "NOT_FOUND");
  await rejectsWith(s.relief.grant({ campaignId: id, idNumber: comfortable, amount: -1 }), "BAD_USER_INPUT", {
    field: "amount",
  });
});

test("the demo's three years of campaigns add up to more than 460,000 yuan, each within its budget", async () => {
  const { services: s, db } = await openDepartmentDatabase(laborSecurity, on);
  await seedLaborDemo(db, { citizens: 5_000, employers: 50, jobPostings: 0, today: TODAY });
  const totals = await s.relief.totals("2023-01-01", "2025-12-31");
  assert.equal(totals.byCampaign.length, 6);
  assert.deepEqual(
    totals.byCampaign.map((c) => c.campaign.name),
    ["2023年冬送温暖", "2023年夏送清凉", "2024年冬送温暖", "2024年夏送清凉", "2025年冬送温暖", "2025年夏送清凉"],
  );
  for (const c of totals.byCampaign) assert.ok(c.amount <= c.campaign.budget, c.campaign.name);
  // Summed from the grant rows themselves, not from the campaigns.
  const [row] = await db.query("SELECT SUM(amount_fen) AS fen, COUNT(*) AS n FROM relief_grant");
  assert.equal(totals.amount, Number(row.fen) / 100);
  assert.equal(totals.grants, Number(row.n));
  assert.ok(totals.amount > 460_000 && totals.amount < 470_000, `${totals.amount}`);
  await rejectsWith(s.relief.totals("2025-12-31", "2025-01-01"), "BAD_USER_INPUT", { field: "to" });
});

test("campaigns are listed the most recently opened first: a year's summer campaign before its January winter one", async () => {
  let day = "2026-01-15";
  const { services: s } = await openDepartmentDatabase(laborSecurity, { clock: () => fixedClock(day)() });
  await winter(s, 1000);
  day = "2026-07-10";
  await s.relief.open({
    name: "2026年夏送清凉",
    season: ReliefSeason.SUMMER,
    year: 2026,
    budget: 800,
    pensionThreshold: 3000,
  });
  assert.deepEqual(
    (await s.relief.campaigns()).map((c) => c.name),
    ["2026年夏送清凉", "2026年冬送温暖"],
  );
});
