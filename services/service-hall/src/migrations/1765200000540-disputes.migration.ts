import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Labor inspection cases (劳动保障监察) and labor dispute mediation cases (劳动争议调解) taken at a
 * centre or a building station, and the mediation sessions.
 */
export class Disputes1765200000540 implements MigrationInterface {
  name = "Disputes1765200000540";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "hall_inspection_case",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "centre", type: "varchar", length: "20" },
          { name: "credit_code", type: "varchar", length: "18" },
          { name: "kind", type: "varchar", length: "10" },
          { name: "complainant_id_number", type: "varchar", length: "18", isNullable: true },
          { name: "subject", type: "varchar", length: "500" },
          { name: "status", type: "varchar", length: "12" },
          { name: "opened_on", type: "date" },
          { name: "findings", type: "varchar", length: "1000", isNullable: true },
          { name: "violation_found", type: "boolean", isNullable: true },
          { name: "findings_on", type: "date", isNullable: true },
          { name: "order_requirement", type: "varchar", length: "500", isNullable: true },
          { name: "order_issued_on", type: "date", isNullable: true },
          { name: "order_working_days", type: "integer", isNullable: true },
          { name: "rectification_deadline", type: "date", isNullable: true },
          { name: "closed_on", type: "date", isNullable: true },
          { name: "conclusion", type: "varchar", length: "500", isNullable: true },
          { name: "revision", type: "integer" },
        ],
        indices: [
          new TableIndex({ name: "hall_inspection_case_employer", columnNames: ["credit_code", "id"] }),
          new TableIndex({ name: "hall_inspection_case_centre", columnNames: ["centre", "status", "id"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "hall_mediation_case",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "centre", type: "varchar", length: "20" },
          { name: "worker_id_number", type: "varchar", length: "18" },
          { name: "credit_code", type: "varchar", length: "18" },
          { name: "claim_fen", type: "bigint" },
          { name: "matter", type: "varchar", length: "500" },
          { name: "applied_on", type: "date" },
          { name: "due_on", type: "date" },
          { name: "status", type: "varchar", length: "8" },
          { name: "outcome", type: "varchar", length: "32", isNullable: true },
          { name: "closed_on", type: "date", isNullable: true },
          { name: "closing_note", type: "varchar", length: "500", isNullable: true },
          { name: "session_count", type: "integer" },
          { name: "revision", type: "integer" },
        ],
        indices: [
          new TableIndex({ name: "hall_mediation_case_employer", columnNames: ["credit_code", "id"] }),
          new TableIndex({ name: "hall_mediation_case_due", columnNames: ["status", "due_on", "id"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "hall_mediation_session",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "case_id", type: "integer" },
          { name: "held_on", type: "date" },
          { name: "note", type: "varchar", length: "500" },
        ],
        indices: [new TableIndex({ name: "hall_mediation_session_case", columnNames: ["case_id", "held_on"] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("hall_mediation_session");
    await q.dropTable("hall_mediation_case");
    await q.dropTable("hall_inspection_case");
  }
}
