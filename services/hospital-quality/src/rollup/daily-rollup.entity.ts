import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { bigintTransformer } from "@onewindow/platform";

/**
 * Running totals per hospital, day and department, kept current in the same transaction as
 * each record: quality metrics sum a few hundred of these rows instead of a million visits
 * (see BENCHMARKS.md). Not exposed in the schema. `department` is '' for evaluations that name
 * none. `day` is YYYY-MM-DD text so that months group the same way on SQLite and PostgreSQL.
 */
@Entity("daily_rollup")
@Index(["hospitalCode", "department", "day"])
export class DailyRollup {
  @PrimaryColumn({ type: "varchar", length: 20, name: "hospital_code" })
  hospitalCode: string;

  @PrimaryColumn({ type: "varchar", length: 10 })
  day: string;

  @PrimaryColumn({ type: "varchar", length: 40 })
  department: string;

  @Column({ type: "integer", name: "outpatient_visits", default: 0 })
  outpatientVisits: number;

  @Column({ type: "bigint", name: "outpatient_drug_fen", default: 0, transformer: bigintTransformer })
  outpatientDrugFen: number;

  @Column({ type: "bigint", name: "outpatient_total_fen", default: 0, transformer: bigintTransformer })
  outpatientTotalFen: number;

  /** Stays discharged on this day. */
  @Column({ type: "integer", default: 0 })
  discharges: number;

  @Column({ type: "bigint", name: "inpatient_drug_fen", default: 0, transformer: bigintTransformer })
  inpatientDrugFen: number;

  @Column({ type: "bigint", name: "inpatient_total_fen", default: 0, transformer: bigintTransformer })
  inpatientTotalFen: number;

  /** Stays discharged on this day that have at least one REACHED follow-up (whenever it happened). */
  @Column({ type: "integer", name: "discharges_reached", default: 0 })
  dischargesReached: number;

  /** Follow-up calls made on this day, for stays of this department. */
  @Column({ type: "integer", name: "follow_up_calls", default: 0 })
  followUpCalls: number;

  @Column({ type: "integer", name: "device_evaluations", default: 0 })
  deviceEvaluations: number;

  @Column({ type: "integer", name: "device_satisfied", default: 0 })
  deviceSatisfied: number;

  @Column({ type: "integer", name: "survey_evaluations", default: 0 })
  surveyEvaluations: number;

  @Column({ type: "integer", name: "survey_satisfied", default: 0 })
  surveySatisfied: number;

  @Column({ type: "integer", name: "phone_evaluations", default: 0 })
  phoneEvaluations: number;

  @Column({ type: "integer", name: "phone_satisfied", default: 0 })
  phoneSatisfied: number;
}
