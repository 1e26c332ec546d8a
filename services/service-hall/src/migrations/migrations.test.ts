import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { openDepartmentDatabase } from "@onewindow/testing";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { serviceHall } from "../index";
import { QueueSkipTransfer1765100000505 } from "./1765100000505-queue-skip-transfer.migration";
import { Appointments1765100000506 } from "./1765100000506-appointments.migration";
import { TicketHolder1765100000507 } from "./1765100000507-ticket-holder.migration";
import { ServiceCentres1765200000510 } from "./1765200000510-service-centres.migration";
import { KpiRollup1765200000560 } from "./1765200000560-kpi-rollup.migration";
import { QueueNumberPerCentre1765200000570 } from "./1765200000570-queue-number-per-centre.migration";
import { KpiRollupWeeksCentres1765300000010 } from "./1765300000010-kpi-rollup-weeks-centres.migration";

test("the queue, appointment and ticket-holder migrations go down and up again, a skipped ticket back to called, the centre seeded once", async () => {
  const { db, services: s } = await openDepartmentDatabase(serviceHall);
  const ticket = await s.queue.take({ category: HallDepartment.TAX });
  await s.queue.callNext({ window: "09" });
  await s.queue.skip({ ticketId: String(ticket.id) });
  const q = db.createQueryRunner();
  try {
    // The roll-up's triggers read the centre columns the centres migration takes away.
    await new KpiRollupWeeksCentres1765300000010().down(q);
    await new QueueNumberPerCentre1765200000570().down(q);
    await new KpiRollup1765200000560().down(q);
    await new ServiceCentres1765200000510().down(q);
    await new TicketHolder1765100000507().down(q);
    await new Appointments1765100000506().down(q);
    await new QueueSkipTransfer1765100000505().down(q);
    for (const table of [
      "hall_appointment",
      "hall_appointment_slot",
      "hall_appointment_schedule",
      "hall_centre_setting",
    ])
      assert.equal(await q.hasTable(table), false, table);
    const columns = (await q.getTable("queue_ticket"))!.columns.map((c) => c.name);
    for (const column of [
      "centre",
      "skipped_at",
      "transferred_from",
      "appointment_id",
      "appointment_at",
      "holder_id_number",
      "near_notified_at",
    ])
      assert.ok(!columns.includes(column), column);
    assert.deepEqual(
      (await db.query("SELECT status FROM queue_ticket")).map((r: { status: string }) => r.status),
      ["CALLED"],
    );
    await new QueueSkipTransfer1765100000505().up(q);
    await new Appointments1765100000506().up(q);
    await new TicketHolder1765100000507().up(q);
    await new ServiceCentres1765200000510().up(q);
    await new KpiRollup1765200000560().up(q);
    await new QueueNumberPerCentre1765200000570().up(q);
    await new KpiRollupWeeksCentres1765300000010().up(q);
  } finally {
    await q.release();
  }
  assert.deepEqual(await s.queue.centres(), [
    {
      code: "KAIXUAN",
      name: "凯旋街道综合服务中心",
      level: "STREET",
      parentCode: null,
      district: "江干区",
      street: "凯旋街道",
      recallWindowMinutes: 30,
    },
  ]);
  assert.deepEqual(
    (await db.query("SELECT centre FROM queue_ticket")).map((r: { centre: string }) => r.centre),
    ["KAIXUAN"],
  );
});

test("queue numbers per centre: the migration goes down while numbers are unique across the hall, and up again", async () => {
  const { db, services: s } = await openDepartmentDatabase(serviceHall);
  await s.queue.take({ category: HallDepartment.TAX });
  const q = db.createQueryRunner();
  const indexes = async () =>
    (await q.getTable("queue_ticket"))!.indices
      .filter((i) => i.name?.endsWith("_number"))
      .map((i) => [i.name, [...i.columnNames].sort().join(","), i.isUnique]);
  try {
    await new QueueNumberPerCentre1765200000570().down(q);
    assert.deepEqual(await indexes(), [["queue_ticket_number", "category,day,seq", true]]);
    await new QueueNumberPerCentre1765200000570().up(q);
    assert.deepEqual(await indexes(), [["queue_ticket_centre_number", "category,centre,day,seq", true]]);
  } finally {
    await q.release();
  }
  assert.equal((await s.queue.take({ category: HallDepartment.TAX })).number, "F002");
});
