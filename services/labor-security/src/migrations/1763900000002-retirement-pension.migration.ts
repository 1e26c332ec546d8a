import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";

/** Retirements record the monthly basic pension awarded, which tax records as exempt income. */
export class RetirementPension1763900000002 implements MigrationInterface {
  name = "RetirementPension1763900000002";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("retirement", new TableColumn({ name: "monthly_pension_fen", type: "bigint", isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("retirement", "monthly_pension_fen");
  }
}
