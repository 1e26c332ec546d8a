import { Table, type MigrationInterface, type QueryRunner } from "typeorm";
import { OFFICIAL_SCHEDULES } from "../calendar/working-calendar";

/** The years this migration seeds; a later year comes by `setHolidaySchedule` or a migration of its own. */
const SEEDED = { from: 2004, to: 2026 };

/**
 * The State Council's holiday schedules the hall counts working days by, seeded with 2004-2026
 * (official-schedules.json). Reference data every installation needs, so it travels with the schema.
 */
export class ServiceHallHolidaySchedule1763800000503 implements MigrationInterface {
  name = "ServiceHallHolidaySchedule1763800000503";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "hall_holiday_schedule",
        columns: [
          { name: "year", type: "integer", isPrimary: true },
          { name: "holidays", type: "text" },
          { name: "make_up_workdays", type: "text" },
          { name: "source", type: "varchar", length: "500" },
        ],
      }),
    );
    // Plain SQL rather than the entity: a migration must keep working when the entity changes later.
    const postgres = q.connection.options.type === "postgres";
    const placeholders = [1, 2, 3, 4].map((i) => (postgres ? `$${i}` : "?")).join(", ");
    for (const s of OFFICIAL_SCHEDULES.filter((s) => s.year >= SEEDED.from && s.year <= SEEDED.to)) {
      await q.query(
        `INSERT INTO hall_holiday_schedule (year, holidays, make_up_workdays, source) VALUES (${placeholders})`,
        [s.year, JSON.stringify(s.holidays), JSON.stringify(s.makeUpWorkdays), s.source],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("hall_holiday_schedule");
  }
}
