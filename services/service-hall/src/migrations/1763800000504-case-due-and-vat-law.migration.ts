import { TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/** What TX003 cited before the VAT Law came into force on 2026-01-01. */
const PROVISIONAL_VAT_REGULATIONS = "《中华人民共和国增值税暂行条例》";
/** TX003's legal basis from 2026-01-01 (catalogue.data.ts `VAT_LAW`, repeated: a migration keeps its own values). */
const VAT_LAW = "《中华人民共和国增值税法》";

/**
 * The on-time rate counts cases by their deadline (completed, or open past it), so it gets a
 * covering index like the completed count's; and the guide's VAT item cites the VAT Law, in force
 * since 2026-01-01, instead of the Provisional Regulations it replaced.
 */
export class ServiceHallCaseDueAndVatLaw1763800000504 implements MigrationInterface {
  name = "ServiceHallCaseDueAndVatLaw1763800000504";

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      "hall_case",
      new TableIndex({
        name: "hall_case_due",
        columnNames: ["deadline", "window_code", "department", "completed_on"],
      }),
    );
    await this.setVatBasis(q, PROVISIONAL_VAT_REGULATIONS, VAT_LAW);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.setVatBasis(q, VAT_LAW, PROVISIONAL_VAT_REGULATIONS);
    await q.dropIndex("hall_case", "hall_case_due");
  }

  private async setVatBasis(q: QueryRunner, from: string, to: string): Promise<void> {
    const postgres = q.connection.options.type === "postgres";
    const [a, b] = postgres ? ["$1", "$2"] : ["?", "?"];
    await q.query(`UPDATE service_item SET legal_basis = ${a} WHERE code = 'TX003' AND legal_basis = ${b}`, [to, from]);
  }
}
