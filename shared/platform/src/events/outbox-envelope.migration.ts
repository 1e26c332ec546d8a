import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * The outbox keeps the signed envelope each row was published as: a row published again (after
 * a crash before it was marked sent) goes out byte for byte as before, and is never re-signed.
 */
export class AddOutboxSignedEnvelope1764500000000 implements MigrationInterface {
  name = "AddOutboxSignedEnvelope1764500000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("outbox_event", new TableColumn({ name: "envelope", type: "text", isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("outbox_event", "envelope");
  }
}
