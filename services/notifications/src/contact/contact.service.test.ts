import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { openDepartmentDatabase, rejectsWith, rowCounts } from "@onewindow/testing";
import { notifications } from "../index";
import { person, TABLES } from "../notifications.fixture";
import { ChannelKind, ConsentTopic, RecordedVia } from "./contact.enums";

test("a number that is not a mainland mobile, or an address that is not an e-mail, is refused and writes nothing", async () => {
  const { services: s, db } = await openDepartmentDatabase(notifications, { adapters: {} });
  const before = await rowCounts(db, TABLES);
  for (const [kind, address] of [
    [ChannelKind.SMS, "1380000123"],
    [ChannelKind.SMS, "12800001234"],
    [ChannelKind.SMS, "0571-86000000"],
    [ChannelKind.EMAIL, "zhang@"],
    [ChannelKind.EMAIL, `${"a".repeat(60)}@${"b".repeat(36)}.com`],
  ] as const)
    await rejectsWith(
      s.contacts.setChannel({ idNumber: person(1), kind, address }, RecordedVia.SELF),
      "BAD_USER_INPUT",
      {
        field: "address",
        about: address,
      },
    );
  await rejectsWith(
    s.contacts.setChannel(
      { idNumber: "330102197503080000", kind: ChannelKind.SMS, address: "13800001234" },
      RecordedVia.SELF,
    ),
    "BAD_USER_INPUT",
    { field: "idNumber" },
  );
  await rejectsWith(
    s.contacts.give(
      { idNumber: person(1), topic: ConsentTopic.SERVICE_NOTICES, community: "景芳社区" },
      RecordedVia.SELF,
    ),
    "BAD_USER_INPUT",
    { field: "community" },
  );
  await rejectsWith(
    s.contacts.withdraw({ idNumber: person(1), topic: ConsentTopic.NEWS }, RecordedVia.SELF),
    "NOT_FOUND",
  );
  await rejectsWith(s.contacts.removeChannel({ idNumber: person(1), kind: ChannelKind.EMAIL }), "NOT_FOUND");
  assert.deepEqual(await rowCounts(db, TABLES), before);
  // The limits themselves are accepted.
  await s.contacts.setChannel(
    { idNumber: person(1), kind: ChannelKind.SMS, address: " 19912345678 " },
    RecordedVia.SELF,
  );
  const email = `${"a".repeat(60)}@${"b".repeat(35)}.com`;
  const saved = await s.contacts.setChannel(
    { idNumber: person(1), kind: ChannelKind.EMAIL, address: email },
    RecordedVia.SELF,
  );
  assert.equal(saved.address, email);
  const [channels] = await s.contacts.channelsOf([person(1)]);
  assert.deepEqual(
    channels.map((c) => [c.kind, c.address]),
    [
      ["EMAIL", email],
      ["SMS", "19912345678"],
    ],
  );
});

test("a template's new wording may use only its trigger's placeholders", async () => {
  const { services: s, db } = await openDepartmentDatabase(notifications, { adapters: {} });
  const admin = { userId: "admin-1", roles: ["admin" as const], hospitalCode: null, idNumber: null, purpose: null };
  const before = await rowCounts(db, TABLES);
  const refusal = await rejectsWith(
    s.templates.set(admin, { code: "BENEFIT_PAID", body: "{姓名}您好" }),
    "BAD_USER_INPUT",
    { field: "body", message: /^body: unknown placeholder \{姓名\}; the template may use \{月份\}、/ },
  );
  // The clerk reads the Chinese, with the placeholders the template may use.
  assert.match(
    String(refusal.extensions.localizedMessage),
    /^模板中的变量 \{姓名\} 不可用，可用变量：\{月份\}、\{金额\}、\{剩余月数\}$/,
  );
  await rejectsWith(s.templates.set(admin, { code: "NOPE", body: "x" }), "NOT_FOUND");
  assert.deepEqual(await rowCounts(db, TABLES), before);
  const set = await s.templates.set(admin, {
    code: "BENEFIT_PAID",
    body: "{月份}失业保险金{金额}元已到账。",
    urgent: true,
  });
  assert.deepEqual([set.body, set.urgent, set.updatedBy], ["{月份}失业保险金{金额}元已到账。", true, "admin-1"]);
});
