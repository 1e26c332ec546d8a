import type { DataSource } from "typeorm";
import type { Caller } from "@onewindow/contracts";
import { rowCounts } from "@onewindow/testing";

/*
 * Hospital quality's sample callers and tables for its tests (not a test file: Jest runs only
 * `*.test.ts`). A test opens the department over its own database with
 * `openDepartmentDatabase(hospitalQuality)` (`@onewindow/testing`).
 */

/** The administrator of `hospitalCode`, as in a token. */
export const adminOf = (hospitalCode: string): Partial<Caller> => ({
  userId: `admin-${hospitalCode}`,
  roles: ["hospital_admin"],
  hospitalCode,
  purpose: "quality review",
});

/** The tables the department writes, the outbox included. */
export const TABLES = [
  "hospital",
  "outpatient_visit",
  "inpatient_stay",
  "follow_up",
  "patient_evaluation",
  "daily_rollup",
  "outbox_event",
];

/** Row counts of every table, and the rollup's sums: a rejected input must change none of them. */
export async function snapshot(db: DataSource): Promise<Record<string, number>> {
  const counts = await rowCounts(db, TABLES);
  const [r] = await db.query<{ n: number | string | null }[]>(
    "SELECT SUM(outpatient_visits + discharges + discharges_reached + follow_up_calls + device_evaluations + survey_evaluations + phone_evaluations) AS n FROM daily_rollup",
  );
  counts.rollupSum = Number(r.n ?? 0);
  return counts;
}
