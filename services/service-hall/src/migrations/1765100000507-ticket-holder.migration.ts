import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * A queue ticket's holder, when the hall knows them (an appointment's check-in, a citizen signed
 * in at the machine), and when they were told their number is near ("three away"), so once.
 */
export class TicketHolder1765100000507 implements MigrationInterface {
  name = "TicketHolder1765100000507";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns("queue_ticket", [
      new TableColumn({ name: "holder_id_number", type: "varchar", length: "18", isNullable: true }),
      new TableColumn({ name: "near_notified_at", type: "varchar", length: "32", isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("queue_ticket", "near_notified_at");
    await q.dropColumn("queue_ticket", "holder_id_number");
  }
}
