import { Table, TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";

/** The hall's own centre (`HOME_CENTRE`, repeated: a migration keeps its own values). */
const HOME_CENTRE = { code: "KAIXUAN", name: "凯旋街道综合服务中心", recallWindowMinutes: 30 };

/**
 * Missed tickets (过号) and transfers (转号): the centres the hall knows with their recall
 * window (the hall's own seeded), and on each ticket its centre, when it was skipped and the
 * category it was transferred from.
 */
export class QueueSkipTransfer1765100000505 implements MigrationInterface {
  name = "QueueSkipTransfer1765100000505";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "hall_centre_setting",
        columns: [
          { name: "code", type: "varchar", length: "20", isPrimary: true },
          { name: "name", type: "varchar", length: "60" },
          { name: "recall_window_minutes", type: "integer" },
        ],
      }),
    );
    const postgres = q.connection.options.type === "postgres";
    await q.query(
      `INSERT INTO hall_centre_setting (code, name, recall_window_minutes) VALUES (${postgres ? "$1, $2, $3" : "?, ?, ?"})`,
      [HOME_CENTRE.code, HOME_CENTRE.name, HOME_CENTRE.recallWindowMinutes],
    );
    await q.addColumns("queue_ticket", [
      new TableColumn({ name: "centre", type: "varchar", length: "20", default: `'${HOME_CENTRE.code}'` }),
      new TableColumn({ name: "skipped_at", type: "varchar", length: "32", isNullable: true }),
      new TableColumn({ name: "transferred_from", type: "varchar", length: "24", isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    // A skipped ticket has no meaning before this migration: it goes back to called.
    await q.query("UPDATE queue_ticket SET status = 'CALLED' WHERE status = 'SKIPPED'");
    await q.dropColumn("queue_ticket", "transferred_from");
    await q.dropColumn("queue_ticket", "skipped_at");
    await q.dropColumn("queue_ticket", "centre");
    await q.dropTable("hall_centre_setting");
  }
}
