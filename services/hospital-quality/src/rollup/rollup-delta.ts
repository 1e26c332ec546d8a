/** The counter columns of `daily_rollup`, in SQL order. */
export const ROLLUP_COUNTERS = [
  "outpatient_visits",
  "outpatient_drug_fen",
  "outpatient_total_fen",
  "discharges",
  "inpatient_drug_fen",
  "inpatient_total_fen",
  "discharges_reached",
  "follow_up_calls",
  "device_evaluations",
  "device_satisfied",
  "survey_evaluations",
  "survey_satisfied",
  "phone_evaluations",
  "phone_satisfied",
] as const;

export type RollupCounter = (typeof ROLLUP_COUNTERS)[number];

/** What one or more records add to one (hospital, day, department) row. */
export type RollupDelta = Partial<Record<RollupCounter, number>>;

/** Identifies a rollup row. */
export interface RollupKey {
  hospitalCode: string;
  day: string;
  /** '' when the record names no department (some evaluations). */
  department: string;
}

/**
 * Adds deltas in memory, keyed by row, so that bulk loads write each rollup row once per
 * batch (PostgreSQL refuses an upsert that touches the same row twice in one statement).
 */
export class RollupAccumulator {
  private readonly rows = new Map<string, { key: RollupKey; delta: Record<string, number> }>();

  add(key: RollupKey, delta: RollupDelta): void {
    const id = `${key.hospitalCode}\u0000${key.day}\u0000${key.department}`;
    let row = this.rows.get(id);
    if (!row) {
      row = { key, delta: {} };
      this.rows.set(id, row);
    }
    for (const [column, value] of Object.entries(delta)) row.delta[column] = (row.delta[column] ?? 0) + (value ?? 0);
  }

  entries(): { key: RollupKey; delta: RollupDelta }[] {
    return [...this.rows.values()];
  }

  get size(): number {
    return this.rows.size;
  }

  clear(): void {
    this.rows.clear();
  }
}
