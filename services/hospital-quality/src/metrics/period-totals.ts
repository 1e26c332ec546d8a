import { PatientEvaluationChannel } from "../evaluation/evaluation.enums";

/** Evaluations of one channel in a period. */
export interface ChannelTotals {
  evaluations: number;
  satisfied: number;
}

/** Every sum a period's quality metrics are computed from; money in integer fen. */
export interface PeriodTotals {
  visits: number;
  visitDrugFen: number;
  visitTotalFen: number;
  discharges: number;
  stayDrugFen: number;
  stayTotalFen: number;
  /** Discharges in the period with at least one REACHED follow-up. */
  dischargesReached: number;
  /** Follow-up calls made in the period. */
  followUpCalls: number;
  channels: Record<PatientEvaluationChannel, ChannelTotals>;
}

/** Where metrics read their sums from; the rollup in production, raw records in tests and benchmarks. */
export interface TotalsReader {
  /** Sums over `from..to` (both inclusive), for one department or all. */
  totals(hospitalCode: string, from: string, to: string, department: string | null): Promise<PeriodTotals>;
  /** Sums per calendar month (`YYYY-MM`) over `from..to`, months without records absent. */
  monthly(hospitalCode: string, from: string, to: string, department: string | null): Promise<MonthlyTotals>;
}

/** Sums per calendar month, keyed `YYYY-MM`. */
export type MonthlyTotals = Map<string, PeriodTotals>;

export function emptyTotals(): PeriodTotals {
  return {
    visits: 0,
    visitDrugFen: 0,
    visitTotalFen: 0,
    discharges: 0,
    stayDrugFen: 0,
    stayTotalFen: 0,
    dischargesReached: 0,
    followUpCalls: 0,
    channels: {
      DEVICE: { evaluations: 0, satisfied: 0 },
      SURVEY: { evaluations: 0, satisfied: 0 },
      PHONE: { evaluations: 0, satisfied: 0 },
    },
  };
}

/** Adds `b` into `a` (months folded into quarters and years). */
export function addTotals(a: PeriodTotals, b: PeriodTotals): PeriodTotals {
  const sum = emptyTotals();
  for (const k of [
    "visits",
    "visitDrugFen",
    "visitTotalFen",
    "discharges",
    "stayDrugFen",
    "stayTotalFen",
    "dischargesReached",
    "followUpCalls",
  ] as const) {
    sum[k] = a[k] + b[k];
  }
  for (const c of Object.values(PatientEvaluationChannel)) {
    sum.channels[c] = {
      evaluations: a.channels[c].evaluations + b.channels[c].evaluations,
      satisfied: a.channels[c].satisfied + b.channels[c].satisfied,
    };
  }
  return sum;
}
