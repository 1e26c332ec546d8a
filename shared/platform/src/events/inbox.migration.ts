import { Table, type MigrationInterface, type QueryRunner } from "typeorm";

/** The inbox and dead-letter tables every consuming department's database has. */
export class CreateInboxAndDeadLetters1763900000000 implements MigrationInterface {
  name = "CreateInboxAndDeadLetters1763900000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "inbox_event",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "type", type: "varchar", length: "120" },
          { name: "applied_at", type: "varchar", length: "32" },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "dead_letter",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "type", type: "varchar", length: "120" },
          { name: "subject", type: "varchar", length: "64" },
          { name: "envelope", type: "text" },
          { name: "error", type: "text" },
          { name: "attempts", type: "integer" },
          { name: "failed_at", type: "varchar", length: "32" },
          { name: "replayed_at", type: "varchar", length: "32", isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("dead_letter");
    await queryRunner.dropTable("inbox_event");
  }
}
