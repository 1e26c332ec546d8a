import { Table, TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";

// Short citations: they are shown in messages beside the amounts (the README names the titles).
const S2018 = "国发〔2018〕41号";
const S2022 = "国发〔2022〕8号";
const S2023 = "国发〔2023〕13号";
const SPENSION = "财政部 税务总局公告2022年第34号";
const SEXEMPT_2019 = "财政部 税务总局公告2019年第94号";
const SEXEMPT_2021 = "财政部 税务总局公告2021年第42号";
const SEXEMPT_2023 = "财政部 税务总局公告2023年第32号";

/**
 * The limits as published up to 2026: [item, fromYear, toYear, value (fen, or months), source].
 * Written here, not imported, so that this migration seeds the same rows whatever later code
 * says; later changes are new rows through `setTaxLimit` or a new migration.
 */
const LIMITS: [string, number, number | null, number, string][] = [
  ["CHILD_EDUCATION", 2019, 2022, 100_000, S2018],
  ["CHILD_EDUCATION", 2023, null, 200_000, S2023],
  ["INFANT_CARE", 2022, 2022, 100_000, S2022],
  ["INFANT_CARE", 2023, null, 200_000, S2023],
  ["CONTINUING_EDUCATION_DEGREE", 2019, null, 40_000, S2018],
  ["CONTINUING_EDUCATION_DEGREE_MONTHS", 2019, null, 48, S2018],
  ["CONTINUING_EDUCATION_CERTIFICATE", 2019, null, 360_000, S2018],
  ["SERIOUS_ILLNESS", 2019, null, 8_000_000, S2018],
  ["SERIOUS_ILLNESS_THRESHOLD", 2019, null, 1_500_000, S2018],
  ["HOUSING_LOAN_INTEREST", 2019, null, 100_000, S2018],
  ["HOUSING_RENT_TIER_1", 2019, null, 150_000, S2018],
  ["HOUSING_RENT_TIER_2", 2019, null, 110_000, S2018],
  ["HOUSING_RENT_TIER_3", 2019, null, 80_000, S2018],
  ["ELDERLY_SUPPORT", 2019, 2022, 200_000, S2018],
  ["ELDERLY_SUPPORT", 2023, null, 300_000, S2023],
  ["ELDERLY_SUPPORT_SIBLING_SHARE", 2019, 2022, 100_000, S2018],
  ["ELDERLY_SUPPORT_SIBLING_SHARE", 2023, null, 150_000, S2023],
  ["PERSONAL_PENSION", 2022, null, 1_200_000, SPENSION],
  ["RECONCILIATION_EXEMPT_INCOME", 2019, 2020, 12_000_000, SEXEMPT_2019],
  ["RECONCILIATION_EXEMPT_INCOME", 2021, 2023, 12_000_000, SEXEMPT_2021],
  ["RECONCILIATION_EXEMPT_INCOME", 2024, 2027, 12_000_000, SEXEMPT_2023],
  ["RECONCILIATION_EXEMPT_TOP_UP", 2019, 2020, 40_000, SEXEMPT_2019],
  ["RECONCILIATION_EXEMPT_TOP_UP", 2021, 2023, 40_000, SEXEMPT_2021],
  ["RECONCILIATION_EXEMPT_TOP_UP", 2024, 2027, 40_000, SEXEMPT_2023],
];

const RETURN_COLUMNS = [
  new TableColumn({ name: "labour_remuneration_fen", type: "bigint", default: 0 }),
  new TableColumn({ name: "author_remuneration_fen", type: "bigint", default: 0 }),
  new TableColumn({ name: "royalties_fen", type: "bigint", default: 0 }),
  new TableColumn({ name: "additional_deduction_lines", type: "text", isNullable: true }),
  new TableColumn({ name: "exempt", type: "boolean", default: false }),
  new TableColumn({ name: "exemption_reason", type: "varchar", length: "300", isNullable: true }),
  new TableColumn({ name: "late", type: "boolean", default: false }),
];

/**
 * Income tax as the law stands in 2026: the other kinds of comprehensive income, itemised special
 * additional deductions, the reconciliation's exemption and lateness on returns; and the table of
 * limits set by notice, seeded with their sources.
 */
export class IncomeTax2026Law1764800000004 implements MigrationInterface {
  name = "IncomeTax2026Law1764800000004";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns("tax_return", RETURN_COLUMNS);
    await q.createTable(
      new Table({
        name: "tax_limit",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "item", type: "varchar", length: "40" },
          { name: "from_year", type: "integer" },
          { name: "to_year", type: "integer", isNullable: true },
          { name: "value", type: "bigint" },
          { name: "source", type: "varchar", length: "300" },
          { name: "updated_at", type: "varchar", length: "32" },
          { name: "updated_by", type: "varchar", length: "100", isNullable: true },
        ],
        indices: [{ name: "tax_limit_item_year", columnNames: ["item", "from_year"], isUnique: true }],
      }),
    );
    const seededAt = "2026-01-01T00:00:00.000Z";
    const columns = ["item", "from_year", "to_year", "value", "source", "updated_at"];
    const postgres = q.connection.options.type === "postgres";
    const placeholders = columns.map((_, i) => (postgres ? `$${i + 1}` : "?")).join(", ");
    for (const [item, fromYear, toYear, value, source] of LIMITS) {
      await q.query(`INSERT INTO tax_limit (${columns.join(", ")}) VALUES (${placeholders})`, [
        item,
        fromYear,
        toYear,
        value,
        source,
        seededAt,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("tax_limit");
    for (const column of [...RETURN_COLUMNS].reverse()) await q.dropColumn("tax_return", column.name);
  }
}
