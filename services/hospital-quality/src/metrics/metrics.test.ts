import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { openDepartmentDatabase } from "@onewindow/testing";
import { hospitalQuality } from "../index";
import { FollowUpOutcome } from "../follow-up/follow-up.enums";
import { PatientEvaluationChannel } from "../evaluation/evaluation.enums";
import { ComparisonBasis, Granularity, PeriodComparison, QualityMetric } from "./metrics.enums";
import type { Services } from "../services";

/**
 * A small hospital whose metrics are computed by hand below:
 * visits  2024-03-01 内科 100.00/40.00, 2024-03-15 内科 50.00/20.01, 2024-04-02 外科 80.00/0
 * stays   03-10..03-20 外科 5000.00/1500.50, 04-01..04-05 内科 3000.00/1200.00
 * calls   stay 1 REACHED 03-25; stay 2 UNREACHABLE 04-08, DECLINED 04-09
 * ratings DEVICE yes 03-02 内科, DEVICE no 03-03 (no department), SURVEY yes 04-06 外科
 */
async function smallHospital(): Promise<Services> {
  const { services: s } = await openDepartmentDatabase(hospitalQuality);
  await s.hospitals.register({ code: "T01", name: "Test hospital" });
  const visit = (visitDate: string, department: string, totalCost: number, drugCost: number) =>
    s.outpatient.record({ hospitalCode: "T01", visitDate, department, totalCost, drugCost });
  await visit("2024-03-01", "内科", 100, 40);
  await visit("2024-03-15", "内科", 50, 20.01);
  await visit("2024-04-02", "外科", 80, 0);
  const stay1 = await s.inpatient.record({
    hospitalCode: "T01",
    admittedOn: "2024-03-10",
    dischargedOn: "2024-03-20",
    department: "外科",
    totalCost: 5000,
    drugCost: 1500.5,
  });
  const stay2 = await s.inpatient.record({
    hospitalCode: "T01",
    admittedOn: "2024-04-01",
    dischargedOn: "2024-04-05",
    department: "内科",
    totalCost: 3000,
    drugCost: 1200,
  });
  await s.followUps.record({ stayId: String(stay1.id), calledOn: "2024-03-25", outcome: FollowUpOutcome.REACHED });
  await s.followUps.record({ stayId: String(stay2.id), calledOn: "2024-04-08", outcome: FollowUpOutcome.UNREACHABLE });
  await s.followUps.record({ stayId: String(stay2.id), calledOn: "2024-04-09", outcome: FollowUpOutcome.DECLINED });
  const rate = (evaluatedOn: string, channel: PatientEvaluationChannel, satisfied: boolean, department?: string) =>
    s.evaluations.submit({
      hospitalCode: "T01",
      evaluatedOn,
      channel,
      satisfied,
      department,
      score: satisfied ? 5 : 2,
    });
  await rate("2024-03-02", PatientEvaluationChannel.DEVICE, true, "内科");
  await rate("2024-03-03", PatientEvaluationChannel.DEVICE, false);
  await rate("2024-04-06", PatientEvaluationChannel.SURVEY, true, "外科");
  return s;
}

/** Rounds to `digits` decimals for comparing rates. */
const round = (x: number | null, digits = 4) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

test("metrics over a whole period match the hand-computed figures", async () => {
  const s = await smallHospital();
  const m = await s.metrics.qualityMetrics("T01", "2024-03-01", "2024-04-30");
  assert.equal(m.outpatientVisits, 3);
  assert.equal(m.outpatientDrugCost, 60.01);
  assert.equal(m.outpatientDrugCostPerVisit, 20.0); // 6001 fen / 3 = 2000.33 fen
  assert.equal(m.inpatientDischarges, 2);
  assert.equal(m.inpatientDrugCostPerStay, 1350.25); // 270050 / 2
  assert.equal(round(m.drugCostShare, 6), round(276051 / 823000, 6));
  assert.equal(m.followedUpDischarges, 1);
  assert.equal(m.followUpRate, 0.5);
  assert.equal(m.followUpCalls, 3);
  assert.equal(m.evaluations, 3);
  assert.equal(round(m.satisfactionRate), 0.6667);
  assert.deepEqual(
    m.satisfactionByChannel.map((c) => [c.channel, c.evaluations, c.satisfied, c.satisfactionRate]),
    [
      ["DEVICE", 2, 1, 0.5],
      ["SURVEY", 1, 1, 1],
      ["PHONE", 0, 0, null],
    ],
  );
});

test("per-visit cost rounds half up to the fen", async () => {
  const s = await smallHospital();
  // March: 6001 fen over 2 visits = 3000.5 fen; floating point would give 30.00 from 60.01 / 2.
  const m = await s.metrics.qualityMetrics("T01", "2024-03-01", "2024-03-31");
  assert.equal(m.outpatientVisits, 2);
  assert.equal(m.outpatientDrugCostPerVisit, 30.01);
});

test("an empty period gives zero counts and null rates, not NaN or errors", async () => {
  const s = await smallHospital();
  const m = await s.metrics.qualityMetrics("T01", "2023-01-01", "2023-12-31");
  assert.equal(m.outpatientVisits, 0);
  assert.equal(m.inpatientDischarges, 0);
  assert.equal(m.followUpCalls, 0);
  for (const v of [
    m.outpatientDrugCostPerVisit,
    m.inpatientDrugCostPerStay,
    m.drugCostShare,
    m.followUpRate,
    m.satisfactionRate,
  ])
    assert.equal(v, null);
  assert.ok(m.satisfactionByChannel.every((c) => c.satisfactionRate === null));
  assert.equal(m.change?.outpatientVisits, 0);
  assert.equal(m.change?.followUpRate, null);
  const unknown = await s.metrics.qualityMetrics("NOPE", "2024-03-01", "2024-04-30");
  assert.equal(unknown.outpatientVisits, 0);
  assert.equal(unknown.drugCostShare, null);
});

test("a department filter limits every metric to that department", async () => {
  const s = await smallHospital();
  const m = await s.metrics.qualityMetrics("T01", "2024-03-01", "2024-04-30", "内科");
  assert.equal(m.department, "内科");
  assert.equal(m.outpatientVisits, 2);
  assert.equal(m.outpatientDrugCostPerVisit, 30.01);
  assert.equal(m.inpatientDischarges, 1);
  assert.equal(m.inpatientDrugCostPerStay, 1200);
  assert.equal(round(m.drugCostShare, 6), round(126001 / 315000, 6));
  assert.equal(m.followUpRate, 0);
  assert.equal(m.followUpCalls, 2);
  assert.equal(m.evaluations, 1); // the unsatisfied DEVICE rating named no department
  assert.equal(m.satisfactionRate, 1);
});

test("a calendar month is compared with the whole calendar month before (环比) and the change", async () => {
  const s = await smallHospital();
  // April is compared with all of March (31 days), the visit of 03-01 included.
  const m = await s.metrics.qualityMetrics("T01", "2024-04-01", "2024-04-30");
  const p = m.previousPeriod!;
  assert.equal(m.comparison, ComparisonBasis.PREVIOUS_MONTH);
  assert.deepEqual([p.from, p.to], ["2024-03-01", "2024-03-31"]);
  assert.equal(p.previousPeriod, null);
  assert.equal(p.comparison, null);
  assert.equal(p.outpatientVisits, 2);
  assert.equal(p.outpatientDrugCostPerVisit, 30.01);
  assert.equal(m.outpatientDrugCostPerVisit, 0);
  assert.deepEqual(
    { ...m.change },
    {
      outpatientVisits: -1,
      outpatientDrugCostPerVisit: -30.01,
      inpatientDischarges: 0,
      inpatientDrugCostPerStay: -300.5,
      drugCostShare: m.drugCostShare! - p.drugCostShare!,
      followUpRate: -1,
      followUpCalls: 1,
      satisfactionRate: 0.5,
    },
  );
});

test("a range that is not a calendar unit is compared with the same number of days just before, and says so", async () => {
  const s = await smallHospital();
  // 04-01..04-29 is 29 days: the period before is 03-03..03-31, which leaves out the visit of 03-01.
  const m = await s.metrics.qualityMetrics("T01", "2024-04-01", "2024-04-29");
  const p = m.previousPeriod!;
  assert.equal(m.comparison, ComparisonBasis.PREVIOUS_DAYS);
  assert.deepEqual([p.from, p.to], ["2024-03-03", "2024-03-31"]);
  assert.equal(p.outpatientVisits, 1);
  assert.equal(p.outpatientDrugCostPerVisit, 20.01);
  // Of the two March ratings only the unsatisfied one of 03-03 falls inside.
  assert.equal(p.evaluations, 1);
  assert.equal(p.satisfactionRate, 0);
});

test("同比 compares with the same month a year earlier, or the same dates for another range", async () => {
  const s = await smallHospital();
  await s.outpatient.record({
    hospitalCode: "T01",
    visitDate: "2023-04-20",
    department: "内科",
    totalCost: 30,
    drugCost: 10,
  });
  const month = await s.metrics.qualityMetrics(
    "T01",
    "2024-04-01",
    "2024-04-30",
    null,
    PeriodComparison.SAME_PERIOD_LAST_YEAR,
  );
  assert.equal(month.comparison, ComparisonBasis.SAME_MONTH_LAST_YEAR);
  assert.deepEqual([month.previousPeriod!.from, month.previousPeriod!.to], ["2023-04-01", "2023-04-30"]);
  assert.equal(month.previousPeriod!.outpatientVisits, 1);
  assert.equal(month.change!.outpatientVisits, 0);
  assert.equal(month.change!.outpatientDrugCostPerVisit, -10);
  const days = await s.metrics.qualityMetrics(
    "T01",
    "2024-04-10",
    "2024-04-25",
    null,
    PeriodComparison.SAME_PERIOD_LAST_YEAR,
  );
  assert.equal(days.comparison, ComparisonBasis.SAME_DAYS_LAST_YEAR);
  assert.deepEqual([days.previousPeriod!.from, days.previousPeriod!.to], ["2023-04-10", "2023-04-25"]);
  assert.equal(days.previousPeriod!.outpatientVisits, 1);
  assert.equal(days.outpatientVisits, 0);
});

test("trends by month, quarter and year clip their first and last points to the period", async () => {
  const s = await smallHospital();
  const monthly = await s.metrics.metricTrend(
    "T01",
    QualityMetric.OUTPATIENT_VISITS,
    "2024-02-15",
    "2024-04-10",
    Granularity.MONTH,
  );
  assert.deepEqual(monthly, [
    { period: "2024-02", start: "2024-02-15", end: "2024-02-29", value: 0 },
    { period: "2024-03", start: "2024-03-01", end: "2024-03-31", value: 2 },
    { period: "2024-04", start: "2024-04-01", end: "2024-04-10", value: 1 },
  ]);
  const cost = await s.metrics.metricTrend(
    "T01",
    QualityMetric.OUTPATIENT_DRUG_COST_PER_VISIT,
    "2024-02-15",
    "2024-04-10",
    Granularity.MONTH,
  );
  assert.deepEqual(
    cost.map((p) => p.value),
    [null, 30.01, 0],
  );
  const quarterly = await s.metrics.metricTrend(
    "T01",
    QualityMetric.FOLLOW_UP_CALLS,
    "2024-01-01",
    "2024-12-31",
    Granularity.QUARTER,
  );
  assert.deepEqual(
    quarterly.map((p) => [p.period, p.start, p.end, p.value]),
    [
      ["2024-Q1", "2024-01-01", "2024-03-31", 1],
      ["2024-Q2", "2024-04-01", "2024-06-30", 2],
      ["2024-Q3", "2024-07-01", "2024-09-30", 0],
      ["2024-Q4", "2024-10-01", "2024-12-31", 0],
    ],
  );
  const yearly = await s.metrics.metricTrend(
    "T01",
    QualityMetric.FOLLOW_UP_RATE,
    "2023-06-01",
    "2024-12-31",
    Granularity.YEAR,
  );
  assert.deepEqual(yearly, [
    { period: "2023", start: "2023-06-01", end: "2023-12-31", value: null },
    { period: "2024", start: "2024-01-01", end: "2024-12-31", value: 0.5 },
  ]);
  const share = await s.metrics.metricTrend(
    "T01",
    QualityMetric.SATISFACTION_RATE,
    "2024-03-01",
    "2024-04-30",
    Granularity.MONTH,
    "外科",
  );
  assert.deepEqual(
    share.map((p) => p.value),
    [null, 1],
  );
});
