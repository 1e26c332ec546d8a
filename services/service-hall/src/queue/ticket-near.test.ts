import { test } from "@jest/globals";
import assert from "node:assert/strict";
import type { DataSource } from "typeorm";
import { HallEvents } from "@onewindow/contracts";
import { runSql } from "@onewindow/platform";
import { AppointmentChannel } from "../appointment/appointment.enums";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { openTestHall, person } from "../service-hall.fixture";
import { QueuePriority } from "./queue.enums";
import { QueueTicket } from "./queue-ticket.entity";

const { LABOR_SECURITY: A, TAX: F } = HallDepartment;
const citizen = (n: number) => ({ roles: ["citizen" as const], idNumber: person(n) });

/** The outbox's events in the order written: type, subject and payload. */
async function outbox(db: DataSource) {
  const rows = await runSql<{ type: string; subject: string; data: string }>(
    db.manager,
    "SELECT type, subject, data FROM outbox_event ORDER BY sequence",
  );
  return rows.map((r) => ({ type: r.type, subject: r.subject, data: JSON.parse(r.data) }));
}
const nearEvents = async (db: DataSource) => (await outbox(db)).filter((e) => e.type === HallEvents.ticketNear);

test("a citizen's own ticket is told once, by the call that leaves three ahead; ticket events still name no one", async () => {
  const { db, s } = await openTestHall("2026-11-23T09:00:00+08:00");
  for (let i = 0; i < 5; i++) await s.queue.take({ category: A }); // A001–A005
  const mine = await s.queue.take({ category: A }, citizen(1)); // A006, 5 ahead
  await s.queue.take({ category: A }); // A007, nobody's
  assert.equal(mine.waitingAhead, 5);
  assert.equal((await db.manager.findOneByOrFail(QueueTicket, { id: mine.id })).holderIdNumber, person(1));

  await s.queue.callNext({ window: "01", categories: [A] }); // A001: 4 ahead of A006
  assert.deepEqual(await nearEvents(db), []);
  await s.queue.callNext({ window: "01", categories: [A] }); // A002: 3 ahead
  const near = await nearEvents(db);
  assert.deepEqual(near, [
    {
      type: HallEvents.ticketNear,
      subject: person(1),
      data: {
        ticketId: mine.id,
        number: "A006",
        category: A,
        centre: "KAIXUAN",
        centreName: "凯旋街道综合服务中心",
        idNumber: person(1),
        ahead: 3,
      },
    },
  ]);
  // Three ahead of A007 now, but it has no holder; later calls tell A006 nothing again.
  for (let i = 0; i < 5; i++) await s.queue.callNext({ window: "01", categories: [A] });
  assert.equal((await nearEvents(db)).length, 1);
  const others = (await outbox(db)).filter((e) => e.type !== HallEvents.ticketNear);
  assert.equal(others.length, 7);
  for (const e of others) {
    assert.match(e.subject, /^ticket:/);
    assert.ok(!JSON.stringify(e.data).includes(person(1)), `${e.type} names no person`);
  }
});

test("no notice for a ticket taken with three or fewer ahead, nor for one taken unsigned with an ELDERLY ID number", async () => {
  const { db, s } = await openTestHall("2026-11-23T09:00:00+08:00");
  for (let i = 0; i < 3; i++) await s.queue.take({ category: A });
  const close = await s.queue.take({ category: A }, citizen(1)); // A004, 3 ahead already
  // An ELDERLY ticket at the machine: the ID number proves the age and is not kept.
  const elderly = await s.queue.take({ category: A, priority: QueuePriority.ELDERLY, idNumber: person(2) });
  for (let i = 0; i < 6; i++) await s.queue.take({ category: A });
  // Two green-channel tickets jump ahead of A004: five ahead, three after two calls; its slip told it already.
  await s.queue.take({ category: A, priority: QueuePriority.ELDERLY, idNumber: person(3) });
  for (let i = 0; i < 8; i++) await s.queue.callNext({ window: "01", categories: [A] });
  assert.deepEqual(await nearEvents(db), []);
  const [stored] = await db.manager.findBy(QueueTicket, { id: elderly.id });
  assert.equal(stored.holderIdNumber, null);
  assert.notEqual((await db.manager.findOneByOrFail(QueueTicket, { id: close.id })).nearNotifiedAt, null);
});

test("an appointment's ticket is held by its person; a waiting ticket transferred out moves the line up", async () => {
  const { db, s, setNow } = await openTestHall("2026-11-23T08:50:00+08:00");
  await s.appointments.setSchedule({
    centre: "KAIXUAN",
    itemCode: "LS001",
    opensAt: "09:00",
    closesAt: "11:00",
    slotMinutes: 30,
    capacity: 2,
    daysAhead: 7,
  });
  const booked = await s.appointments.book(
    { idNumber: person(4), centre: "KAIXUAN", itemCode: "LS001", day: "2026-11-23", startTime: "10:00" },
    AppointmentChannel.CLERK,
  );
  const walkIns = [];
  for (let i = 0; i < 4; i++) walkIns.push(await s.queue.take({ category: A })); // A001–A004
  setNow("2026-11-23T09:30:00+08:00");
  const checkedIn = await s.appointments.checkIn({ appointmentId: String(booked.id) }); // A005, 4 ahead until 10:00
  const ticket = await db.manager.findOneByOrFail(QueueTicket, { id: checkedIn.ticketId! });
  assert.equal(ticket.holderIdNumber, person(4));
  assert.equal(ticket.nearNotifiedAt, null);
  await s.queue.transfer({ ticketId: String(walkIns[1].id), toCategory: F }); // A002 leaves the line: 3 ahead
  assert.deepEqual(
    (await nearEvents(db)).map((e) => [e.subject, e.data.number, e.data.ahead]),
    [[person(4), "A005", 3]],
  );
});
