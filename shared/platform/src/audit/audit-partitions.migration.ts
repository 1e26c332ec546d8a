import type { MigrationInterface, QueryRunner } from "typeorm";
import { convertToPartitioned, convertToPlain } from "../db/partitions";
import { PLATFORM_PARTITIONS } from "../db/platform-partitions";

const AUDIT = PLATFORM_PARTITIONS.find((p) => p.table === "audit_entry")!;

/**
 * On PostgreSQL, the audit trail becomes a table partitioned by year, rows kept (see
 * `convertToPartitioned`). A partitioned table's key must hold the partition key, so the trail's
 * key (writer, id) can no longer be checked by `audit_entry` itself: `audit_entry_key` keeps it,
 * filled by a statement trigger of the trail, so an append from a stale chain head (or a row
 * added behind the department's back with an id its chain has) still fails as a duplicate, and
 * the writer's append stays one statement. SQLite keeps the plain table and its key.
 */
export class PartitionAuditTrail1765400000001 implements MigrationInterface {
  name = "PartitionAuditTrail1765400000001";

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== "postgres") return;
    await convertToPartitioned(q, AUDIT);
    await q.query(
      "CREATE TABLE audit_entry_key (writer varchar(40) NOT NULL, id integer NOT NULL, CONSTRAINT audit_entry_key_pk PRIMARY KEY (writer, id))",
    );
    await q.query("INSERT INTO audit_entry_key (writer, id) SELECT writer, id FROM audit_entry");
    await q.query(`
      CREATE FUNCTION audit_entry_key_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_entry_key (writer, id) SELECT writer, id FROM added;
        RETURN NULL;
      END $$`);
    // Only the owner may remove rows: the keys go with them, so a removed row may be put back.
    await q.query(`
      CREATE FUNCTION audit_entry_key_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM audit_entry_key k USING removed r WHERE k.writer = r.writer AND k.id = r.id;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_entry_key_added AFTER INSERT ON audit_entry REFERENCING NEW TABLE AS added
       FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_key_added()`,
    );
    await q.query(
      `CREATE TRIGGER audit_entry_key_removed AFTER DELETE ON audit_entry REFERENCING OLD TABLE AS removed
       FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_key_removed()`,
    );
    // As the trail's: whoever may append to the trail may append keys; nobody but the owner may
    // change or remove one.
    await q.query(`
      DO $$
      DECLARE grantee text;
      BEGIN
        REVOKE ALL ON audit_entry_key FROM PUBLIC;
        FOR grantee IN
          SELECT DISTINCT pg_get_userbyid(a.grantee) FROM pg_class c, aclexplode(c.relacl) a
          WHERE c.oid IN ('audit_entry'::regclass, 'audit_entry_key'::regclass) AND a.grantee NOT IN (0, c.relowner)
        LOOP
          EXECUTE format('REVOKE ALL ON audit_entry_key FROM %I', grantee);
          EXECUTE format('GRANT SELECT, INSERT ON audit_entry_key TO %I', grantee);
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== "postgres") return;
    await q.query("DROP TRIGGER audit_entry_key_added ON audit_entry");
    await q.query("DROP TRIGGER audit_entry_key_removed ON audit_entry");
    await q.query("DROP FUNCTION audit_entry_key_added()");
    await q.query("DROP FUNCTION audit_entry_key_removed()");
    await q.query("DROP TABLE audit_entry_key");
    await convertToPlain(q, AUDIT, ["writer", "id"]);
  }
}
