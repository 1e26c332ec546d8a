import { test } from "@jest/globals";
import assert from "node:assert/strict";
import type { Caller } from "@onewindow/contracts";
import { allowed, auditRows, refusedWith, rejectsWith, runAs } from "@onewindow/testing";
import { serviceHall } from "../index";
import { buildServiceHallSchema } from "../schema";
import { openTestHall, snapshot } from "../service-hall.fixture";

const ADMIN: Partial<Caller> = { userId: "admin-1", roles: ["admin"] };
const CLERK: Partial<Caller> = { userId: "clerk-1", roles: ["window_clerk"], purpose: "窗口办件" };
const ANALYST: Partial<Caller> = { userId: "analyst-1", roles: ["analyst"] };

const SET = `mutation ($i: SetHolidayScheduleInput!) {
  setHolidaySchedule(input: $i) { year official source holidays makeUpWorkdays }
}`;
/** A made-up 2027 schedule in the shape of a notice (the real one is not published here). */
const Y2027 = {
  year: 2027,
  holidays: ["2027-01-01", "2027-01-02", "2027-01-03", "2027-02-05", "2027-02-06", "2027-02-07"],
  makeUpWorkdays: ["2027-02-13"],
  source: "国务院办公厅关于2027年部分节假日安排的通知（测试）",
};

async function hall() {
  const { db, s } = await openTestHall("2026-11-23T09:00:00+08:00");
  const schema = await buildServiceHallSchema(s);
  const as = (caller: Partial<Caller>, source: string, variables?: Record<string, unknown>) =>
    runAs(serviceHall, schema, db, caller, source, variables);
  return { db, s, as };
}

test("workingCalendar and deadline are public: the seeded schedules from the database, the fallback beyond", async () => {
  const { as } = await hall();
  const y2010 = allowed(
    await as({}, `{ workingCalendar(year: 2010) { year official source holidays makeUpWorkdays } }`),
  ).workingCalendar;
  assert.equal(y2010.official, true);
  assert.match(y2010.source, /国务院办公厅关于2010年部分节假日安排的通知（国办发明电〔2009〕27号）/);
  assert.ok(["13", "14", "15", "16", "17", "18", "19"].every((d) => y2010.holidays.includes(`2010-02-${d}`)));
  assert.ok(y2010.makeUpWorkdays.includes("2010-02-20") && y2010.makeUpWorkdays.includes("2010-02-21"));
  const y2030 = allowed(
    await as({}, `{ workingCalendar(year: 2030) { official holidays makeUpWorkdays } }`),
  ).workingCalendar;
  assert.deepEqual(y2030.official, false);
  assert.ok(["2030-02-02", "2030-02-03", "2030-02-04", "2030-02-05"].every((d) => y2030.holidays.includes(d)));
  assert.deepEqual(y2030.makeUpWorkdays, []);
  refusedWith(
    await as({}, `{ workingCalendar(year: 1999) { official } }`),
    "BAD_USER_INPUT",
    /the year must be from 2000 to 2099, got 1999/,
  );
  const due = allowed(
    await as(
      {},
      `{ deadline(itemCode: "ue002", openedOn: "2026-09-30") { itemCode timeLimitDays deadline official } }`,
    ),
  ).deadline;
  assert.deepEqual(due, { itemCode: "UE002", timeLimitDays: 3, deadline: "2026-10-10", official: true });
  refusedWith(await as({}, `{ deadline(itemCode: "XX999", openedOn: "2026-09-30") { deadline } }`), "BAD_USER_INPUT");
  refusedWith(await as({}, `{ deadline(itemCode: "UE002", openedOn: "2026-02-30") { deadline } }`), "BAD_USER_INPUT");
});

test("setHolidaySchedule is the administrator's: a clerk, an analyst and an anonymous caller are refused, on the record", async () => {
  const { db, as } = await hall();
  const before = await snapshot(db);
  refusedWith(await as(CLERK, SET, { i: Y2027 }), "FORBIDDEN");
  refusedWith(await as(ANALYST, SET, { i: Y2027 }), "FORBIDDEN");
  refusedWith(await as({}, SET, { i: Y2027 }), "UNAUTHENTICATED");
  assert.deepEqual(await snapshot(db), before);
  const rows = await auditRows(db);
  assert.deepEqual(
    rows.map((r) => [r.userId, r.outcome, r.fields]),
    [
      ["clerk-1", "refused", "Mutation.setHolidaySchedule"],
      ["analyst-1", "refused", "Mutation.setHolidaySchedule"],
      [null, "refused", "Mutation.setHolidaySchedule"],
    ],
  );
});

test("the administrator loads 2027: official at once, deadlines count by it, and the act is audited", async () => {
  const { db, s, as } = await hall();
  assert.equal((await s.calendar.year(2027)).official, false);
  const set = allowed(await as(ADMIN, SET, { i: Y2027 })).setHolidaySchedule;
  assert.deepEqual(set, { ...Y2027, official: true });
  assert.equal((await s.calendar.current()).isWorkingDay("2027-02-13"), true); // Saturday worked
  // The fallback's 春节 (2027-02-05..08) gives way to the notice's: Monday 8 February works.
  assert.equal((await s.calendar.deadline("EA001", "2027-02-04")).deadline, "2027-02-12");
  const [row] = await auditRows(db);
  assert.deepEqual(
    [row.userId, row.roles, row.outcome, row.fields],
    ["admin-1", "admin", "ok", "Mutation.setHolidaySchedule"],
  );
  // Loading the year again replaces it (a notice amended, as 2020's Spring Festival was).
  const amended = allowed(
    await as(ADMIN, SET, { i: { ...Y2027, holidays: [...Y2027.holidays, "2027-02-08"], source: null } }),
  ).setHolidaySchedule;
  assert.ok(amended.holidays.includes("2027-02-08"));
  assert.match(amended.source, /2027年部分节假日安排（管理员载入，未注明通知文号）/);
  assert.equal(Number((await db.query("SELECT COUNT(*) AS n FROM hall_holiday_schedule"))[0].n), 24);
});

test("setHolidaySchedule refuses bad input with BAD_USER_INPUT and writes nothing", async () => {
  const { db, s, as } = await hall();
  const before = await snapshot(db);
  const rows2019 = await db.query("SELECT holidays, make_up_workdays FROM hall_holiday_schedule WHERE year = 2019");
  const bad: [Record<string, unknown>, RegExp][] = [
    [{ ...Y2027, year: 1999 }, /the year must be from 2000 to 2099, got 1999/],
    [{ ...Y2027, year: 2100 }, /the year must be from 2000 to 2099, got 2100/],
    [
      { ...Y2027, holidays: ["2027-06-01", "2028-02-01"] },
      /2028-02-01 is outside the range of the 2027 schedule \(2026-12-25 to 2028-01-03\)/,
    ],
    [{ ...Y2027, makeUpWorkdays: ["2026-12-19"] }, /2026-12-19 is outside the range of the 2027 schedule/],
    [{ ...Y2027, makeUpWorkdays: ["2027-02-12"] }, /weekend day worked 2027-02-12 is not a Saturday or Sunday/],
    [{ ...Y2027, makeUpWorkdays: ["2027-01-02"] }, /2027-01-02 cannot be both a day off and a weekend day worked/],
    [{ ...Y2027, holidays: [] }, /list at least one day off/],
    [{ ...Y2027, source: "通".repeat(501) }, /source/],
    // 2018-12-29 is a Saturday worked by the 2019 notice: a 2018 schedule may not make it a day off.
    [{ year: 2018, holidays: ["2018-12-29"], makeUpWorkdays: [] }, /2018-12-29 contradicts the 2019 schedule/],
  ];
  for (const [input, message] of bad) refusedWith(await as(ADMIN, SET, { i: input }), "BAD_USER_INPUT", message);
  // The administrator reads the reason in Chinese.
  const weekday = await rejectsWith(
    () => s.calendar.setSchedule({ ...Y2027, makeUpWorkdays: ["2027-02-12"] }),
    "BAD_USER_INPUT",
    { field: "makeUpWorkdays" },
  );
  assert.equal(weekday.extensions.localizedMessage, "调休上班日 2027-02-12 不是周六或周日");
  // A date that does not exist never reaches the service: the Date scalar refuses it.
  refusedWith(await as(ADMIN, SET, { i: { ...Y2027, holidays: ["2027-02-30"] } }), "BAD_USER_INPUT");
  assert.deepEqual(await snapshot(db), before);
  assert.deepEqual(
    await db.query("SELECT holidays, make_up_workdays FROM hall_holiday_schedule WHERE year = 2019"),
    rows2019,
  );
});
