import { TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/** A person's queue tickets (`Citizen.queueTickets`) are found by their holder, newest first. */
export class TicketHolderIndex1765100000508 implements MigrationInterface {
  name = "TicketHolderIndex1765100000508";

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      "queue_ticket",
      new TableIndex({ name: "queue_ticket_holder", columnNames: ["holder_id_number", "id"] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("queue_ticket", "queue_ticket_holder");
  }
}
