import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { HallEvents } from "@onewindow/contracts";
import { rejectsWith } from "@onewindow/testing";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { QueuePriority } from "../queue/queue.enums";
import { openTestHall, outboxTypes, person, snapshot } from "../service-hall.fixture";
import { AppointmentChannel, AppointmentStatus } from "./appointment.enums";
import { instantOf } from "./slot-time";

const { LABOR_SECURITY: A } = HallDepartment;

/** Rejects with `code` (on `field`, when given), telling the clerk in Chinese what matches `zh`. */
async function rejectsSaying(act: () => Promise<unknown>, code: string, zh: RegExp, field?: string) {
  const error = await rejectsWith(act, code, { field });
  assert.match(String(error.extensions.localizedMessage), zh);
}
const CLERK = AppointmentChannel.CLERK;
// 2026-11-23 is a Monday; 11-28 and 11-29 the weekend.
const MONDAY = "2026-11-23";

/** A hall on Monday 08:00 where LS001 (就业登记, category A) is bookable 09:00–11:00 in 30-minute slots of 2 places. */
async function bookableHall(capacity = 2) {
  const hall = await openTestHall(`${MONDAY}T08:00:00+08:00`);
  await hall.s.appointments.setSchedule({
    centre: "KAIXUAN",
    itemCode: "LS001",
    opensAt: "09:00",
    closesAt: "11:00",
    slotMinutes: 30,
    capacity,
    daysAhead: 7,
  });
  const book = (n: number, startTime = "09:00", day = MONDAY) =>
    hall.s.appointments.book({ idNumber: person(n), centre: "KAIXUAN", itemCode: "LS001", day, startTime }, CLERK);
  return { ...hall, book };
}

test("slot times are the hall's wall clock: 09:00 in Hangzhou is 01:00 UTC", () => {
  assert.equal(instantOf(MONDAY, 9 * 60), "2026-11-23T01:00:00.000Z");
  assert.equal(instantOf(MONDAY, 24 * 60), "2026-11-23T16:00:00.000Z");
});

test("slots: the schedule's opening hours on the working days, with their free places", async () => {
  const { s, setNow, book } = await bookableHall();
  const week = await s.appointments.slots("LS001", "KAIXUAN", MONDAY, "2026-11-29");
  assert.equal(week.length, 5 * 4);
  assert.deepEqual(new Set(week.map((x) => x.day)).size, 5);
  assert.ok(!week.some((x) => x.day === "2026-11-28" || x.day === "2026-11-29"));
  assert.deepEqual(
    week.slice(0, 4).map((x) => `${x.startTime}-${x.endTime}`),
    ["09:00-09:30", "09:30-10:00", "10:00-10:30", "10:30-11:00"],
  );
  await book(1, "09:30");
  setNow(`${MONDAY}T09:30:00+08:00`);
  const today = await s.appointments.slots("lS001", "kaixuan", MONDAY, MONDAY);
  assert.deepEqual(
    today.map((x) => [x.startTime, x.booked, x.available]),
    [
      ["09:00", 0, 0], // ended
      ["09:30", 1, 1],
      ["10:00", 0, 2],
      ["10:30", 0, 2],
    ],
  );
  await rejectsWith(() => s.appointments.slots("LS001", "KAIXUAN", MONDAY, "2026-12-24"), "BAD_USER_INPUT", {
    field: "to",
  });
  await rejectsSaying(
    () => s.appointments.slots("LS002", "KAIXUAN", MONDAY, MONDAY),
    "BAD_USER_INPUT",
    /未开放/,
    "itemCode",
  );
  await rejectsWith(() => s.appointments.slots("LS001", "XIHU", MONDAY, MONDAY), "BAD_USER_INPUT", {
    field: "centre",
  });
});

test("booking refuses days off, times outside the opening hours, ended slots, overlaps and full slots, writing nothing", async () => {
  const { db, s, setNow, book } = await bookableHall(1);
  const first = await book(1, "10:00");
  assert.deepEqual(
    [first.status, first.startTime, first.endTime, first.startsAt, first.bookedBy],
    [AppointmentStatus.BOOKED, "10:00", "10:30", "2026-11-23T02:00:00.000Z", CLERK],
  );
  const before = await snapshot(db);
  await rejectsSaying(() => book(2, "09:00", "2026-11-28"), "BAD_USER_INPUT", /不是工作日/, "day");
  await rejectsSaying(() => book(2, "09:00", "2026-12-01"), "BAD_USER_INPUT", /提前7天/, "day");
  await rejectsWith(() => book(2, "09:00", "2026-02-30"), "BAD_USER_INPUT", { field: "day" });
  await rejectsWith(() => book(2, "08:30"), "BAD_USER_INPUT", { field: "startTime" });
  await rejectsWith(() => book(2, "09:15"), "BAD_USER_INPUT", { field: "startTime" });
  await rejectsWith(() => book(2, "11:00"), "BAD_USER_INPUT", { field: "startTime" });
  await rejectsWith(() => book(2, "9点"), "BAD_USER_INPUT", { field: "startTime" });
  await rejectsWith(
    () =>
      s.appointments.book(
        { idNumber: "123", centre: "KAIXUAN", itemCode: "LS001", day: MONDAY, startTime: "09:00" },
        CLERK,
      ),
    "BAD_USER_INPUT",
    { field: "idNumber" },
  );
  // The last place of 10:00 is gone; person 1 may not hold two slots at once anywhere.
  await rejectsSaying(() => book(2, "10:00"), "CONFLICT", /已约满/);
  await s.appointments.setSchedule({
    centre: "KAIXUAN",
    itemCode: "TX001",
    opensAt: "09:45",
    closesAt: "12:00",
    slotMinutes: 45,
    capacity: 5,
  });
  await rejectsSaying(
    () =>
      s.appointments.book(
        { idNumber: person(1), centre: "KAIXUAN", itemCode: "TX001", day: MONDAY, startTime: "09:45" },
        CLERK,
      ),
    "CONFLICT",
    /已有预约/,
  );
  const afterSchedule = { ...before, hall_appointment_schedule: before.hall_appointment_schedule + 1 };
  assert.deepEqual(await snapshot(db), afterSchedule);
  setNow(`${MONDAY}T09:30:00+08:00`);
  await rejectsSaying(() => book(2, "09:00"), "BAD_USER_INPUT", /已结束/, "startTime");
  assert.deepEqual(await snapshot(db), afterSchedule);
  // Back to back is no overlap.
  await s.appointments.book(
    { idNumber: person(1), centre: "KAIXUAN", itemCode: "TX001", day: MONDAY, startTime: "10:30" },
    CLERK,
  );
});

test("a booking is cancelled before its slot, which frees the place; not after it begins", async () => {
  const { db, s, setNow, book } = await bookableHall(1);
  const a = await book(1, "09:00");
  const b = await book(2, "09:30");
  setNow(`${MONDAY}T08:59:59+08:00`);
  const cancelled = await s.appointments.cancel({ appointmentId: String(a.id) });
  assert.equal(cancelled.status, AppointmentStatus.CANCELLED);
  await book(3, "09:00"); // the freed place
  await rejectsWith(() => s.appointments.cancel({ appointmentId: String(a.id) }), "BAD_USER_INPUT", {
    field: "appointmentId",
  });
  setNow(`${MONDAY}T09:30:00+08:00`);
  const before = await snapshot(db);
  await rejectsSaying(
    () => s.appointments.cancel({ appointmentId: String(b.id) }),
    "BAD_USER_INPUT",
    /已开始/,
    "appointmentId",
  );
  await rejectsWith(() => s.appointments.cancel({ appointmentId: "x" }), "BAD_USER_INPUT", { field: "appointmentId" });
  await rejectsWith(() => s.appointments.cancel({ appointmentId: "999" }), "BAD_USER_INPUT", {
    field: "appointmentId",
  });
  assert.deepEqual(await snapshot(db), before);
  const types = await outboxTypes(db);
  assert.deepEqual(types, [
    HallEvents.appointmentBooked,
    HallEvents.appointmentBooked,
    HallEvents.appointmentCancelled,
    HallEvents.appointmentBooked,
  ]);
  // The events name the slot, never the person.
  const rows: { subject: string; data: string }[] = await db.query("SELECT subject, data FROM outbox_event");
  for (const row of rows) {
    assert.match(row.subject, /^appointment:\d+$/);
    assert.ok(![person(1), person(2), person(3)].some((p) => row.data.includes(p)), row.data);
  }
  assert.deepEqual(JSON.parse(rows[2].data), {
    appointmentId: a.id,
    itemCode: "LS001",
    centre: "KAIXUAN",
    day: MONDAY,
    startTime: "09:00",
    endTime: "09:30",
  });
});

test("a checked-in booking is called at its slot's start ahead of earlier walk-ins of its category, green channel included", async () => {
  const { s, setNow, book } = await bookableHall();
  const booked = await book(1, "10:00");
  setNow(`${MONDAY}T09:20:00+08:00`);
  await rejectsSaying(
    () => s.appointments.checkIn({ appointmentId: String(booked.id) }),
    "BAD_USER_INPUT",
    /前30分钟内签到/,
    "appointmentId",
  );
  setNow(`${MONDAY}T09:40:00+08:00`);
  const walkIn = await s.queue.take({ category: A }); // A001
  const elderly = await s.queue.take(
    { category: A, priority: QueuePriority.ELDERLY },
    { roles: ["window_clerk"], idNumber: null },
  ); // A002
  setNow(`${MONDAY}T09:45:00+08:00`);
  const arrived = await s.appointments.checkIn({ appointmentId: String(booked.id) });
  assert.equal(arrived.status, AppointmentStatus.CHECKED_IN);
  const ticket = (await s.appointments.ticketOf(arrived))!;
  assert.deepEqual([ticket.number, ticket.category, ticket.appointmentAt], ["A003", A, "2026-11-23T02:00:00.000Z"]);
  // Before 10:00 it waits like anyone: the green channel, then the earlier walk-in.
  setNow(`${MONDAY}T09:50:00+08:00`);
  assert.equal((await s.queue.callNext({ window: "01", categories: [A] }))?.id, elderly.id);
  const later = await s.queue.take({ category: A }); // A004
  setNow(`${MONDAY}T10:00:00+08:00`);
  assert.equal((await s.queue.callNext({ window: "01", categories: [A] }))?.id, ticket.id);
  assert.equal((await s.queue.callNext({ window: "01", categories: [A] }))?.id, walkIn.id);
  assert.equal((await s.queue.callNext({ window: "01", categories: [A] }))?.id, later.id);
  await rejectsWith(() => s.appointments.checkIn({ appointmentId: String(booked.id) }), "BAD_USER_INPUT", {
    field: "appointmentId",
  });
});

test("a slot that ends without a check-in is a no-show, counted as such; nothing stored changes", async () => {
  const { s, setNow, book } = await bookableHall();
  const missed = await book(1, "09:00");
  const kept = await book(2, "09:00");
  const later = await book(3, "10:30");
  const dropped = await book(4, "10:30");
  await s.appointments.cancel({ appointmentId: String(dropped.id) });
  setNow(`${MONDAY}T09:10:00+08:00`);
  await s.appointments.checkIn({ appointmentId: String(kept.id) });
  setNow(`${MONDAY}T09:29:59+08:00`);
  assert.equal(s.appointments.statusOf((await s.appointments.find(String(missed.id)))!), AppointmentStatus.BOOKED);
  setNow(`${MONDAY}T09:30:00+08:00`);
  assert.equal(s.appointments.statusOf((await s.appointments.find(String(missed.id)))!), AppointmentStatus.NO_SHOW);
  await rejectsSaying(
    () => s.appointments.checkIn({ appointmentId: String(missed.id) }),
    "BAD_USER_INPUT",
    /爽约/,
    "appointmentId",
  );
  assert.deepEqual(await s.appointments.counts("KAIXUAN", MONDAY, MONDAY), {
    booked: 1,
    checkedIn: 1,
    cancelled: 1,
    noShow: 1,
  });
  assert.equal(later.status, AppointmentStatus.BOOKED);
  await rejectsWith(() => s.appointments.counts("KAIXUAN", MONDAY, "2027-12-31"), "BAD_USER_INPUT", { field: "to" });
});

test("the schedule is the administrator's data, checked before it is written", async () => {
  const { db, s } = await openTestHall(`${MONDAY}T08:00:00+08:00`);
  const before = await snapshot(db);
  const set = (patch: object) => () =>
    s.appointments.setSchedule({
      centre: "KAIXUAN",
      itemCode: "LS001",
      opensAt: "09:00",
      closesAt: "17:00",
      slotMinutes: 30,
      capacity: 3,
      ...patch,
    });
  await rejectsWith(set({ centre: "NOWHERE" }), "BAD_USER_INPUT", { field: "centre" });
  await rejectsWith(set({ itemCode: "XX999" }), "BAD_USER_INPUT", { field: "itemCode" });
  await rejectsWith(set({ opensAt: "25:00" }), "BAD_USER_INPUT", { field: "opensAt" });
  await rejectsWith(set({ closesAt: "09:20" }), "BAD_USER_INPUT", { field: "closesAt" });
  await rejectsWith(set({ slotMinutes: 5 }), "BAD_USER_INPUT", { field: "slotMinutes" });
  await rejectsWith(set({ capacity: 0 }), "BAD_USER_INPUT", { field: "capacity" });
  await rejectsWith(set({ daysAhead: 61 }), "BAD_USER_INPUT", { field: "daysAhead" });
  assert.deepEqual(await snapshot(db), before);
  const saved = await set({ closesAt: "24:00" })();
  assert.deepEqual([saved.closesAt, saved.daysAhead], ["24:00", 14]);
});

test("the last place of a slot goes to one of two bookings made at the same time", async () => {
  const { db, book } = await bookableHall(1);
  const results = await Promise.allSettled([book(1, "09:30"), book(2, "09:30"), book(3, "09:30")]);
  const won = results.filter((r) => r.status === "fulfilled");
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  assert.equal(won.length, 1);
  for (const r of lost) assert.equal((r.reason as { extensions?: { code?: string } }).extensions?.code, "CONFLICT");
  const [slot] = await db.query("SELECT booked FROM hall_appointment_slot");
  assert.equal(Number(slot.booked), 1);
  assert.equal(Number((await db.query("SELECT COUNT(*) AS n FROM hall_appointment"))[0].n), 1);
});

test("one person's two bookings of overlapping slots of different items, made at the same time: one is refused", async () => {
  const { s, db } = await bookableHall();
  await s.appointments.setSchedule({
    centre: "KAIXUAN",
    itemCode: "TX006",
    opensAt: "09:00",
    closesAt: "11:00",
    slotMinutes: 30,
    capacity: 2,
    daysAhead: 7,
  });
  const at = (itemCode: string) =>
    s.appointments.book({ idNumber: person(1), centre: "KAIXUAN", itemCode, day: MONDAY, startTime: "09:00" }, CLERK);
  const results = await Promise.allSettled([at("LS001"), at("TX006")]);
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  assert.equal(lost.length, 1);
  assert.equal((lost[0].reason as { extensions?: { code?: string } }).extensions?.code, "CONFLICT");
  assert.equal(Number((await db.query("SELECT COUNT(*) AS n FROM hall_appointment"))[0].n), 1);
});
