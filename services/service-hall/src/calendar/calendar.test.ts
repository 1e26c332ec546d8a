import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { addDays } from "@onewindow/platform";
import { springFestival, lunarToSolar, qingming } from "./lunar";
import { statutoryHolidays } from "./statutory-holidays";
import {
  calendarAdditionsFromEnv,
  OFFICIAL_SCHEDULES,
  WorkingCalendar,
  type HolidaySchedule,
} from "./working-calendar";
import { openTestHall, person } from "../service-hall.fixture";

const calendar = new WorkingCalendar();
const offDays = (c: WorkingCalendar, from: string, to: string) => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (!c.isWorkingDay(d)) days.push(d);
  return days;
};

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

test("2025 Spring Festival: 28 January to 4 February off, Sunday 26 January and Saturday 8 February worked", () => {
  assert.deepEqual(offDays(calendar, "2025-01-25", "2025-02-09"), [
    "2025-01-25", // Saturday
    ...["28", "29", "30", "31"].map((d) => `2025-01-${d}`),
    ...["01", "02", "03", "04"].map((d) => `2025-02-${d}`),
    "2025-02-09", // Sunday
  ]);
  assert.equal(calendar.isWorkingDay("2025-01-26"), true);
  assert.equal(calendar.isWorkingDay("2025-02-08"), true);
  assert.equal(calendar.year(2025).official, true);
  assert.match(calendar.year(2025).source, /国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）/);
});

test("2010 Spring Festival: 13 to 19 February off, Saturday 20 and Sunday 21 February worked", () => {
  assert.deepEqual(offDays(calendar, "2010-02-08", "2010-02-22"), [
    ...["13", "14", "15", "16", "17", "18", "19"].map((d) => `2010-02-${d}`),
  ]);
  assert.equal(calendar.isWorkingDay("2010-02-20"), true);
  assert.equal(calendar.isWorkingDay("2010-02-21"), true);
  assert.match(calendar.year(2010).source, /国办发明电〔2009〕27号/);
  // A demo case of 2010 opened before the holiday is due after it, by 2010's own schedule.
  assert.equal(calendar.deadline("2010-02-12", 3), "2010-02-22"); // 20 (Sat), 21 (Sun), 22 (Mon)
});

test("2027 has no published schedule here: 1 January is a statutory holiday by the fallback, and says so", () => {
  assert.equal(calendar.isOfficial(2027), false, "this test assumes 2027's notice is not loaded; update it when it is");
  assert.equal(calendar.isWorkingDay("2027-01-01"), false); // 元旦, a Friday
  const y = calendar.year(2027);
  assert.equal(y.official, false);
  assert.match(y.source, /2027年放假安排尚未载入，按《全国年节及纪念日放假办法》（2024年11月10日国务院令第795号修订）/);
  assert.deepEqual(y.makeUpWorkdays, []);
  // A case opened Monday 2026-12-28 with 5 working days: 29, 30, 31 Dec, (1 Jan off), 4, 5 Jan.
  assert.equal(calendar.deadline("2026-12-28", 5), "2027-01-05");
});

test("a year without a schedule computes its lunar holidays: 2030's Spring Festival is 3 February, from 除夕", () => {
  assert.equal(springFestival(2030), "2030-02-03");
  const y = new WorkingCalendar().year(2030);
  assert.equal(y.official, false);
  const holidays = statutoryHolidays(2030).holidays;
  assert.deepEqual(
    holidays.filter((h) => h.name === "春节").map((h) => h.date),
    ["2030-02-02", "2030-02-03", "2030-02-04", "2030-02-05"], // 除夕 to 初三
  );
  assert.deepEqual(
    holidays.filter((h) => h.name === "劳动节").map((h) => h.date),
    ["2030-05-01", "2030-05-02"],
  );
  for (const h of holidays) assert.ok(y.holidays.includes(h.date), h.date);
  assert.equal(holidays.length, 13); // the 2024 revision's 13 days
  // Earlier revisions: 2013 had 除夕 to 初二 (11 days), 2020 初一 to 初三 (11 days), 2005 no 清明/端午/中秋 (10 days).
  assert.equal(statutoryHolidays(2013).holidays.length, 11);
  assert.equal(statutoryHolidays(2013).holidays[1].date, addDays(springFestival(2013), -1));
  assert.equal(statutoryHolidays(2020).holidays[1].date, springFestival(2020));
  assert.equal(statutoryHolidays(2005).holidays.length, 10);
});

test("the lunar calendar and 清明 agree with every published schedule: each statutory day is a day off", () => {
  for (const schedule of OFFICIAL_SCHEDULES) {
    const off = new Set(schedule.holidays);
    for (const h of statutoryHolidays(schedule.year).holidays) {
      // A notice lists its runs of days off; a statutory day on a weekend could stand outside them.
      assert.ok(
        off.has(h.date) || [0, 6].includes(new Date(h.date).getUTCDay()),
        `${schedule.year} ${h.name} ${h.date}`,
      );
    }
  }
  assert.equal(lunarToSolar(2025, 5, 5), "2025-05-31"); // 端午
  assert.equal(lunarToSolar(2025, 8, 15), "2025-10-06"); // 中秋, inside 国庆
  assert.equal(qingming(2026), "2026-04-05");
  assert.equal(springFestival(2027), "2027-02-06");
});

test("the official schedules: one per year 2004-2026, each citing its notice, no day both off and worked", () => {
  assert.deepEqual(
    OFFICIAL_SCHEDULES.map((s) => s.year),
    Array.from({ length: 23 }, (_, i) => 2004 + i),
  );
  for (const s of OFFICIAL_SCHEDULES) {
    assert.match(s.source, new RegExp(`^国务院办公厅关于${s.year}年部分节假日安排的通知`));
    assert.equal(s.holidays.filter((d) => s.makeUpWorkdays.includes(d)).length, 0, String(s.year));
    for (const d of s.makeUpWorkdays) assert.ok([0, 6].includes(new Date(d).getUTCDay()), `${d} is a weekend day`);
  }
  // The New Year run across a boundary belongs to the next year's notice: 2018-12-29 worked, 12-30 off.
  assert.equal(calendar.isWorkingDay("2018-12-29"), true);
  assert.equal(calendar.isWorkingDay("2018-12-31"), false);
  assert.match(calendar.year(2018).source, /2019年部分节假日安排/);
  // 2020's extension: Saturday 1 February, first a make-up day, became a day off.
  assert.equal(calendar.isWorkingDay("2020-02-01"), false);
  assert.equal(calendar.isWorkingDay("2020-01-31"), false);
});

test("HALL_HOLIDAYS / HALL_MAKEUP_WORKDAYS add to the schedules instead of replacing them", () => {
  const added = new WorkingCalendar(
    OFFICIAL_SCHEDULES,
    calendarAdditionsFromEnv({ HALL_HOLIDAYS: "2026-11-23, 2027-01-04", HALL_MAKEUP_WORKDAYS: "2027-01-09" }),
  );
  assert.equal(added.isWorkingDay("2026-11-23"), false); // added
  assert.equal(added.isWorkingDay("2026-10-05"), false); // the 2026 schedule still counts
  assert.equal(added.isWorkingDay("2027-01-01"), false); // and the fallback
  assert.equal(added.isWorkingDay("2027-01-09"), true);
  assert.equal(added.deadline("2026-12-31", 2), "2027-01-06"); // 1 Jan and 4 Jan off
  assert.match(added.year(2027).source, /本地补充/);
  assert.deepEqual(calendarAdditionsFromEnv({}), { holidays: [], makeUpWorkdays: [] });
  assert.throws(
    () => calendarAdditionsFromEnv({ HALL_HOLIDAYS: "2027-02-30" }),
    /HALL_HOLIDAYS must list YYYY-MM-DD dates, got "2027-02-30"/,
  );
  assert.throws(
    () => calendarAdditionsFromEnv({ HALL_HOLIDAYS: "2027-01-09", HALL_MAKEUP_WORKDAYS: "2027-01-09" }),
    /both list 2027-01-09/,
  );
});

test("a schedule loaded for a year makes its days official at once", () => {
  const y2027: HolidaySchedule = {
    year: 2027,
    holidays: ["2027-01-01", "2027-01-02", "2027-01-03"],
    makeUpWorkdays: ["2027-01-09"],
    source: "测试通知",
  };
  const loaded = new WorkingCalendar([...OFFICIAL_SCHEDULES, y2027]);
  assert.equal(loaded.year(2027).official, true);
  assert.equal(loaded.year(2027).source, "测试通知");
  assert.equal(loaded.isWorkingDay("2027-01-09"), true);
  // Without its notice's 春节, 2027-02-08 (a statutory day by the fallback) is now a plain Monday.
  assert.equal(loaded.isWorkingDay("2027-02-08"), true);
  assert.equal(calendar.isWorkingDay("2027-02-08"), false);
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

test("openCase on 2026-12-28 with 5 working days is due by the fallback 2027 (1 January off) until 2027's schedule is loaded", async () => {
  const { s } = await openTestHall("2026-12-28T10:00:00+08:00");
  const before = await s.cases.open({ idNumber: person(1), itemCode: "EA001", window: "14" }); // 5 working days
  assert.equal(before.deadline, "2027-01-05");
  assert.deepEqual(await s.calendar.deadline("EA001", "2026-12-28"), {
    itemCode: "EA001",
    itemName: "就业困难人员认定（“4050”人员等）",
    openedOn: "2026-12-28",
    timeLimitDays: 5,
    deadline: "2027-01-05",
    official: false,
  });
  // The administrator loads a (test) 2027 schedule with 1-3 January off: the next case counts by it.
  await s.calendar.setSchedule({
    year: 2027,
    holidays: ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"],
    makeUpWorkdays: [],
    source: "测试：2027年安排",
  });
  const after = await s.cases.open({ idNumber: person(2), itemCode: "EA001", window: "14" });
  assert.equal(after.deadline, "2027-01-06");
  assert.equal((await s.calendar.deadline("EA001", "2026-12-28")).official, true);
});
