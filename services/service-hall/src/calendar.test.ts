import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { calendarFromEnv, WorkingCalendar } from "./calendar/working-calendar";
import { openTestHall, person } from "./service-hall.fixture";

const calendar = new WorkingCalendar();

test("weekends, 2026 public holidays and make-up working days", () => {
  assert.equal(calendar.isWorkingDay("2026-11-23"), true); // Monday
  assert.equal(calendar.isWorkingDay("2026-11-28"), false); // Saturday
  assert.equal(calendar.isWorkingDay("2026-10-05"), false); // 国庆节, a Monday
  assert.equal(calendar.isWorkingDay("2026-10-10"), true); // Saturday, 调休上班
  assert.equal(calendar.isWorkingDay("2026-02-16"), false); // 春节
  assert.equal(calendar.isWorkingDay("2026-02-14"), true); // Saturday, 调休上班
});

test("deadlines count working days after the opening day, skipping weekends and holidays", () => {
  assert.equal(calendar.deadline("2026-11-23", 0), "2026-11-23"); // on the spot
  assert.equal(calendar.deadline("2026-11-20", 1), "2026-11-23"); // Friday + 1 → Monday
  assert.equal(calendar.deadline("2026-11-23", 5), "2026-11-30"); // a whole week, over a weekend
  assert.equal(calendar.deadline("2026-11-23", 15), "2026-12-14");
  // 国庆: Oct 1-7 off; Oct 8 (Thu), Oct 9 (Fri), Oct 10 (Saturday make-up day).
  assert.equal(calendar.deadline("2026-09-30", 3), "2026-10-10");
  // 春节: Feb 14 (Saturday make-up day), Feb 15-23 off, then Feb 24-27.
  assert.equal(calendar.deadline("2026-02-13", 5), "2026-02-27");
  // 劳动节: May 1-5 off, May 9 (Saturday) works: Apr 30 + 5 → May 6, 7, 8, 9, 11.
  assert.equal(calendar.deadline("2026-04-30", 5), "2026-05-11");
});

test("the calendar comes from HALL_HOLIDAYS / HALL_MAKEUP_WORKDAYS when set", () => {
  const custom = calendarFromEnv({ HALL_HOLIDAYS: "2027-01-01, 2027-01-04", HALL_MAKEUP_WORKDAYS: "2027-01-09" });
  assert.equal(custom.isWorkingDay("2027-01-04"), false);
  assert.equal(custom.isWorkingDay("2027-01-09"), true);
  assert.equal(custom.isWorkingDay("2026-10-05"), true); // the 2026 list is replaced
  assert.equal(custom.deadline("2026-12-31", 2), "2027-01-06");
  assert.equal(calendarFromEnv({}).isWorkingDay("2026-10-05"), false);
  assert.throws(
    () => calendarFromEnv({ HALL_HOLIDAYS: "2027-02-30" }),
    /HALL_HOLIDAYS must list YYYY-MM-DD dates, got "2027-02-30"/,
  );
});

test("openCase sets the deadline from the item's time limit across a holiday", async () => {
  const { s } = await openTestHall("2026-09-30T10:00:00+08:00");
  const benefit = await s.cases.open({ idNumber: person(1), itemCode: "UE002", window: "11" }); // 3 working days
  assert.equal(benefit.openedOn, "2026-09-30");
  assert.equal(benefit.deadline, "2026-10-10");
  const onTheSpot = await s.cases.open({ idNumber: person(1), itemCode: "ue001", window: "11" });
  assert.equal(onTheSpot.deadline, "2026-09-30");
  assert.equal(onTheSpot.itemCode, "UE001");
});
