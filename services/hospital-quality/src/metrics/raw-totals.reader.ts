import type { EntityManager } from "typeorm";
import { num, runSql } from "@onewindow/platform";
import { PatientEvaluationChannel } from "../evaluation/evaluation.enums";
import { monthsOf } from "./periods";
import { emptyTotals, type MonthlyTotals, type PeriodTotals, type TotalsReader } from "./period-totals";

/**
 * Aggregates the raw records directly over their (hospital, date, department) indexes. Not
 * used to serve metrics: it is the reference the rollup is tested against, and the other
 * side of the rollup-vs-index benchmark.
 */
export class RawTotalsReader implements TotalsReader {
  constructor(private readonly manager: EntityManager) {}

  async totals(hospitalCode: string, from: string, to: string, department: string | null): Promise<PeriodTotals> {
    const dept = department === null ? "" : " AND department = ?";
    const p = department === null ? [hospitalCode, from, to] : [hospitalCode, from, to, department];
    const [visits] = await runSql(
      this.manager,
      `SELECT COUNT(*) AS n, SUM(drug_fen) AS drug, SUM(total_fen) AS total FROM outpatient_visit WHERE hospital_code = ? AND visit_date >= ? AND visit_date <= ?${dept}`,
      p,
    );
    const [stays] = await runSql(
      this.manager,
      `SELECT COUNT(*) AS n, SUM(drug_fen) AS drug, SUM(total_fen) AS total,
         SUM(CASE WHEN EXISTS (SELECT 1 FROM follow_up f WHERE f.stay_id = s.id AND f.outcome = 'REACHED') THEN 1 ELSE 0 END) AS reached
       FROM inpatient_stay s WHERE hospital_code = ? AND discharged_on >= ? AND discharged_on <= ?${dept}`,
      p,
    );
    const [calls] = await runSql(
      this.manager,
      `SELECT COUNT(*) AS n FROM follow_up WHERE hospital_code = ? AND called_on >= ? AND called_on <= ?${dept}`,
      p,
    );
    const evaluations: { channel: string; n: unknown; satisfied: unknown }[] = await runSql(
      this.manager,
      `SELECT channel, COUNT(*) AS n, SUM(CASE WHEN satisfied THEN 1 ELSE 0 END) AS satisfied
       FROM patient_evaluation WHERE hospital_code = ? AND evaluated_on >= ? AND evaluated_on <= ?${dept} GROUP BY channel`,
      p,
    );
    const t = emptyTotals();
    t.visits = num(visits.n);
    t.visitDrugFen = num(visits.drug);
    t.visitTotalFen = num(visits.total);
    t.discharges = num(stays.n);
    t.stayDrugFen = num(stays.drug);
    t.stayTotalFen = num(stays.total);
    t.dischargesReached = num(stays.reached);
    t.followUpCalls = num(calls.n);
    for (const e of evaluations) {
      t.channels[e.channel as PatientEvaluationChannel] = { evaluations: num(e.n), satisfied: num(e.satisfied) };
    }
    return t;
  }

  async monthly(hospitalCode: string, from: string, to: string, department: string | null): Promise<MonthlyTotals> {
    const result: MonthlyTotals = new Map();
    for (const m of monthsOf(from, to))
      result.set(m.month, await this.totals(hospitalCode, m.start, m.end, department));
    return result;
  }
}
