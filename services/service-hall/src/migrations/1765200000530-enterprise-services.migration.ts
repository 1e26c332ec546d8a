import { Table, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Building stations' enterprise services: the buildings a station serves, which building each
 * company is in (one at a time), and one row per service given, keeping the station of the day.
 */
export class EnterpriseServices1765200000530 implements MigrationInterface {
  name = "EnterpriseServices1765200000530";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "hall_building",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "name", type: "varchar", length: "60", isUnique: true },
          { name: "address", type: "varchar", length: "120" },
          { name: "station", type: "varchar", length: "20" },
        ],
        indices: [{ name: "hall_building_station", columnNames: ["station"] }],
      }),
    );
    await q.createTable(
      new Table({
        name: "hall_building_company",
        columns: [
          { name: "credit_code", type: "varchar", length: "18", isPrimary: true },
          { name: "building_id", type: "integer" },
        ],
        indices: [{ name: "hall_building_company_building", columnNames: ["building_id", "credit_code"] }],
      }),
    );
    await q.createTable(
      new Table({
        name: "hall_enterprise_service",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "credit_code", type: "varchar", length: "18" },
          { name: "building_id", type: "integer" },
          { name: "station", type: "varchar", length: "20" },
          { name: "kind", type: "varchar", length: "20" },
          { name: "service_date", type: "date" },
          { name: "staff_number", type: "varchar", length: "20" },
          { name: "note", type: "varchar", length: "500", isNullable: true },
          { name: "recorded_at", type: "varchar", length: "32" },
        ],
        indices: [
          { name: "hall_enterprise_service_station", columnNames: ["station", "service_date", "kind", "credit_code"] },
          { name: "hall_enterprise_service_company", columnNames: ["credit_code", "service_date"] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("hall_enterprise_service");
    await q.dropTable("hall_building_company");
    await q.dropTable("hall_building");
  }
}
