import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * How long past its last fresh moment a used context id is kept: well over the clock difference
 * between hosts, so that no replica can still take a context as fresh once its row is gone.
 */
const KEEP_MS = 60_000;

/** Creates the used-context table (and its pruning trigger) every department's database has. */
export class CreateUsedContexts1764460000000 implements MigrationInterface {
  name = "CreateUsedContexts1764460000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE used_context (id varchar(64) PRIMARY KEY, expires_at bigint NOT NULL)");
    await queryRunner.query("CREATE INDEX used_context_expiry ON used_context (expires_at)");
    if (queryRunner.connection.options.type === "postgres") {
      await queryRunner.query(`CREATE FUNCTION used_context_prune() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM used_context WHERE expires_at < NEW.expires_at - ${KEEP_MS};
          RETURN NULL;
        END $$`);
      await queryRunner.query(
        "CREATE TRIGGER used_context_prune AFTER INSERT ON used_context FOR EACH ROW EXECUTE FUNCTION used_context_prune()",
      );
    } else {
      await queryRunner.query(`CREATE TRIGGER used_context_prune AFTER INSERT ON used_context BEGIN
        DELETE FROM used_context WHERE expires_at < NEW.expires_at - ${KEEP_MS};
      END`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === "postgres") {
      await queryRunner.query("DROP TRIGGER used_context_prune ON used_context");
      await queryRunner.query("DROP FUNCTION used_context_prune()");
    }
    await queryRunner.query("DROP TABLE used_context");
  }
}
