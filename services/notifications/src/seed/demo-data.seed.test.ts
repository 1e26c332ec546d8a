import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { demoPerson } from "@onewindow/contracts/demo";
import { fixedClock, openDepartmentDatabase } from "@onewindow/testing";
import { notifications } from "../index";
import { RecordingAdapter } from "../notifications.fixture";
import { seedNotificationsDemo } from "./demo-data.seed";

test("the demo's first residents get a mobile number and consents, so a case completed for one of them sends an SMS", async () => {
  const sms = new RecordingAdapter();
  const { db, services: s } = await openDepartmentDatabase(notifications, {
    adapters: { SMS: sms },
    clock: fixedClock("2026-11-26"),
  });
  assert.equal(await seedNotificationsDemo(db, { citizens: 5000, employers: 300, today: "2026-11-26" }), 50);
  const first = demoPerson(0, 300, "2026-11-26");
  const [channels] = await s.contacts.channelsOf([first.idNumber]);
  assert.deepEqual(
    channels.map((c) => c.address),
    ["13700000000"],
  );
  const [consents] = await s.contacts.consentsOf([first.idNumber]);
  assert.deepEqual(
    consents.map((c) => [c.topic, c.community]),
    [
      ["NEWS", first.community],
      ["SERVICE_NOTICES", null],
    ],
  );
  await db.transaction((tx) =>
    s.deliveries.notify(tx, first.idNumber, "CASE_COMPLETED", { 办件编号: "1", 办结日期: "11月26日" }, randomUUID()),
  );
  await s.deliveries.deliverDue();
  assert.equal(sms.sent.length, 1);
});
