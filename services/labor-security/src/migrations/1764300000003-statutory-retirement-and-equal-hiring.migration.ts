import { Table, TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { RETIREMENT_AGE_RULES } from "../retirement-age/retirement-age.data";

/**
 * The statutory retirement age tables of the 2024 decision (seeded: reference data every
 * installation needs, changed later only by the audited mutation), a citizen's post category
 * for them, the ground of an early retirement, and the ground of a posting's gender requirement.
 */
export class StatutoryRetirementAndEqualHiring1764300000003 implements MigrationInterface {
  name = "StatutoryRetirementAndEqualHiring1764300000003";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "retirement_age_rule",
        columns: [
          { name: "code", type: "varchar", length: "20", isPrimary: true },
          { name: "gender", type: "varchar", length: "6" },
          { name: "category", type: "varchar", length: "10", isNullable: true },
          { name: "original_age_years", type: "integer" },
          { name: "start_birth_month", type: "varchar", length: "7" },
          { name: "step_birth_months", type: "integer" },
          { name: "target_age_years", type: "integer" },
          { name: "max_early_months", type: "integer" },
          { name: "max_delay_months", type: "integer" },
          { name: "source", type: "varchar", length: "500" },
          { name: "updated_at", type: "varchar", length: "32" },
        ],
      }),
    );
    // Plain SQL rather than the entity: a migration must keep working when the entity changes later.
    const columns = [
      "code",
      "gender",
      "category",
      "original_age_years",
      "start_birth_month",
      "step_birth_months",
      "target_age_years",
      "max_early_months",
      "max_delay_months",
      "source",
      "updated_at",
    ];
    const postgres = q.connection.options.type === "postgres";
    const placeholders = columns.map((_, i) => (postgres ? `$${i + 1}` : "?")).join(", ");
    for (const r of RETIREMENT_AGE_RULES) {
      await q.query(`INSERT INTO retirement_age_rule (${columns.join(", ")}) VALUES (${placeholders})`, [
        r.code,
        r.gender,
        r.category,
        r.originalAgeYears,
        r.startBirthMonth,
        r.stepBirthMonths,
        r.targetAgeYears,
        r.maxEarlyMonths,
        r.maxDelayMonths,
        r.source,
        // The decision's date of effect, not the migration's: the row is what the law set then.
        "2025-01-01T00:00:00.000Z",
      ]);
    }
    await q.addColumn(
      "citizen",
      new TableColumn({ name: "retirement_category", type: "varchar", length: "10", isNullable: true }),
    );
    await q.addColumns("retirement", [
      new TableColumn({ name: "early_retirement_ground", type: "varchar", length: "40", isNullable: true }),
      new TableColumn({ name: "ground_reference", type: "varchar", length: "100", isNullable: true }),
    ]);
    // Existing postings keep their stored gender; without a ground the board shows them as ANY.
    await q.addColumn(
      "job_posting",
      new TableColumn({ name: "gender_requirement_ground", type: "varchar", length: "40", isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("job_posting", "gender_requirement_ground");
    await q.dropColumn("retirement", "ground_reference");
    await q.dropColumn("retirement", "early_retirement_ground");
    await q.dropColumn("citizen", "retirement_category");
    await q.dropTable("retirement_age_rule");
  }
}
