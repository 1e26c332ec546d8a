import { Table, type MigrationInterface, type QueryRunner } from "typeorm";

/** Tax's tables: annual returns, withholding returns, exempt pension income. */
export class TaxInitial1763800000003 implements MigrationInterface {
  name = "TaxInitial1763800000003";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "tax_return",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "id_number", type: "varchar", length: "18" },
          { name: "year", type: "integer" },
          { name: "wage_income_fen", type: "bigint" },
          { name: "pension_income_fen", type: "bigint" },
          { name: "special_deductions_fen", type: "bigint" },
          { name: "additional_deductions_fen", type: "bigint" },
          { name: "taxable_income_fen", type: "bigint" },
          { name: "tax_due_fen", type: "bigint" },
          { name: "tax_withheld_fen", type: "bigint" },
          { name: "supersedes_id", type: "integer", isNullable: true },
          { name: "filed_at", type: "varchar", length: "32" },
          { name: "superseded_at", type: "varchar", length: "32", isNullable: true },
        ],
        indices: [
          // Summary of a year and the full history of a person.
          { name: "tax_return_person_year", columnNames: ["id_number", "year", "superseded_at"] },
          // At most one return in force per person and year, whatever races the service loses.
          {
            name: "tax_return_in_force",
            columnNames: ["id_number", "year"],
            isUnique: true,
            where: "superseded_at IS NULL",
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "withholding_return",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "credit_code", type: "varchar", length: "18" },
          { name: "period", type: "varchar", length: "7" },
          { name: "employees", type: "integer" },
          { name: "wages_total_fen", type: "bigint" },
          { name: "tax_withheld_fen", type: "bigint" },
          { name: "tax_paid_fen", type: "bigint" },
          { name: "supersedes_id", type: "integer", isNullable: true },
          { name: "filed_at", type: "varchar", length: "32" },
          { name: "superseded_at", type: "varchar", length: "32", isNullable: true },
        ],
        indices: [
          // Pages, standing and arrears of a batch of employers, returns in force first.
          { name: "withholding_return_employer", columnNames: ["credit_code", "superseded_at", "period"] },
          // At most one return in force per employer and month.
          {
            name: "withholding_return_in_force",
            columnNames: ["credit_code", "period"],
            isUnique: true,
            where: "superseded_at IS NULL",
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "pension_income",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "id_number", type: "varchar", length: "18" },
          { name: "year", type: "integer" },
          { name: "amount_fen", type: "bigint" },
          { name: "source", type: "varchar", length: "120" },
          { name: "source_ref", type: "varchar", length: "64" },
          { name: "recorded_at", type: "varchar", length: "32" },
        ],
        indices: [
          { name: "pension_income_person_year", columnNames: ["id_number", "year"] },
          { name: "pension_income_source_ref", columnNames: ["source_ref"], isUnique: true },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["pension_income", "withholding_return", "tax_return"]) await q.dropTable(table);
  }
}
