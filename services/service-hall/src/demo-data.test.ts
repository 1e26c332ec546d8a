import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { openTestHall, snapshot } from "./service-hall.fixture";
import { KAIXUAN } from "./seed/kaixuan.figures";
import { seedServiceHallDemo } from "./seed/demo-data.seed";
import { CentreLevel, CentreRankingMetric } from "./centre/centre.enums";

test("凯旋街道综合服务中心 reproduces the seed text's figures through hallKpis", async () => {
  const { db, s } = await openTestHall();
  const progress: [number, number][] = [];
  let started = Date.now();
  const result = await seedServiceHallDemo(db, { onProgress: (done, total) => progress.push([done, total]) });
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

  // Seeding again writes nothing.
  const before = await snapshot(db);
  assert.equal((await seedServiceHallDemo(db)).skipped, true);
  assert.deepEqual(await snapshot(db), before);
  assert.equal(before.outbox_event, 0);
});
