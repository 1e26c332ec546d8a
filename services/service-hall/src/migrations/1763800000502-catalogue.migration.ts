import type { MigrationInterface, QueryRunner } from "typeorm";
import { CATALOGUE } from "../catalogue/catalogue.data";

/**
 * Seeds the service guide. It is reference data every installation needs (not demo data), so
 * it travels with the schema; later changes to the guide get migrations of their own.
 */
export class ServiceHallCatalogue1763800000502 implements MigrationInterface {
  name = "ServiceHallCatalogue1763800000502";

  async up(q: QueryRunner): Promise<void> {
    // Plain SQL rather than the entity: a migration must keep working when the entity changes later.
    const columns = [
      "code",
      "name",
      "department",
      "departments",
      "materials",
      "steps",
      "legal_basis",
      "time_limit_days",
      "fee_fen",
      "confirmed_by",
    ];
    const postgres = q.connection.options.type === "postgres";
    const placeholders = columns.map((_, i) => (postgres ? `$${i + 1}` : "?")).join(", ");
    for (const e of CATALOGUE) {
      await q.query(`INSERT INTO service_item (${columns.join(", ")}) VALUES (${placeholders})`, [
        e.code,
        e.name,
        e.department,
        JSON.stringify(e.departments),
        JSON.stringify(e.materials),
        JSON.stringify(e.steps),
        e.legalBasis,
        e.timeLimitDays,
        e.feeFen,
        e.confirmedBy,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM service_item");
  }
}
