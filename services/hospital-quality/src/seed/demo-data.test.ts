import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { openDepartmentDatabase } from "@onewindow/testing";
import { hospitalQuality } from "../index";
import { PatientEvaluationChannel } from "../evaluation/evaluation.enums";
import { Granularity, QualityMetric } from "../metrics/metrics.enums";
import { RawTotalsReader } from "../metrics/raw-totals.reader";
import { RollupTotalsReader } from "../metrics/rollup-totals.reader";
import { seedHospitalDemo } from "./demo-data.seed";

test("建德市第一人民医院 reproduces the seed text's figures through qualityMetrics", async () => {
  const { db, services: s } = await openDepartmentDatabase(hospitalQuality);
  const result = await seedHospitalDemo(db);
  assert.equal(result.skipped, false);
  const m2009 = await s.metrics.qualityMetrics("JD001", "2009-01-01", "2009-12-31");
  const m2010 = await s.metrics.qualityMetrics("JD001", "2010-01-01", "2010-12-31");
  assert.equal(m2009.outpatientDrugCostPerVisit, 106.52);
  assert.equal(m2010.outpatientDrugCostPerVisit, 96.09);
  assert.equal(m2009.inpatientDrugCostPerStay, 4483.53);
  assert.equal(m2010.inpatientDrugCostPerStay, 3924.02);
  // "2010年电话回访出院病人1867人次，回访率92%"
  assert.equal(m2010.followedUpDischarges, 1867);
  assert.equal(Math.round(m2010.followUpRate! * 100) / 100, 0.92);
  assert.ok(m2010.followUpCalls >= 1867);
  // "两项测评满意度均达97%以上": the counter device and the survey, in both years.
  for (const m of [m2009, m2010]) {
    const byChannel = new Map(m.satisfactionByChannel.map((c) => [c.channel, c]));
    assert.ok(byChannel.get(PatientEvaluationChannel.DEVICE)!.satisfactionRate! >= 0.97, `DEVICE ${m.from}`);
    assert.ok(byChannel.get(PatientEvaluationChannel.SURVEY)!.satisfactionRate! >= 0.97, `SURVEY ${m.from}`);
    // The seed text measured no phone channel, so none is invented to pull the overall rate down.
    assert.equal(byChannel.get(PatientEvaluationChannel.PHONE)!.evaluations, 0, `PHONE ${m.from}`);
  }
  // Overall satisfaction, computed from the individual evaluations: (6,040 + 1,461) / 7,700 and (7,252 + 1,659) / 9,100.
  assert.equal(m2009.evaluations, 7_700);
  assert.equal(m2010.evaluations, 9_100);
  assert.equal(m2009.satisfactionRate, 7_501 / 7_700);
  assert.equal(m2010.satisfactionRate, 8_911 / 9_100);
  assert.ok(m2009.satisfactionRate! >= 0.97 && m2010.satisfactionRate! >= 0.97);
  // 2010 compared with 2009 by calendar year (环比 and 同比 alike).
  assert.deepEqual([m2010.previousPeriod!.from, m2010.previousPeriod!.to], ["2009-01-01", "2009-12-31"]);
  // The 2010 figures compared with 2009, as the seed text states them.
  assert.equal(m2010.change!.outpatientDrugCostPerVisit, -10.43);
  assert.equal(m2010.change!.inpatientDrugCostPerStay, -559.51);
  // Individual records with a realistic spread, not one row per year.
  assert.ok(m2010.outpatientVisits >= 10_000);
  const departments = await s.hospitals.departmentsOf(["JD001"]);
  assert.ok(departments[0].length >= 8, departments[0].join());
  const trend = await s.metrics.metricTrend(
    "JD001",
    QualityMetric.OUTPATIENT_VISITS,
    "2010-01-01",
    "2010-12-31",
    Granularity.MONTH,
  );
  assert.equal(trend.length, 12);
  assert.ok(trend.every((p) => p.value! > 1000));
  // The bulk-loaded rollup equals the raw records.
  const rollup = new RollupTotalsReader(db.manager);
  const raw = new RawTotalsReader(db.manager);
  for (const code of ["JD001", "JD002", "JD004"]) {
    assert.deepEqual(
      await rollup.totals(code, "2009-01-01", "2011-12-31", null),
      await raw.totals(code, "2009-01-01", "2011-12-31", null),
    );
  }
  assert.deepEqual(
    await rollup.totals("JD001", "2010-04-01", "2010-06-30", "外科"),
    await raw.totals("JD001", "2010-04-01", "2010-06-30", "外科"),
  );
  assert.deepEqual(
    (await s.hospitals.list()).map((h) => h.code),
    ["JD001", "JD002", "JD003", "JD004"],
  );
});

test("extra visits go to 2011 in batches with progress, and seeding again adds no second demo set", async () => {
  const { db, services: s } = await openDepartmentDatabase(hospitalQuality);
  const progress: [number, number][] = [];
  const first = await seedHospitalDemo(db, {
    extraVisits: 1_500,
    onProgress: (done, total) => progress.push([done, total]),
  });
  assert.equal(first.extraVisits, 1_500);
  assert.deepEqual(progress, [
    [0, 1_500],
    [1_500, 1_500],
  ]);
  const m2011 = await s.metrics.qualityMetrics("JD001", "2011-01-01", "2011-12-31");
  assert.equal(m2011.outpatientVisits, 1_500);
  const again = await seedHospitalDemo(db);
  assert.equal(again.skipped, true);
  assert.equal((await s.hospitals.list()).length, 4);
  const m2010 = await s.metrics.qualityMetrics("JD001", "2010-01-01", "2010-12-31");
  assert.equal(m2010.outpatientDrugCostPerVisit, 96.09);
  assert.equal(m2010.outpatientVisits, 20_000);
});
