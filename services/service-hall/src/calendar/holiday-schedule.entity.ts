import { Column, Entity, PrimaryColumn } from "typeorm";

/** JSON text columns hold a year's short lists of dates; the calendar reads them whole. */
const dateList = {
  to: (v: readonly string[]) => JSON.stringify(v ?? []),
  from: (v: string | null) => (v ? (JSON.parse(v) as string[]) : []),
};

/**
 * One year's State Council schedule (国务院办公厅关于<year>年部分节假日安排的通知) as the hall
 * counts working days by it. Seeded for 2004-2026 from official-schedules.json; an administrator
 * loads a newly published year with `setHolidaySchedule`, so the hall never waits for a release.
 */
@Entity("hall_holiday_schedule")
export class HolidayScheduleRow {
  @PrimaryColumn({ type: "integer" })
  year: number;

  /** Every day off of the notice, YYYY-MM-DD, weekend days inside a holiday run included. */
  @Column({ type: "text", transformer: dateList })
  holidays: string[];

  /** Weekend days the notice makes working days (调休上班). */
  @Column({ type: "text", name: "make_up_workdays", transformer: dateList })
  makeUpWorkdays: string[];

  /** The notice, with its document number, and any notice that changed it. */
  @Column({ type: "varchar", length: 500 })
  source: string;
}
