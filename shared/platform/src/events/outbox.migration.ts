import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/** Creates the outbox table every department's database has. */
export class CreateOutbox1763800000000 implements MigrationInterface {
  name = "CreateOutbox1763800000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "outbox_event",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "sequence", type: "bigint" },
          { name: "type", type: "varchar", length: "120" },
          { name: "source", type: "varchar", length: "60" },
          { name: "subject", type: "varchar", length: "64" },
          { name: "occurred_at", type: "varchar", length: "32" },
          { name: "data", type: "text" },
          { name: "trace_id", type: "varchar", length: "64", isNullable: true },
          { name: "sent_at", type: "varchar", length: "32", isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      "outbox_event",
      new TableIndex({ name: "outbox_event_pending", columnNames: ["sent_at", "sequence"] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("outbox_event");
  }
}
