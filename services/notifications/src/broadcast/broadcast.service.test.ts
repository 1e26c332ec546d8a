import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { openDepartmentDatabase, rejectsWith, rowCounts } from "@onewindow/testing";
import { notifications } from "../index";
import { AssistanceCategory, ChannelKind, ConsentTopic, RecordedVia } from "../contact/contact.enums";
import { Delivery } from "../delivery/delivery.entity";
import { DeliveryStatus } from "../delivery/delivery.enums";
import type { SendBroadcastInput } from "./broadcast.inputs";
import { movableClock, person, RecordingAdapter, TABLES } from "../notifications.fixture";

const OFFICER = {
  userId: "officer-1",
  roles: ["labor_officer" as const],
  hospitalCode: null,
  idNumber: null,
  purpose: null,
};
const JOB_FAIR = [
  { name: "日期", value: "12月1日" },
  { name: "地点", value: "景芳社区服务中心" },
];

/** Five people with mobiles: 1–3 consented to 景芳社区's news (2 then opted out), 4 to another community's, 5 to none. */
async function audience() {
  const clock = movableClock("2026-11-26T10:00:00+08:00");
  const sms = new RecordingAdapter();
  const d = await openDepartmentDatabase(notifications, { clock, adapters: { SMS: sms } });
  const s = d.services;
  for (const n of [1, 2, 3, 4, 5])
    await s.contacts.setChannel(
      { idNumber: person(n), kind: ChannelKind.SMS, address: `1380000000${n}` },
      RecordedVia.SELF,
    );
  const news = (n: number, community: string, assistanceCategory: AssistanceCategory | null = null) =>
    s.contacts.give(
      { idNumber: person(n), topic: ConsentTopic.NEWS, community, assistanceCategory },
      RecordedVia.WINDOW,
    );
  await news(1, "景芳社区", AssistanceCategory.FORTY_FIFTY);
  await news(2, "景芳社区");
  await news(3, "景芳社区");
  await news(4, "三里亭社区", AssistanceCategory.FORTY_FIFTY);
  await s.contacts.give({ idNumber: person(5), topic: ConsentTopic.SERVICE_NOTICES }, RecordedVia.SELF);
  await s.contacts.withdraw({ idNumber: person(2), topic: ConsentTopic.NEWS }, RecordedVia.SELF);
  return { ...d, clock, sms };
}

test("a broadcast reaches only those who consented to the audience's news: not the opted-out, not others", async () => {
  const { services: s, sms } = await audience();
  const sent = await s.broadcasts.send(OFFICER, {
    audience: { community: "景芳社区" },
    templateCode: "JOB_FAIR",
    variables: JOB_FAIR,
  });
  assert.deepEqual([sent.recipients, sent.messages], [2, 2]);
  await s.deliveries.deliverDue();
  assert.deepEqual(sms.sent.map((m) => m.to).sort(), ["13800000001", "13800000003"]);
  assert.equal(sms.sent[0].text, "12月1日在景芳社区服务中心举办招聘会，欢迎参加。退订请登录一窗通办或到服务窗口办理。");
});

test("an audience by assistance group, and by both, narrows to those matching", async () => {
  const { services: s } = await audience();
  const byGroup = await s.broadcasts.send(OFFICER, {
    audience: { assistanceCategory: AssistanceCategory.FORTY_FIFTY },
    templateCode: "JOB_FAIR",
    variables: JOB_FAIR,
  });
  assert.equal(byGroup.recipients, 2);
  const both = await s.broadcasts.send(OFFICER, {
    audience: { community: "三里亭社区", assistanceCategory: AssistanceCategory.FORTY_FIFTY },
    templateCode: "JOB_FAIR",
    variables: JOB_FAIR,
  });
  assert.equal(both.recipients, 1);
});

test("a scheduled broadcast waits for its time, and one who opts out meanwhile gets nothing", async () => {
  const { services: s, clock, sms, db } = await audience();
  await s.broadcasts.send(OFFICER, {
    audience: { community: "景芳社区" },
    templateCode: "JOB_FAIR",
    variables: JOB_FAIR,
    scheduledAt: new Date("2026-11-27T09:00:00+08:00"),
  });
  assert.deepEqual(await s.deliveries.deliverDue(), []);
  await s.contacts.withdraw({ idNumber: person(3), topic: ConsentTopic.NEWS }, RecordedVia.SELF);
  clock.at("2026-11-27T09:00:00+08:00");
  await s.deliveries.deliverDue();
  assert.deepEqual(
    sms.sent.map((m) => m.to),
    ["13800000001"],
  );
  const statuses = (await db.getRepository(Delivery).find({ order: { id: "ASC" } })).map((d) => d.status);
  assert.deepEqual(statuses, [DeliveryStatus.SENT, DeliveryStatus.CANCELLED]);
});

test("a bad broadcast is refused and writes nothing", async () => {
  const { services: s, db } = await audience();
  const before = await rowCounts(db, TABLES);
  const base: SendBroadcastInput = {
    audience: { community: "景芳社区" },
    templateCode: "JOB_FAIR",
    variables: JOB_FAIR,
  };
  const cases: [Partial<SendBroadcastInput>, string, string][] = [
    [{ audience: {} }, "BAD_USER_INPUT", "audience"],
    [{ templateCode: "CASE_COMPLETED" }, "BAD_USER_INPUT", "templateCode"],
    [{ templateCode: "NO_SUCH" }, "NOT_FOUND", ""],
    [{ variables: [JOB_FAIR[0]] }, "BAD_USER_INPUT", "variables"],
    [{ variables: [...JOB_FAIR, { name: "姓名", value: "x" }] }, "BAD_USER_INPUT", "variables"],
    [{ scheduledAt: new Date("2026-11-25T10:00:00+08:00") }, "BAD_USER_INPUT", "scheduledAt"],
    [{ scheduledAt: new Date("2027-03-01T10:00:00+08:00") }, "BAD_USER_INPUT", "scheduledAt"],
  ];
  for (const [change, code, field] of cases)
    await rejectsWith(s.broadcasts.send(OFFICER, { ...base, ...change }), code, {
      ...(field ? { field } : {}),
      about: JSON.stringify(change),
    });
  assert.deepEqual(await rowCounts(db, TABLES), before);
});
