import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Adds what makes the trail a record of every act, not only of reads: the client's own request
 * id (beside the gateway's), the token's `jti`, whether the act was served or refused, and why.
 * Nullable without defaults: rows written before this migration keep NULL there, so their hashes
 * (which cover these columns only when `outcome` is set) still verify.
 */
export class AuditActs1764012120000 implements MigrationInterface {
  name = "AuditActs1764012120000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns("audit_entry", [
      new TableColumn({ name: "client_request_id", type: "varchar", length: "64", isNullable: true }),
      new TableColumn({ name: "token_jti", type: "varchar", length: "120", isNullable: true }),
      new TableColumn({ name: "outcome", type: "varchar", length: "16", isNullable: true }),
      new TableColumn({ name: "reason", type: "varchar", length: "500", isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ["reason", "outcome", "token_jti", "client_request_id"])
      await queryRunner.dropColumn("audit_entry", column);
  }
}
