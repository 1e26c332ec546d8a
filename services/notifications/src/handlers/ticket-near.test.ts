import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { EventEnvelope } from "@onewindow/platform";
import { openDepartmentDatabase } from "@onewindow/testing";
import { notifications } from "../index";
import { ChannelKind, ConsentTopic, RecordedVia } from "../contact/contact.enums";
import { movableClock, person, RecordingAdapter } from "../notifications.fixture";
import { noticeHandlers } from "./notice.handlers";

const TYPE = "onewindow.hall.ticket.near";

test("the hall's ticket.near sends one SMS saying how many are ahead, once, to a person who consented", async () => {
  // 21:10: past the start of quiet hours, yet the notice goes at once (the template is urgent).
  const clock = movableClock("2026-11-26T21:10:00+08:00");
  const sms = new RecordingAdapter();
  const { db, services: s } = await openDepartmentDatabase(notifications, { clock, adapters: { SMS: sms } });
  for (const n of [1, 2])
    await s.contacts.setChannel(
      { idNumber: person(n), kind: ChannelKind.SMS, address: `1380000000${n}` },
      RecordedVia.WINDOW,
    );
  await s.contacts.give({ idNumber: person(1), topic: ConsentTopic.SERVICE_NOTICES }, RecordedVia.WINDOW);
  const handle = noticeHandlers(s)[TYPE]!;
  const near = (idNumber: string, id: string = randomUUID()) =>
    db.transaction((tx) =>
      handle(
        {
          id,
          type: TYPE,
          version: 1,
          source: "service-hall",
          occurredAt: clock().toISOString(),
          subject: idNumber,
          traceId: null,
          data: {
            ticketId: 7,
            number: "A006",
            category: "LABOR_SECURITY",
            centre: "KAIXUAN",
            centreName: "凯旋街道综合服务中心",
            idNumber,
            ahead: 3,
          },
        } as EventEnvelope<typeof TYPE>,
        tx,
      ),
    );
  const id = randomUUID();
  await near(person(1), id);
  await near(person(1), id);
  await near(person(2)); // no consent: nothing
  await s.deliveries.deliverDue();
  assert.deepEqual(
    sms.sent.map((m) => [m.to, m.text]),
    [["13800000001", "您在凯旋街道综合服务中心取的A006号前面还有3位，请回到大厅留意叫号。"]],
  );
});
