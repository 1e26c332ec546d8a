import { Table, type MigrationInterface, type QueryRunner, type TableColumnOptions } from "typeorm";
import { ROLLUP_COUNTERS } from "../rollup/rollup-delta";

const id: TableColumnOptions = {
  name: "id",
  type: "integer",
  isPrimary: true,
  isGenerated: true,
  generationStrategy: "increment",
};
const hospitalCode: TableColumnOptions = { name: "hospital_code", type: "varchar", length: "20" };
const department: TableColumnOptions = { name: "department", type: "varchar", length: "40" };
const fen = (name: string): TableColumnOptions => ({ name, type: "bigint" });
const optional = (name: string, length: string): TableColumnOptions => ({
  name,
  type: "varchar",
  length,
  isNullable: true,
});
const BIGINT_COUNTERS = new Set([
  "outpatient_drug_fen",
  "outpatient_total_fen",
  "inpatient_drug_fen",
  "inpatient_total_fen",
]);

/** Hospital quality's tables: hospitals, the four kinds of records and the daily rollup. */
export class HospitalInitial1763800000401 implements MigrationInterface {
  name = "HospitalInitial1763800000401";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "hospital",
        columns: [
          { name: "code", type: "varchar", length: "20", isPrimary: true },
          { name: "name", type: "varchar", length: "100" },
          optional("level", "10"),
          optional("grade", "1"),
          { name: "registered_at", type: "varchar", length: "32" },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "outpatient_visit",
        columns: [
          id,
          hospitalCode,
          { name: "visit_date", type: "date" },
          department,
          fen("total_fen"),
          fen("drug_fen"),
          optional("prescriber_id", "40"),
          optional("patient_id_number", "18"),
        ],
        // Raw aggregates and audits read visits by hospital and day range, optionally by department.
        indices: [{ name: "outpatient_visit_period", columnNames: ["hospital_code", "visit_date", "department"] }],
      }),
    );
    await q.createTable(
      new Table({
        name: "inpatient_stay",
        columns: [
          id,
          hospitalCode,
          { name: "admitted_on", type: "date" },
          { name: "discharged_on", type: "date" },
          department,
          fen("total_fen"),
          fen("drug_fen"),
          optional("prescriber_id", "40"),
          optional("patient_id_number", "18"),
          { name: "first_reached_on", type: "date", isNullable: true },
        ],
        indices: [{ name: "inpatient_stay_period", columnNames: ["hospital_code", "discharged_on", "department"] }],
      }),
    );
    await q.createTable(
      new Table({
        name: "follow_up",
        columns: [
          id,
          { name: "stay_id", type: "integer" },
          hospitalCode,
          department,
          { name: "called_on", type: "date" },
          { name: "outcome", type: "varchar", length: "12" },
        ],
        indices: [
          // "Has this stay been reached?" and a stay's calls.
          { name: "follow_up_stay", columnNames: ["stay_id", "outcome"] },
          { name: "follow_up_period", columnNames: ["hospital_code", "called_on", "department"] },
        ],
        foreignKeys: [
          { columnNames: ["stay_id"], referencedTableName: "inpatient_stay", referencedColumnNames: ["id"] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "patient_evaluation",
        columns: [
          id,
          hospitalCode,
          { name: "evaluated_on", type: "date" },
          { name: "channel", type: "varchar", length: "8" },
          { name: "satisfied", type: "boolean" },
          optional("department", "40"),
          { name: "score", type: "integer", isNullable: true },
        ],
        indices: [{ name: "patient_evaluation_period", columnNames: ["hospital_code", "evaluated_on", "channel"] }],
      }),
    );
    await q.createTable(
      new Table({
        name: "daily_rollup",
        columns: [
          { name: "hospital_code", type: "varchar", length: "20", isPrimary: true },
          { name: "day", type: "varchar", length: "10", isPrimary: true },
          { name: "department", type: "varchar", length: "40", isPrimary: true },
          ...ROLLUP_COUNTERS.map((name) => ({
            name,
            type: BIGINT_COUNTERS.has(name) ? "bigint" : "integer",
            default: 0,
          })),
        ],
        // The primary key serves period reads; this one serves department-filtered reads and
        // the list of a hospital's departments.
        indices: [{ name: "daily_rollup_department", columnNames: ["hospital_code", "department", "day"] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "daily_rollup",
      "patient_evaluation",
      "follow_up",
      "inpatient_stay",
      "outpatient_visit",
      "hospital",
    ]) {
      await q.dropTable(table);
    }
  }
}
