import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Appointments (预约): the schedule an administrator sets per centre and item (opening hours,
 * slot length, places per slot, how far ahead), one counter row per slot booked into (the
 * conditional update on it keeps the last place from being taken twice), the appointments, and
 * on a queue ticket the appointment it was issued for and the slot's start.
 */
export class Appointments1765100000506 implements MigrationInterface {
  name = "Appointments1765100000506";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "hall_appointment_schedule",
        columns: [
          { name: "centre", type: "varchar", length: "20", isPrimary: true },
          { name: "item_code", type: "varchar", length: "10", isPrimary: true },
          { name: "opens_at", type: "varchar", length: "5" },
          { name: "closes_at", type: "varchar", length: "5" },
          { name: "slot_minutes", type: "integer" },
          { name: "capacity", type: "integer" },
          { name: "days_ahead", type: "integer" },
          { name: "updated_at", type: "varchar", length: "32" },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "hall_appointment_slot",
        columns: [
          { name: "centre", type: "varchar", length: "20", isPrimary: true },
          { name: "item_code", type: "varchar", length: "10", isPrimary: true },
          { name: "day", type: "date", isPrimary: true },
          { name: "start_time", type: "varchar", length: "5", isPrimary: true },
          { name: "booked", type: "integer", default: 0 },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "hall_appointment",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "id_number", type: "varchar", length: "18" },
          { name: "centre", type: "varchar", length: "20" },
          { name: "item_code", type: "varchar", length: "10" },
          { name: "day", type: "date" },
          { name: "start_time", type: "varchar", length: "5" },
          { name: "end_time", type: "varchar", length: "5" },
          { name: "starts_at", type: "varchar", length: "32" },
          { name: "ends_at", type: "varchar", length: "32" },
          { name: "status", type: "varchar", length: "10" },
          { name: "booked_by", type: "varchar", length: "10" },
          { name: "booked_at", type: "varchar", length: "32" },
          { name: "cancelled_at", type: "varchar", length: "32", isNullable: true },
          { name: "checked_in_at", type: "varchar", length: "32", isNullable: true },
          { name: "ticket_id", type: "integer", isNullable: true },
        ],
        indices: [
          // A person's appointments around a slot (the overlap rule).
          new TableIndex({ name: "hall_appointment_person", columnNames: ["id_number", "starts_at"] }),
          // The counts of a centre's days.
          new TableIndex({ name: "hall_appointment_day", columnNames: ["centre", "day", "status"] }),
        ],
      }),
    );
    await q.addColumns("queue_ticket", [
      new TableColumn({ name: "appointment_id", type: "integer", isNullable: true }),
      new TableColumn({ name: "appointment_at", type: "varchar", length: "32", isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("queue_ticket", "appointment_at");
    await q.dropColumn("queue_ticket", "appointment_id");
    await q.dropTable("hall_appointment");
    await q.dropTable("hall_appointment_slot");
    await q.dropTable("hall_appointment_schedule");
  }
}
