import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { BENEFIT_LEVEL_SEED } from "../benefit/benefit.data";

/**
 * Unemployment benefit (its level by area, seeded; claims; monthly payments, unique per person and
 * month) and relief for retirees in hardship (campaigns, grants unique per campaign and person,
 * the community's hardship flags).
 */
export class BenefitAndRelief1764900000005 implements MigrationInterface {
  name = "BenefitAndRelief1764900000005";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "unemployment_benefit_level",
        columns: [
          { name: "code", type: "varchar", length: "20", isPrimary: true },
          { name: "name", type: "varchar", length: "40" },
          { name: "monthly_amount_fen", type: "bigint" },
          { name: "source", type: "varchar", length: "500" },
          { name: "updated_at", type: "varchar", length: "32" },
        ],
      }),
    );
    const postgres = q.connection.options.type === "postgres";
    const p = (i: number) => (postgres ? `$${i}` : "?");
    // Plain SQL rather than the entity: a migration must keep working when the entity changes later.
    for (const r of BENEFIT_LEVEL_SEED) {
      await q.query(
        `INSERT INTO unemployment_benefit_level (code, name, monthly_amount_fen, source, updated_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})`,
        [r.code, r.name, r.monthlyAmountFen, r.source, "2025-01-01T00:00:00.000Z"],
      );
    }
    await q.createTable(
      new Table({
        name: "unemployment_benefit_claim",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "id_number", type: "varchar", length: "18" },
          { name: "registration_id", type: "integer" },
          { name: "claimed_on", type: "date" },
          { name: "insured_months", type: "integer" },
          { name: "insured_derived", type: "boolean" },
          { name: "entitlement_months", type: "integer" },
          { name: "level_code", type: "varchar", length: "20" },
          { name: "stopped_on", type: "date", isNullable: true },
          { name: "stop_reason", type: "varchar", length: "200", isNullable: true },
        ],
        indices: [
          new TableIndex({ name: "IDX_benefit_claim_person", columnNames: ["id_number"] }),
          new TableIndex({ name: "UQ_benefit_claim_registration", columnNames: ["registration_id"], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "unemployment_benefit_payment",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "id_number", type: "varchar", length: "18" },
          { name: "claim_id", type: "integer" },
          { name: "month", type: "varchar", length: "7" },
          { name: "amount_fen", type: "bigint" },
          { name: "paid_at", type: "varchar", length: "32" },
        ],
        indices: [
          // The idempotence of the monthly run: one payment per person and month.
          new TableIndex({
            name: "UQ_benefit_payment_person_month",
            columnNames: ["id_number", "month"],
            isUnique: true,
          }),
          new TableIndex({ name: "IDX_benefit_payment_month", columnNames: ["month", "id"] }),
          new TableIndex({ name: "IDX_benefit_payment_claim", columnNames: ["claim_id"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "relief_campaign",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "name", type: "varchar", length: "60" },
          { name: "season", type: "varchar", length: "6" },
          { name: "year", type: "integer" },
          { name: "budget_fen", type: "bigint" },
          { name: "pension_threshold_fen", type: "bigint", isNullable: true },
          { name: "opened_at", type: "varchar", length: "32" },
        ],
        indices: [
          new TableIndex({ name: "UQ_relief_campaign_year_season", columnNames: ["year", "season"], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "relief_grant",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "campaign_id", type: "integer" },
          { name: "id_number", type: "varchar", length: "18" },
          { name: "amount_fen", type: "bigint" },
          { name: "ground", type: "varchar", length: "30" },
          { name: "granted_on", type: "date" },
        ],
        indices: [
          // Once per campaign and person.
          new TableIndex({
            name: "UQ_relief_grant_campaign_person",
            columnNames: ["campaign_id", "id_number"],
            isUnique: true,
          }),
          new TableIndex({ name: "IDX_relief_grant_person", columnNames: ["id_number"] }),
          new TableIndex({ name: "IDX_relief_grant_day", columnNames: ["granted_on"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "relief_hardship_flag",
        columns: [
          { name: "id_number", type: "varchar", length: "18", isPrimary: true },
          { name: "reason", type: "varchar", length: "200" },
          { name: "flagged_on", type: "date" },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("relief_hardship_flag");
    await q.dropTable("relief_grant");
    await q.dropTable("relief_campaign");
    await q.dropTable("unemployment_benefit_payment");
    await q.dropTable("unemployment_benefit_claim");
    await q.dropTable("unemployment_benefit_level");
  }
}
