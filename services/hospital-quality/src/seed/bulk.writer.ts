import type { EntityManager } from "typeorm";
import { bulkInsert, type BulkColumn } from "@onewindow/platform";
import { CHANNEL_COUNTERS } from "../rollup/channel-counters";
import { FollowUpOutcome } from "../follow-up/follow-up.enums";
import type { RollupAccumulator } from "../rollup/rollup-delta";
import type { EvaluationRow, FollowUpPlan, RecordRow, StayRow, VisitRow } from "./seed-rows";

const col = (name: string, pgType: BulkColumn["pgType"]): BulkColumn => ({ name, pgType });
const RECORD_COLUMNS = [
  col("hospital_code", "varchar"),
  col("department", "varchar"),
  col("total_fen", "bigint"),
  col("drug_fen", "bigint"),
  col("prescriber_id", "varchar"),
  col("patient_id_number", "varchar"),
];
/** A record's values for `RECORD_COLUMNS`, in their order. */
const recordValues = (r: RecordRow) => [
  r.hospitalCode,
  r.department,
  r.totalFen,
  r.drugFen,
  r.prescriberId,
  r.patientIdNumber,
];

/**
 * Writes generated records the way the services would, minus the events (the demo set is
 * history being loaded, not business happening now): each row adds to the same rollup
 * counters the services add to, so metrics over seeded data equal the raw records.
 */
export async function insertVisits(tx: EntityManager, rows: VisitRow[], acc: RollupAccumulator): Promise<void> {
  await bulkInsert(
    tx,
    "outpatient_visit",
    [col("visit_date", "date"), ...RECORD_COLUMNS],
    rows.map((r) => [r.visitDate, ...recordValues(r)]),
  );
  for (const r of rows) {
    acc.add(
      { hospitalCode: r.hospitalCode, day: r.visitDate, department: r.department },
      { outpatient_visits: 1, outpatient_drug_fen: r.drugFen, outpatient_total_fen: r.totalFen },
    );
  }
}

/** Inserts stays with their follow-up calls; a stay's first REACHED call sets `first_reached_on`. */
export async function insertStaysWithFollowUps(
  tx: EntityManager,
  stays: StayRow[],
  calls: FollowUpPlan[],
  acc: RollupAccumulator,
): Promise<void> {
  const firstReached = new Map<number, string>();
  for (const c of calls) {
    const seen = firstReached.get(c.stayIndex);
    if (c.outcome === FollowUpOutcome.REACHED && (!seen || c.calledOn < seen))
      firstReached.set(c.stayIndex, c.calledOn);
  }
  const ids = await bulkInsert(
    tx,
    "inpatient_stay",
    [col("admitted_on", "date"), col("discharged_on", "date"), col("first_reached_on", "date"), ...RECORD_COLUMNS],
    stays.map((r, i) => [r.admittedOn, r.dischargedOn, firstReached.get(i) ?? null, ...recordValues(r)]),
    true,
  );
  stays.forEach((r, i) => {
    acc.add(
      { hospitalCode: r.hospitalCode, day: r.dischargedOn, department: r.department },
      {
        discharges: 1,
        inpatient_drug_fen: r.drugFen,
        inpatient_total_fen: r.totalFen,
        discharges_reached: firstReached.has(i) ? 1 : 0,
      },
    );
  });
  await bulkInsert(
    tx,
    "follow_up",
    [
      col("stay_id", "integer"),
      col("hospital_code", "varchar"),
      col("department", "varchar"),
      col("called_on", "date"),
      col("outcome", "varchar"),
    ],
    calls.map((c) => [
      ids[c.stayIndex],
      stays[c.stayIndex].hospitalCode,
      stays[c.stayIndex].department,
      c.calledOn,
      c.outcome,
    ]),
  );
  for (const c of calls) {
    const stay = stays[c.stayIndex];
    acc.add({ hospitalCode: stay.hospitalCode, day: c.calledOn, department: stay.department }, { follow_up_calls: 1 });
  }
}

export async function insertEvaluations(
  tx: EntityManager,
  rows: EvaluationRow[],
  acc: RollupAccumulator,
): Promise<void> {
  await bulkInsert(
    tx,
    "patient_evaluation",
    [
      col("hospital_code", "varchar"),
      col("evaluated_on", "date"),
      col("channel", "varchar"),
      col("satisfied", "boolean"),
      col("department", "varchar"),
      col("score", "integer"),
    ],
    rows.map((r) => [r.hospitalCode, r.evaluatedOn, r.channel, r.satisfied, r.department, r.score]),
  );
  for (const r of rows) {
    const counters = CHANNEL_COUNTERS[r.channel];
    acc.add(
      { hospitalCode: r.hospitalCode, day: r.evaluatedOn, department: r.department ?? "" },
      { [counters.count]: 1, [counters.satisfied]: r.satisfied ? 1 : 0 },
    );
  }
}
