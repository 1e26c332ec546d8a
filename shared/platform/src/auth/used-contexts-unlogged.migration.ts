import type { MigrationInterface, QueryRunner } from "typeorm";

const KEEP_MS = 60_000;
/** One insert in this many prunes (by the id's expiry, which the gateway's clock sets, not a client). */
const PRUNE_EVERY = 16;

/**
 * The used-context table costs every department request one insert, so it is made cheap: on
 * PostgreSQL an UNLOGGED table (no WAL, so no flush at each commit; after a crash the table is
 * empty, which lets through only a replay of a context signed in the 30 seconds before the crash),
 * and on both databases the pruning trigger fires on one insert in {@link PRUNE_EVERY} instead of
 * every one. The table still holds at most about ninety seconds of requests, plus a few.
 */
export class UsedContextsUnlogged1764470000000 implements MigrationInterface {
  name = "UsedContextsUnlogged1764470000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === "postgres") {
      await queryRunner.query("ALTER TABLE used_context SET UNLOGGED");
      await queryRunner.query("DROP TRIGGER used_context_prune ON used_context");
      await queryRunner.query(
        `CREATE TRIGGER used_context_prune AFTER INSERT ON used_context FOR EACH ROW WHEN (NEW.expires_at % ${PRUNE_EVERY} = 0) EXECUTE FUNCTION used_context_prune()`,
      );
    } else {
      await queryRunner.query("DROP TRIGGER used_context_prune");
      await queryRunner.query(`CREATE TRIGGER used_context_prune AFTER INSERT ON used_context WHEN NEW.expires_at % ${PRUNE_EVERY} = 0 BEGIN
        DELETE FROM used_context WHERE expires_at < NEW.expires_at - ${KEEP_MS};
      END`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === "postgres") {
      await queryRunner.query("DROP TRIGGER used_context_prune ON used_context");
      await queryRunner.query(
        "CREATE TRIGGER used_context_prune AFTER INSERT ON used_context FOR EACH ROW EXECUTE FUNCTION used_context_prune()",
      );
      await queryRunner.query("ALTER TABLE used_context SET LOGGED");
    } else {
      await queryRunner.query("DROP TRIGGER used_context_prune");
      await queryRunner.query(`CREATE TRIGGER used_context_prune AFTER INSERT ON used_context BEGIN
        DELETE FROM used_context WHERE expires_at < NEW.expires_at - ${KEEP_MS};
      END`);
    }
  }
}
