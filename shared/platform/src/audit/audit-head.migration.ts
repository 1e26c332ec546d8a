import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * The signed heads of the audit chain (see `AuditTrail`), and, on PostgreSQL, an append-only
 * audit trail for every role but the tables' owner: whatever the database granted the
 * department's runtime role (Compose and Kubernetes grant it read and write on the owner's tables
 * by default privileges), it keeps only SELECT and INSERT on `audit_entry`, and on `audit_head`
 * SELECT, INSERT and UPDATE of `sent_at` (the relay marks what it published). The owner runs the
 * migrations and never serves requests.
 */
export class SignedAuditHeads1765200000000 implements MigrationInterface {
  name = "SignedAuditHeads1765200000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "audit_head",
        columns: [
          { name: "id", type: "integer", isPrimary: true },
          { name: "from_id", type: "integer" },
          { name: "hash", type: "varchar", length: "64" },
          { name: "at", type: "varchar", length: "32" },
          { name: "signature", type: "varchar", length: "100" },
          { name: "sent_at", type: "varchar", length: "32", isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      "audit_head",
      new TableIndex({ name: "audit_head_unsent", columnNames: ["id"], where: "sent_at IS NULL" }),
    );
    if (queryRunner.connection.options.type !== "postgres") return;
    await queryRunner.query(`
      DO $$
      DECLARE grantee text;
      BEGIN
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_head FROM PUBLIC;
        FOR grantee IN
          SELECT DISTINCT pg_get_userbyid(a.grantee) FROM pg_class c, aclexplode(c.relacl) a
          WHERE c.oid IN ('audit_entry'::regclass, 'audit_head'::regclass) AND a.grantee NOT IN (0, c.relowner)
        LOOP
          EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_head FROM %I', grantee);
          EXECUTE format('GRANT SELECT, INSERT ON audit_entry, audit_head TO %I', grantee);
          EXECUTE format('GRANT UPDATE (sent_at) ON audit_head TO %I', grantee);
        END LOOP;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("audit_head");
  }
}
