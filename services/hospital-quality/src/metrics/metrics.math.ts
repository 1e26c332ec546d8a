import { PatientEvaluationChannel } from "../evaluation/evaluation.enums";
import { QualityMetric } from "./metrics.enums";
import type { PeriodTotals } from "./period-totals";
import { QualityMetrics, QualityMetricsChange } from "./quality-metrics.types";

/**
 * Average fen per unit as yuan, rounded half up to the fen in integer arithmetic (floating
 * division would turn 106.525 into 106.52). Null when there is nothing to divide by.
 */
export function perUnitYuan(fen: number, count: number): number | null {
  if (count === 0) return null;
  let q = Math.floor(fen / count);
  if (2 * (fen - q * count) >= count) q += 1;
  return q / 100;
}

/** A 0..1 rate; null (never NaN) for an empty denominator. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Builds the metrics of one period from its sums. */
export function metricsFrom(t: PeriodTotals, from: string, to: string, department: string | null): QualityMetrics {
  const m = new QualityMetrics();
  const channels = Object.values(PatientEvaluationChannel);
  const evaluations = channels.reduce((n, c) => n + t.channels[c].evaluations, 0);
  const satisfied = channels.reduce((n, c) => n + t.channels[c].satisfied, 0);
  Object.assign(m, {
    from,
    to,
    department,
    outpatientVisits: t.visits,
    outpatientDrugCost: t.visitDrugFen / 100,
    outpatientDrugCostPerVisit: perUnitYuan(t.visitDrugFen, t.visits),
    inpatientDischarges: t.discharges,
    inpatientDrugCost: t.stayDrugFen / 100,
    inpatientDrugCostPerStay: perUnitYuan(t.stayDrugFen, t.discharges),
    drugCostShare: rate(t.visitDrugFen + t.stayDrugFen, t.visitTotalFen + t.stayTotalFen),
    followedUpDischarges: t.dischargesReached,
    followUpRate: rate(t.dischargesReached, t.discharges),
    followUpCalls: t.followUpCalls,
    evaluations,
    satisfactionRate: rate(satisfied, evaluations),
    satisfactionByChannel: channels.map((channel) => ({
      channel,
      evaluations: t.channels[channel].evaluations,
      satisfied: t.channels[channel].satisfied,
      satisfactionRate: rate(t.channels[channel].satisfied, t.channels[channel].evaluations),
    })),
    comparison: null,
    previousPeriod: null,
    change: null,
  });
  return m;
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
// Yuan values have two decimals; rounding the difference keeps 96.09 - 106.52 at -10.43.
const diffYuan = (a: number | null, b: number | null) =>
  a === null || b === null ? null : Math.round((a - b) * 100) / 100;

/** Current minus previous, metric by metric. */
export function changeBetween(current: QualityMetrics, previous: QualityMetrics): QualityMetricsChange {
  return Object.assign(new QualityMetricsChange(), {
    outpatientVisits: current.outpatientVisits - previous.outpatientVisits,
    outpatientDrugCostPerVisit: diffYuan(current.outpatientDrugCostPerVisit, previous.outpatientDrugCostPerVisit),
    inpatientDischarges: current.inpatientDischarges - previous.inpatientDischarges,
    inpatientDrugCostPerStay: diffYuan(current.inpatientDrugCostPerStay, previous.inpatientDrugCostPerStay),
    drugCostShare: diff(current.drugCostShare, previous.drugCostShare),
    followUpRate: diff(current.followUpRate, previous.followUpRate),
    followUpCalls: current.followUpCalls - previous.followUpCalls,
    satisfactionRate: diff(current.satisfactionRate, previous.satisfactionRate),
  });
}

/** One metric's value from a period's metrics. */
export function valueOf(metric: QualityMetric, m: QualityMetrics): number | null {
  switch (metric) {
    case QualityMetric.OUTPATIENT_VISITS:
      return m.outpatientVisits;
    case QualityMetric.OUTPATIENT_DRUG_COST_PER_VISIT:
      return m.outpatientDrugCostPerVisit;
    case QualityMetric.INPATIENT_DISCHARGES:
      return m.inpatientDischarges;
    case QualityMetric.INPATIENT_DRUG_COST_PER_STAY:
      return m.inpatientDrugCostPerStay;
    case QualityMetric.DRUG_COST_SHARE:
      return m.drugCostShare;
    case QualityMetric.FOLLOW_UP_RATE:
      return m.followUpRate;
    case QualityMetric.FOLLOW_UP_CALLS:
      return m.followUpCalls;
    case QualityMetric.SATISFACTION_RATE:
      return m.satisfactionRate;
  }
}
