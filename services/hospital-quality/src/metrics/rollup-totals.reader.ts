import type { EntityManager } from "typeorm";
import { num, runSql } from "@onewindow/platform";
import { ROLLUP_COUNTERS } from "../rollup/rollup-delta";
import { emptyTotals, type MonthlyTotals, type PeriodTotals, type TotalsReader } from "./period-totals";

const SUMS = ROLLUP_COUNTERS.map((c) => `SUM(${c}) AS ${c}`).join(", ");

function toTotals(row: Record<string, unknown> | undefined): PeriodTotals {
  const t = emptyTotals();
  if (!row) return t;
  t.visits = num(row.outpatient_visits);
  t.visitDrugFen = num(row.outpatient_drug_fen);
  t.visitTotalFen = num(row.outpatient_total_fen);
  t.discharges = num(row.discharges);
  t.stayDrugFen = num(row.inpatient_drug_fen);
  t.stayTotalFen = num(row.inpatient_total_fen);
  t.dischargesReached = num(row.discharges_reached);
  t.followUpCalls = num(row.follow_up_calls);
  t.channels.DEVICE = { evaluations: num(row.device_evaluations), satisfied: num(row.device_satisfied) };
  t.channels.SURVEY = { evaluations: num(row.survey_evaluations), satisfied: num(row.survey_satisfied) };
  t.channels.PHONE = { evaluations: num(row.phone_evaluations), satisfied: num(row.phone_satisfied) };
  return t;
}

/**
 * Reads sums from `daily_rollup`: at most one row per day and department, found through the
 * primary key (hospital, day, department) or the (hospital, department, day) index.
 */
export class RollupTotalsReader implements TotalsReader {
  constructor(private readonly manager: EntityManager) {}

  private where(department: string | null): string {
    return `hospital_code = ? AND day >= ? AND day <= ?${department === null ? "" : " AND department = ?"}`;
  }

  private params(hospitalCode: string, from: string, to: string, department: string | null): unknown[] {
    return department === null ? [hospitalCode, from, to] : [hospitalCode, from, to, department];
  }

  async totals(hospitalCode: string, from: string, to: string, department: string | null): Promise<PeriodTotals> {
    const rows = await runSql(
      this.manager,
      `SELECT ${SUMS} FROM daily_rollup WHERE ${this.where(department)}`,
      this.params(hospitalCode, from, to, department),
    );
    return toTotals(rows[0]);
  }

  async monthly(hospitalCode: string, from: string, to: string, department: string | null): Promise<MonthlyTotals> {
    const rows: Record<string, unknown>[] = await runSql(
      this.manager,
      `SELECT substr(day, 1, 7) AS month, ${SUMS} FROM daily_rollup WHERE ${this.where(department)} GROUP BY substr(day, 1, 7)`,
      this.params(hospitalCode, from, to, department),
    );
    return new Map(rows.map((r) => [String(r.month), toTotals(r)]));
  }
}
