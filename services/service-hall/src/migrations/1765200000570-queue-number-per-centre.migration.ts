import { TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

const NUMBER_BY_HALL = new TableIndex({
  name: "queue_ticket_number",
  columnNames: ["day", "category", "seq"],
  isUnique: true,
});
const WAITING_BY_HALL = new TableIndex({
  name: "queue_ticket_waiting",
  columnNames: ["day", "status", "category", "green_channel", "id"],
});
const NUMBER_BY_CENTRE = new TableIndex({
  name: "queue_ticket_centre_number",
  columnNames: ["day", "centre", "category", "seq"],
  isUnique: true,
});
const WAITING_BY_CENTRE = new TableIndex({
  name: "queue_ticket_centre_waiting",
  columnNames: ["day", "centre", "status", "category", "green_channel", "id"],
});

/**
 * Queue numbers per centre: every centre's ticket machine starts at A001 each day, so the unique
 * number (and the race it settles between two machines) is per day, centre and category, and a
 * window calls the waiting tickets of its own centre through an index that leads with it.
 * Going down fails while two centres hold the same number on one day (the old index cannot hold them).
 */
export class QueueNumberPerCentre1765200000570 implements MigrationInterface {
  name = "QueueNumberPerCentre1765200000570";

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex("queue_ticket", NUMBER_BY_HALL.name!);
    await q.dropIndex("queue_ticket", WAITING_BY_HALL.name!);
    await q.createIndex("queue_ticket", NUMBER_BY_CENTRE.clone());
    await q.createIndex("queue_ticket", WAITING_BY_CENTRE.clone());
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("queue_ticket", WAITING_BY_CENTRE.name!);
    await q.dropIndex("queue_ticket", NUMBER_BY_CENTRE.name!);
    await q.createIndex("queue_ticket", WAITING_BY_HALL.clone());
    await q.createIndex("queue_ticket", NUMBER_BY_HALL.clone());
  }
}
