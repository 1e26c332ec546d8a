import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

const optional = (name: string, length: string) => ({ name, type: "varchar", length, isNullable: true });

/**
 * Access grants for prescriber statistics (统方). The statistics themselves read visits and stays
 * through the existing (hospital, day) indexes.
 */
export class PrescriberGrants1764100000403 implements MigrationInterface {
  name = "PrescriberGrants1764100000403";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "prescriber_stats_grant",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "hospital_code", type: "varchar", length: "20" },
          { name: "period_from", type: "date" },
          { name: "period_to", type: "date" },
          { name: "reason", type: "varchar", length: "500" },
          { name: "requested_by", type: "varchar", length: "120" },
          { name: "requested_at", type: "varchar", length: "32" },
          { name: "state", type: "varchar", length: "10" },
          optional("approved_by", "120"),
          optional("approved_at", "32"),
          optional("expires_at", "32"),
          optional("revoked_by", "120"),
          optional("revoked_at", "32"),
        ],
      }),
    );
    await q.createIndex(
      "prescriber_stats_grant",
      new TableIndex({ name: "prescriber_stats_grant_hospital", columnNames: ["hospital_code", "requested_at"] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("prescriber_stats_grant");
  }
}
