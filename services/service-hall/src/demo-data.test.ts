import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { openTestHall, snapshot, type TestHall } from "./service-hall.fixture";
import { KAIXUAN } from "./seed/kaixuan.figures";
import { seedServiceHallDemo } from "./seed/demo-data.seed";
import { CentreLevel, CentreRankingMetric } from "./centre/centre.enums";
import { CursorKey, pageRequest, runSql } from "@onewindow/platform";
import { DEMO_MARK } from "./seed/disputes.seed";
import { DEMO_SCORE_NOTE } from "./seed/assessments.seed";

// 72,000 cases and the demo's other records: on PostgreSQL under load longer than Jest's default 30 s.
test("凯旋街道综合服务中心 reproduces the seed text's figures through hallKpis", async () => {
  const { db, s } = await openTestHall();
  const progress: [number, number][] = [];
  let started = Date.now();
  const result = await seedServiceHallDemo(db, {
    onProgress: (done, total) => progress.push([done, total]),
    // The hall's clock in this test: the demo's disputes run up to it, its assessments are of the month before.
    today: "2026-11-23",
  });
  const seedMs = Date.now() - started;
  assert.equal(result.skipped, false);
  assert.equal(progress[0][0], 0);
  assert.deepEqual(progress.at(-1), [72_000, 72_000]);
  assert.ok(progress.length >= 7, `${progress.length} progress lines`);

  started = Date.now();
  const k = await s.kpis.hallKpis(KAIXUAN.from, KAIXUAN.to);
  const kpiMs = Date.now() - started;
  // "受理办结业务7万余件，按时办结率、现场办结率均为100%"
  assert.equal(k.casesHandled, 72_000);
  assert.ok(k.casesHandled > 70_000);
  assert.equal(k.onTimeRate, 1);
  assert.equal(k.onSiteRate, 1);
  // "群众满意率达98%": 784 of 800 evaluations satisfied or basically satisfied.
  assert.equal(k.evaluations, 800);
  assert.equal(k.satisfactionRate, 0.98);
  // "发放群众评议表635余份"
  assert.equal(k.evaluationsByChannel.find((c) => c.channel === "FORM")?.evaluations, 635);
  // "汇总整改意见16条，已落实解决16条，限期内整改率达100%"
  assert.equal(k.rectificationsDue, 16);
  assert.equal(k.rectificationsResolvedOnTime, 16);
  assert.equal(k.rectificationRate, 1);
  // Realistic queues: every case came through a ticket, with minutes of waiting.
  assert.equal(k.ticketsCalled, 72_000);
  assert.equal(k.averageWaitMinutes, result.averageWaitMinutes);
  assert.ok(k.averageWaitMinutes! > 4 && k.averageWaitMinutes! < 12, `${k.averageWaitMinutes} minutes`);
  // "20余个办事服务窗口", six lines of business, each with its share.
  assert.equal(k.byWindow.length, 22);
  assert.ok(k.byWindow.every((w) => w.casesHandled > 1_000 && w.onTimeRate === 1 && w.stars !== null));
  assert.ok(k.byDepartment.every((d) => d.casesHandled > 5_000));
  // Each year has its share; every year is on time and on the spot too.
  for (const year of ["2008", "2009", "2010"]) {
    const y = await s.kpis.hallKpis(`${year}-01-01`, `${year}-12-31`);
    assert.ok(y.casesHandled > 23_000 && y.onTimeRate === 1 && y.onSiteRate === 1, year);
  }
  // On SQLite the aggregate runs over a covering index (PostgreSQL's planner chooses by its own statistics).
  if (db.options.type === "better-sqlite3") {
    const plan: { detail: string }[] = await db.query(
      "EXPLAIN QUERY PLAN SELECT window_code, department, COUNT(*), SUM(CASE WHEN completed_on = opened_on THEN 1 ELSE 0 END) FROM hall_case WHERE completed_on >= '2008-01-01' AND completed_on <= '2010-12-31' AND centre IN ('KAIXUAN') GROUP BY window_code, department",
    );
    assert.match(plan.map((p) => p.detail).join(" | "), /COVERING INDEX hall_case_centre_completed/);
  }
  // The other demo centres: their own figures, which leave Kaixuan's alone and make a ranking.
  assert.ok(result.otherCentreCases > 10_000, `${result.otherCentreCases} other cases`);
  const jianggan = await s.kpis.hallKpis(KAIXUAN.from, KAIXUAN.to, "JIANGGAN", true);
  assert.ok(jianggan.casesHandled > 72_000 && jianggan.onTimeRate! < 1, `${jianggan.casesHandled}`);
  const streets = await s.kpis.centreRanking(
    CentreLevel.STREET,
    KAIXUAN.from,
    KAIXUAN.to,
    CentreRankingMetric.SATISFACTION_RATE,
  );
  assert.equal(streets.rows.length, 8);
  assert.ok(streets.rows.every((r) => r.value !== null && r.evaluations > 50));
  assert.ok(new Set(streets.rows.map((r) => r.value)).size > 4, "the streets differ");
  console.log(`seeded 72,000 cases in ${seedMs} ms; hallKpis over them in ${kpiMs} ms`);

  await checkDisputesAndAssessments(db, s, result);

  // Seeding again writes nothing.
  const before = await snapshot(db);
  assert.equal((await seedServiceHallDemo(db)).skipped, true);
  assert.deepEqual(await snapshot(db), before);
  // The cases, tickets and evaluations publish nothing; the disputes, written through their service, do.
  assert.equal(before.outbox_event, DISPUTE_EVENTS);
}, 120_000);

// The inspection: opened, examined, ordered; the mediations: opened + 1 session, opened + 2 sessions + closed twice.
const DISPUTE_EVENTS = 3 + 2 + 4 + 4;

/** The demo's disputes at 物产大厦's station and its street centres' month of assessments, generated and marked so. */
async function checkDisputesAndAssessments(
  db: TestHall["db"],
  s: TestHall["s"],
  result: Awaited<ReturnType<typeof seedServiceHallDemo>>,
) {
  assert.deepEqual([result.disputeCases, result.assessments, result.assessmentPeriod], [4, 16, "2026-10"]);
  const page = pageRequest(50, null, CursorKey.ephemeral().list("test"));

  // Mediation: one overdue (received 25 days ago, art. 14's 15 days passed), one agreed, one referred.
  const mediations = await s.mediations.list({}, page);
  assert.deepEqual(
    mediations.edges
      .map((e) => [e.node.centre, e.node.status, e.node.outcome, s.mediations.isOverdue(e.node), e.node.sessionCount])
      .sort(),
    [
      ["KAIXUAN", "CLOSED", "FAILED_REFERRED_TO_ARBITRATION", false, 2],
      ["WUCHAN", "CLOSED", "AGREEMENT", false, 2],
      ["WUCHAN", "OPEN", null, true, 1],
    ],
  );
  const overdue = await s.mediations.overdue({}, page);
  assert.deepEqual(
    overdue.edges.map((e) => [e.node.centre, e.node.appliedOn]),
    [["WUCHAN", "2026-10-29"]],
  );
  assert.ok(mediations.edges.every((e) => e.node.matter.endsWith(DEMO_MARK)));
  // The inspection: a violation found and a rectification order still running.
  const [inspection] = (await s.inspections.list({}, page)).edges.map((e) => e.node);
  assert.equal(inspection.status, "RECTIFYING");
  assert.equal(inspection.orderWorkingDays, 20);
  assert.ok(inspection.rectificationDeadline! > "2026-11-23", inspection.rectificationDeadline!);

  // The street centres' month: each has its SELF and LEADER review completed; the ranking places all eight.
  const ranking = await s.assessments.ranking(CentreLevel.STREET, "2026-10", null);
  assert.equal(ranking.length, 8);
  assert.ok(ranking.every((r) => r.completed === 2 && r.total !== null && r.rank !== null));
  assert.ok(new Set(ranking.map((r) => r.total)).size > 4, "the streets differ");
  // One generated score is below its bar: its rectification is open in QINGBO's report; Kaixuan has none.
  const qingbo = await s.assessments.report("QINGBO", "2026-10", null);
  assert.equal(qingbo.openRectifications.length, 1);
  assert.equal(qingbo.openRectifications[0].centre, "QINGBO");
  const kaixuan = await s.assessments.report("KAIXUAN", "2026-10", null);
  assert.deepEqual([kaixuan.belowBar, kaixuan.openRectifications.length], [0, 0]);
  const [scoreNotes] = await runSql(db.manager, "SELECT COUNT(*) AS n FROM hall_assessment_score WHERE note <> ?", [
    DEMO_SCORE_NOTE,
  ]);
  assert.equal(Number(scoreNotes.n), 0);
}
