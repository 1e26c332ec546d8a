import type { DataSource } from "typeorm";
import { makeIdNumber } from "@onewindow/platform";
import { openDepartmentDatabase, rowCounts } from "@onewindow/testing";
import { NO_ADDITIONS, type CalendarAdditions } from "./calendar/working-calendar";
import { serviceHall } from "./index";
import type { Services } from "./services";

/** A hall over the current test's own database (see `openDepartmentDatabase`), with a clock the test moves. */
export interface TestHall {
  db: DataSource;
  s: Services;
  /** The label of the database's SQL statement counter. */
  service: string;
  /** Sets the hall's clock, e.g. "2026-11-23T09:00:00+08:00". */
  setNow(instant: string): void;
}

/** Opens a hall for the current test; its database is closed (and dropped) when the test ends. */
export async function openTestHall(
  now = "2026-11-23T09:00:00+08:00",
  calendarAdditions: CalendarAdditions = NO_ADDITIONS,
): Promise<TestHall> {
  let current = new Date(now);
  const { db, services, service } = await openDepartmentDatabase(serviceHall, {
    clock: () => current,
    calendarAdditions,
  });
  return { db, s: services, service, setNow: (instant) => (current = new Date(instant)) };
}

/** Row counts of every table the hall writes: a rejected input must change none of them. */
export const snapshot = (db: DataSource) =>
  rowCounts(db, [
    "service_item",
    "queue_ticket",
    "hall_centre_setting",
    "hall_appointment_schedule",
    "hall_appointment_slot",
    "hall_appointment",
    "hall_case",
    "case_task",
    "hall_evaluation",
    "hall_rectification",
    "hall_holiday_schedule",
    "hall_window_staff",
    "hall_staff_commitment",
    "hall_commitment_review",
    "hall_building",
    "hall_building_company",
    "hall_enterprise_service",
    "outbox_event",
    "inbox_event",
  ]);

/** A valid resident ID number, distinct per `n` below 1000. */
export const person = (n: number) => makeIdNumber("330104", "1965-03-08", n);

/** The outbox rows' event types, in the order written. */
export async function outboxTypes(db: DataSource): Promise<string[]> {
  return (await db.query("SELECT type FROM outbox_event ORDER BY sequence")).map((r: { type: string }) => r.type);
}
