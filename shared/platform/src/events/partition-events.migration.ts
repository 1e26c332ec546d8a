import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { convertToPartitioned, convertToPlain } from "../db/partitions";
import { PLATFORM_PARTITIONS } from "../db/platform-partitions";

const spec = (table: string) => PLATFORM_PARTITIONS.find((p) => p.table === table)!;

/**
 * On PostgreSQL, the outbox and the inbox become tables partitioned by month, rows kept (see
 * `convertToPartitioned`), so the maintenance job drops a month past its retention at once; the
 * inbox records each event's own time, its partition key. SQLite keeps plain tables; the inbox
 * gains the column there too.
 */
export class PartitionEvents1765400000000 implements MigrationInterface {
  name = "PartitionEvents1765400000000";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      "inbox_event",
      new TableColumn({ name: "occurred_at", type: "varchar", length: "32", default: "''" }),
    );
    // Events applied before kept no time of their own: when they were applied is the nearest.
    await q.query("UPDATE inbox_event SET occurred_at = applied_at");
    if (q.connection.options.type !== "postgres") return;
    await q.query("ALTER TABLE inbox_event ALTER COLUMN occurred_at DROP DEFAULT");
    await convertToPartitioned(q, spec("outbox_event"));
    await convertToPartitioned(q, spec("inbox_event"));
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === "postgres") {
      await convertToPlain(q, spec("inbox_event"), ["id"]);
      await convertToPlain(q, spec("outbox_event"), ["id"]);
    }
    await q.dropColumn("inbox_event", "occurred_at");
  }
}
