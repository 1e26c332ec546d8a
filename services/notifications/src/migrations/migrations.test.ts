import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { openDepartmentDatabase } from "@onewindow/testing";
import { notifications } from "../index";
import { placeholdersIn } from "../template/message-template.service";
import { NotificationsInitial1765100000601 } from "./1765100000601-initial.migration";
import { TicketNearTemplate1765100000602 } from "./1765100000602-ticket-near-template.migration";

const TABLES = ["contact_channel", "consent", "message_template", "delivery", "broadcast"];

test("the migrations go down and up again, their eight templates seeded once", async () => {
  const { db, services: s } = await openDepartmentDatabase(notifications, { adapters: {} });
  const q = db.createQueryRunner();
  try {
    await new TicketNearTemplate1765100000602().down(q);
    await new NotificationsInitial1765100000601().down(q);
    for (const table of TABLES) assert.equal(await q.hasTable(table), false, table);
    await new NotificationsInitial1765100000601().up(q);
    await new TicketNearTemplate1765100000602().up(q);
  } finally {
    await q.release();
  }
  const templates = await s.templates.list();
  assert.deepEqual(
    templates.map((t) => [t.code, t.topic, t.urgent]),
    [
      ["BENEFIT_PAID", "SERVICE_NOTICES", false],
      ["CASE_COMPLETED", "SERVICE_NOTICES", false],
      ["FOLLOW_UP_DUE", "SERVICE_NOTICES", false],
      ["JOB_FAIR", "NEWS", false],
      ["REFERRAL_MADE", "SERVICE_NOTICES", false],
      ["RELIEF_GRANTED", "SERVICE_NOTICES", false],
      // Sent only while the hall calls: held until morning it would be worthless.
      ["TICKET_NEAR", "SERVICE_NOTICES", true],
      ["TRAINING_COURSE", "NEWS", false],
    ],
  );
  // Each seeded text uses exactly the placeholders its trigger fills in.
  for (const t of templates) assert.deepEqual(placeholdersIn(t.body).sort(), [...t.variables].sort(), t.code);
});
