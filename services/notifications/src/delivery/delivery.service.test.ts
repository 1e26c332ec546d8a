import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { EventEnvelope, Logger } from "@onewindow/platform";
import { openDepartmentDatabase } from "@onewindow/testing";
import { notifications } from "../index";
import { ChannelKind, ConsentTopic, RecordedVia } from "../contact/contact.enums";
import { noticeHandlers } from "../handlers/notice.handlers";
import { movableClock, person, RecordingAdapter } from "../notifications.fixture";
import { DeliveryLoop } from "./delivery-loop";
import { Delivery } from "./delivery.entity";
import { DeliveryStatus } from "./delivery.enums";
import { MAX_ATTEMPTS } from "./delivery.service";
import { maskAddress } from "./masking";
import { inQuietHours, quietHoursEnd } from "./quiet-hours";

const MOBILE = "13800001234";

/** The department with a recording SMS adapter, a clock the test moves, a person who consented to notices. */
async function opened(start = "2026-11-26T10:00:00+08:00", perPersonHourly = 5) {
  const clock = movableClock(start);
  const sms = new RecordingAdapter();
  const d = await openDepartmentDatabase(notifications, { clock, adapters: { SMS: sms }, perPersonHourly });
  await d.services.contacts.setChannel(
    { idNumber: person(1), kind: ChannelKind.SMS, address: MOBILE },
    RecordedVia.WINDOW,
  );
  await d.services.contacts.give({ idNumber: person(1), topic: ConsentTopic.SERVICE_NOTICES }, RecordedVia.WINDOW);
  const handlers = noticeHandlers(d.services);
  /** A hall case completed for `idNumber`, applied as the inbox applies it (the event's id given or new). */
  const caseCompleted = (idNumber: string, caseId: number, id: string = randomUUID()) => {
    const event = {
      id,
      type: "onewindow.hall.case.completed",
      version: 1,
      source: "service-hall",
      occurredAt: clock().toISOString(),
      subject: String(caseId),
      traceId: null,
      data: {
        caseId,
        idNumber,
        itemCode: "LS-001",
        openedOn: "2026-11-20",
        completedOn: "2026-11-26",
        deadline: "2026-12-04",
        onTime: true,
        completedBy: "window",
      },
    } as EventEnvelope<"onewindow.hall.case.completed">;
    return d.db.transaction((tx) => handlers["onewindow.hall.case.completed"]!(event, tx));
  };
  const rows = () => d.db.getRepository(Delivery).find({ order: { id: "ASC" } });
  return { ...d, clock, sms, caseCompleted, rows };
}

test("a completed case sends one SMS with the template's text; the same event seen again queues nothing", async () => {
  const { services: s, sms, caseCompleted, rows } = await opened();
  const id = randomUUID();
  await caseCompleted(person(1), 42, id);
  await caseCompleted(person(1), 42, id);
  assert.equal((await rows()).length, 1);
  const [outcome] = await s.deliveries.deliverDue();
  assert.equal(outcome.status, DeliveryStatus.SENT);
  assert.equal(outcome.to, "138****1234", "the outcome (what the log shows) masks the number");
  assert.deepEqual(
    sms.sent.map((m) => [m.to, m.text]),
    [[MOBILE, "您的办件（编号42）已于11月26日办结，请携带身份证件到服务大厅窗口领取办理结果。"]],
  );
  assert.deepEqual(await s.deliveries.deliverDue(), [], "nothing is due any more");
  const [row] = await rows();
  assert.equal(row.status, DeliveryStatus.SENT);
  assert.equal(row.providerId, "id-1");
});

test("without a standing consent, or without a channel, nothing is queued", async () => {
  const { services: s, caseCompleted, rows } = await opened();
  await s.contacts.setChannel({ idNumber: person(2), kind: ChannelKind.SMS, address: "13900002222" }, RecordedVia.SELF);
  await caseCompleted(person(2), 1);
  await s.contacts.give({ idNumber: person(3), topic: ConsentTopic.SERVICE_NOTICES }, RecordedVia.SELF);
  await caseCompleted(person(3), 2);
  await s.contacts.withdraw({ idNumber: person(1), topic: ConsentTopic.SERVICE_NOTICES }, RecordedVia.SELF);
  await caseCompleted(person(1), 3);
  assert.deepEqual(await rows(), []);
});

test("a non-urgent SMS due at 23:00 is held until 08:00 Beijing time, then sent", async () => {
  const { services: s, clock, sms, caseCompleted, rows } = await opened("2026-11-26T23:00:00+08:00");
  await caseCompleted(person(1), 7);
  const [held] = await s.deliveries.deliverDue();
  assert.equal(held.status, DeliveryStatus.HELD);
  assert.equal((await rows())[0].nextAttemptAt, "2026-11-27T00:00:00.000Z");
  clock.at("2026-11-27T07:59:59+08:00");
  assert.deepEqual(await s.deliveries.deliverDue(), []);
  assert.equal(sms.sent.length, 0);
  clock.at("2026-11-27T08:00:00+08:00");
  assert.equal((await s.deliveries.deliverDue())[0].status, DeliveryStatus.SENT);
  assert.equal(sms.sent.length, 1);
});

test("quiet hours run from 21:00 to 08:00 Asia/Shanghai whatever the server's zone", () => {
  assert.equal(inQuietHours(new Date("2026-11-26T20:59:59+08:00")), false);
  assert.equal(inQuietHours(new Date("2026-11-26T21:00:00+08:00")), true);
  assert.equal(inQuietHours(new Date("2026-11-27T07:59:59+08:00")), true);
  assert.equal(inQuietHours(new Date("2026-11-27T08:00:00+08:00")), false);
  assert.equal(quietHoursEnd(new Date("2026-11-26T21:30:00+08:00")).toISOString(), "2026-11-27T00:00:00.000Z");
  assert.equal(quietHoursEnd(new Date("2026-11-27T03:00:00+08:00")).toISOString(), "2026-11-27T00:00:00.000Z");
  // The last day of a month rolls over to the next.
  assert.equal(quietHoursEnd(new Date("2026-11-30T22:00:00+08:00")).toISOString(), "2026-12-01T00:00:00.000Z");
});

test("a failed send is retried with doubling back-off, and is FAILED after the last attempt", async () => {
  const { services: s, clock, sms, caseCompleted, rows } = await opened();
  await caseCompleted(person(1), 8);
  sms.failing = 2;
  let [o] = await s.deliveries.deliverDue();
  assert.deepEqual([o.status, o.attempts, o.note], [DeliveryStatus.PENDING, 1, "provider unavailable"]);
  clock.advance(29_000);
  assert.deepEqual(await s.deliveries.deliverDue(), [], "not before the back-off");
  clock.advance(1_000);
  [o] = await s.deliveries.deliverDue();
  assert.deepEqual([o.status, o.attempts], [DeliveryStatus.PENDING, 2]);
  clock.advance(60_000);
  [o] = await s.deliveries.deliverDue();
  assert.deepEqual([o.status, o.attempts], [DeliveryStatus.SENT, 3]);

  await caseCompleted(person(1), 9);
  sms.failing = MAX_ATTEMPTS;
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    [o] = await s.deliveries.deliverDue();
    clock.advance(3600_000);
  }
  assert.deepEqual([o.status, o.attempts], [DeliveryStatus.FAILED, MAX_ATTEMPTS]);
  assert.deepEqual(await s.deliveries.deliverDue(), []);
  assert.equal((await rows())[1].lastError, "provider unavailable");
});

test("one person gets at most the hourly limit of non-urgent messages; the rest wait for the hour to pass", async () => {
  const { services: s, clock, sms, caseCompleted } = await opened("2026-11-26T10:00:00+08:00", 2);
  for (const caseId of [1, 2, 3]) await caseCompleted(person(1), caseId);
  const first = await s.deliveries.deliverDue();
  assert.deepEqual(
    first.map((o) => o.status),
    [DeliveryStatus.SENT, DeliveryStatus.SENT, DeliveryStatus.PENDING],
  );
  assert.match(first[2].note!, /rate limit until 2026-11-26T03:00:00.000Z/);
  clock.at("2026-11-26T10:59:59+08:00");
  assert.deepEqual(await s.deliveries.deliverDue(), []);
  clock.at("2026-11-26T11:00:00+08:00");
  assert.equal((await s.deliveries.deliverDue())[0].status, DeliveryStatus.SENT);
  assert.equal(sms.sent.length, 3);
});

test("a message queued before the person opted out, or to a channel since removed, is cancelled, not sent", async () => {
  const { services: s, sms, caseCompleted, rows } = await opened();
  await caseCompleted(person(1), 10);
  await s.contacts.withdraw({ idNumber: person(1), topic: ConsentTopic.SERVICE_NOTICES }, RecordedVia.SELF);
  assert.equal((await s.deliveries.deliverDue())[0].status, DeliveryStatus.CANCELLED);
  await s.contacts.give({ idNumber: person(1), topic: ConsentTopic.SERVICE_NOTICES }, RecordedVia.SELF);
  await caseCompleted(person(1), 11);
  await s.contacts.removeChannel({ idNumber: person(1), kind: ChannelKind.SMS });
  assert.deepEqual(await s.deliveries.deliverDue(), []);
  assert.deepEqual(
    (await rows()).map((r) => r.status),
    [DeliveryStatus.CANCELLED, DeliveryStatus.CANCELLED],
  );
  assert.equal(sms.sent.length, 0);
});

test("numbers and addresses are masked for logs and lists", () => {
  assert.equal(maskAddress(ChannelKind.SMS, "13800001234"), "138****1234");
  assert.equal(maskAddress(ChannelKind.EMAIL, "zhang.san@example.com"), "z***@example.com");
});

test("a changed number takes what is queued; the delivery loop logs the number masked", async () => {
  const { services: s, clock, sms, caseCompleted } = await opened("2026-11-26T22:00:00+08:00");
  await caseCompleted(person(1), 12);
  await s.contacts.setChannel({ idNumber: person(1), kind: ChannelKind.SMS, address: "13955556666" }, RecordedVia.SELF);
  const lines: string[] = [];
  const log = (fields: object, message: string) => void lines.push(`${message} ${JSON.stringify(fields)}`);
  const logger = { info: log, warn: log, error: log } as unknown as Logger;
  const loop = new DeliveryLoop(s.deliveries, logger, 10);
  loop.start();
  await waitFor(() => lines.length === 1);
  clock.at("2026-11-27T08:00:00+08:00");
  await waitFor(() => lines.length === 2);
  await loop.stop();
  assert.match(lines[0], /^message deferred .*"to":"139\*\*\*\*6666".*"status":"HELD"/);
  assert.match(lines[1], /^message sent .*"to":"139\*\*\*\*6666"/);
  assert.ok(!lines.join("\n").includes("13955556666"), lines.join("\n"));
  assert.deepEqual(
    sms.sent.map((m) => m.to),
    ["13955556666"],
  );
});

/** Polls `done` (the loop runs on its own timer) for at most 30 s: a loaded machine delays timers. */
async function waitFor(done: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 30_000; !done();) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}
