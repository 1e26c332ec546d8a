import { Table, type MigrationInterface, type QueryRunner } from "typeorm";

/** Medical insurance's tables: enrolments (with their history) and claims. */
export class MedicalInsuranceInitial1763800000002 implements MigrationInterface {
  name = "MedicalInsuranceInitial1763800000002";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "enrolment",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "id_number", type: "varchar", length: "18" },
          { name: "scheme", type: "varchar", length: "12" },
          { name: "status", type: "varchar", length: "8" },
          { name: "credit_code", type: "varchar", length: "18", isNullable: true },
          { name: "since", type: "date" },
          { name: "ended_on", type: "date", isNullable: true },
          { name: "contribution_base_fen", type: "bigint", isNullable: true },
          { name: "monthly_contribution_fen", type: "bigint" },
          { name: "employer_monthly_contribution_fen", type: "bigint" },
          { name: "personal_account_balance_fen", type: "bigint", default: 0 },
          { name: "enrolled_at", type: "varchar", length: "32" },
        ],
        indices: [
          // Citizen.medicalInsurance: ACTIVE enrolments WHERE id_number IN (...).
          { name: "enrolment_person_status", columnNames: ["id_number", "status"] },
          // At most one ACTIVE enrolment per person, even when two enrolments race.
          { name: "enrolment_one_active", columnNames: ["id_number"], isUnique: true, where: "status = 'ACTIVE'" },
          // Employer.insuredEmployeeCount / monthlyContributions: GROUP BY credit_code.
          { name: "enrolment_employer_status", columnNames: ["credit_code", "status"] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "claim",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "id_number", type: "varchar", length: "18" },
          { name: "hospital_code", type: "varchar", length: "32" },
          { name: "visit_date", type: "date" },
          { name: "total_cost_fen", type: "bigint" },
          { name: "drug_cost_fen", type: "bigint" },
          { name: "submitted_at", type: "varchar", length: "32" },
        ],
        // Citizen.insuranceClaims: per person, newest visit first.
        indices: [{ name: "claim_person_visit", columnNames: ["id_number", "visit_date", "id"] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("claim");
    await q.dropTable("enrolment");
  }
}
