import { Table, type MigrationInterface, type QueryRunner } from "typeorm";

/** Labor-security's tables: citizens, employers, jobs, unemployment, retirement, job postings. */
export class LaborInitial1763800000001 implements MigrationInterface {
  name = "LaborInitial1763800000001";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "citizen",
        columns: [
          { name: "id_number", type: "varchar", length: "18", isPrimary: true },
          { name: "name", type: "varchar", length: "50" },
          { name: "gender", type: "varchar", length: "6" },
          { name: "birth_date", type: "date" },
          { name: "community", type: "varchar", length: "60", isNullable: true },
          { name: "address", type: "varchar", length: "200", isNullable: true },
          { name: "education_level", type: "varchar", length: "20", isNullable: true },
          { name: "housing_status", type: "varchar", length: "20", isNullable: true },
          { name: "household", type: "varchar", length: "40", isNullable: true },
          { name: "employment_status", type: "varchar", length: "20", default: "'NOT_REGISTERED'" },
          { name: "registered_at", type: "varchar", length: "32" },
        ],
        indices: [
          { name: "citizen_community", columnNames: ["community"] },
          { name: "citizen_household", columnNames: ["household"] },
          { name: "citizen_employment_status", columnNames: ["employment_status"] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "employer",
        columns: [
          { name: "credit_code", type: "varchar", length: "18", isPrimary: true },
          { name: "name", type: "varchar", length: "100" },
          { name: "industry", type: "varchar", length: "40", isNullable: true },
          { name: "address", type: "varchar", length: "200", isNullable: true },
          { name: "registered_at", type: "varchar", length: "32" },
        ],
        indices: [{ name: "employer_industry", columnNames: ["industry"] }],
      }),
    );
    await q.createTable(
      new Table({
        name: "employment",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "id_number", type: "varchar", length: "18" },
          { name: "credit_code", type: "varchar", length: "18" },
          { name: "position", type: "varchar", length: "60", isNullable: true },
          { name: "start_date", type: "date" },
          { name: "end_date", type: "date", isNullable: true },
        ],
        indices: [
          { name: "employment_person", columnNames: ["id_number", "end_date"] },
          { name: "employment_employer", columnNames: ["credit_code"] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "unemployment_registration",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "id_number", type: "varchar", length: "18" },
          { name: "registered_on", type: "date" },
          { name: "reason", type: "varchar", length: "200", isNullable: true },
          { name: "status", type: "varchar", length: "10" },
          { name: "closed_on", type: "date", isNullable: true },
        ],
        indices: [{ name: "unemployment_person", columnNames: ["id_number", "status"] }],
      }),
    );
    await q.createTable(
      new Table({
        name: "retirement",
        columns: [
          { name: "id_number", type: "varchar", length: "18", isPrimary: true },
          { name: "retired_on", type: "date" },
          { name: "approved_at", type: "varchar", length: "32" },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "job_posting",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "credit_code", type: "varchar", length: "18" },
          { name: "title", type: "varchar", length: "100" },
          { name: "requirements", type: "varchar", length: "500", isNullable: true },
          { name: "gender_requirement", type: "varchar", length: "6", default: "'ANY'" },
          { name: "min_age", type: "integer", isNullable: true },
          { name: "max_age", type: "integer", isNullable: true },
          { name: "salary_min_fen", type: "bigint" },
          { name: "salary_max_fen", type: "bigint" },
          { name: "vacancies", type: "integer" },
          { name: "published_on", type: "date" },
          { name: "expires_on", type: "date", isNullable: true },
        ],
        indices: [
          { name: "job_posting_employer", columnNames: ["credit_code"] },
          { name: "job_posting_published", columnNames: ["published_on", "id"] },
          { name: "job_posting_expires", columnNames: ["expires_on"] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "job_posting",
      "retirement",
      "unemployment_registration",
      "employment",
      "employer",
      "citizen",
    ]) {
      await q.dropTable(table);
    }
  }
}
