import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/** Creates the audit trail table every department's database has. */
export class CreateAuditTrail1764000000000 implements MigrationInterface {
  name = "CreateAuditTrail1764000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "audit_entry",
        columns: [
          { name: "id", type: "integer", isPrimary: true },
          { name: "at", type: "varchar", length: "32" },
          { name: "request_id", type: "varchar", length: "64" },
          { name: "user_id", type: "varchar", length: "120", isNullable: true },
          { name: "roles", type: "varchar", length: "200" },
          { name: "purpose", type: "varchar", length: "200", isNullable: true },
          { name: "id_number", type: "varchar", length: "18", isNullable: true },
          { name: "department", type: "varchar", length: "40" },
          { name: "fields", type: "varchar", length: "1000" },
          { name: "prev_hash", type: "varchar", length: "64" },
          { name: "hash", type: "varchar", length: "64" },
        ],
      }),
    );
    await queryRunner.createIndex(
      "audit_entry",
      new TableIndex({ name: "audit_entry_citizen", columnNames: ["id_number", "id"] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("audit_entry");
  }
}
