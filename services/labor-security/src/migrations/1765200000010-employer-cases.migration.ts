import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/** An employer's labor inspection and dispute mediation cases, kept from the service hall's events. */
export class EmployerCases1765200000010 implements MigrationInterface {
  name = "EmployerCases1765200000010";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "labor_employer_inspection",
        columns: [
          { name: "inspection_id", type: "integer", isPrimary: true },
          { name: "credit_code", type: "varchar", length: "18" },
          { name: "centre", type: "varchar", length: "20" },
          { name: "kind", type: "varchar", length: "10" },
          { name: "status", type: "varchar", length: "12" },
          { name: "opened_on", type: "date" },
          { name: "violation_found", type: "boolean", isNullable: true },
          { name: "rectification_deadline", type: "date", isNullable: true },
          { name: "closed_on", type: "date", isNullable: true },
          { name: "revision", type: "integer" },
        ],
        indices: [
          new TableIndex({ name: "labor_employer_inspection_employer", columnNames: ["credit_code", "inspection_id"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "labor_employer_dispute",
        columns: [
          { name: "mediation_id", type: "integer", isPrimary: true },
          { name: "credit_code", type: "varchar", length: "18" },
          { name: "centre", type: "varchar", length: "20" },
          { name: "id_number", type: "varchar", length: "18" },
          { name: "claim_fen", type: "bigint" },
          { name: "applied_on", type: "date" },
          { name: "due_on", type: "date" },
          { name: "sessions", type: "integer" },
          { name: "status", type: "varchar", length: "8" },
          { name: "outcome", type: "varchar", length: "32", isNullable: true },
          { name: "closed_on", type: "date", isNullable: true },
          { name: "revision", type: "integer" },
        ],
        indices: [
          new TableIndex({ name: "labor_employer_dispute_employer", columnNames: ["credit_code", "mediation_id"] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("labor_employer_dispute");
    await q.dropTable("labor_employer_inspection");
  }
}
