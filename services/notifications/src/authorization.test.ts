import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { isObjectType } from "graphql";
import { declaredRoles } from "@onewindow/platform";
import { allowed, auditRows, openDepartmentDatabase, refusedWith, rowCounts } from "@onewindow/testing";
import { notifications } from "./index";
import { ChannelKind, ConsentTopic, RecordedVia } from "./contact/contact.enums";
import { as, person, RecordingAdapter, TABLES } from "./notifications.fixture";

/** Root fields anyone may call: federation's own (each entity's fields carry their own rules). */
const PUBLIC_ROOT_FIELDS = new Set(["Query._entities", "Query._service"]);
/** A person's records: every field must name its readers. */
const GUARDED_TYPES = ["Citizen", "ContactChannel", "Consent", "Notification", "Broadcast"];

const CLERK = as("window_clerk");
const SET = `mutation ($i: SetContactChannelInput!) { setContactChannel(input: $i) { kind address recordedVia } }`;
const CITIZENS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen {
  contactChannels { kind address } consents { topic granted } notifications { totalCount edges { node { to text status } } } } } }`;
const citizens = (...ids: string[]) => ({ r: ids.map((idNumber) => ({ __typename: "Citizen", idNumber })) });

async function opened() {
  return openDepartmentDatabase(notifications, { adapters: { SMS: new RecordingAdapter() } });
}

test("every root field of notifications names its roles, and every personal field its readers", async () => {
  const { schema } = await opened();
  for (const type of [schema.getQueryType()!, schema.getMutationType()!]) {
    for (const field of Object.keys(type.getFields())) {
      const name = `${type.name}.${field}`;
      if (PUBLIC_ROOT_FIELDS.has(name)) continue;
      assert.ok(declaredRoles(type.name, field)?.length, `${name} has no @Authorized`);
    }
  }
  for (const typeName of GUARDED_TYPES) {
    const type = schema.getType(typeName);
    assert.ok(isObjectType(type), typeName);
    for (const field of Object.keys(type.getFields())) {
      if (typeName === "Citizen" && field === "idNumber") continue;
      assert.ok(declaredRoles(typeName, field)?.length, `${typeName}.${field} has no @Authorized`);
    }
  }
});

test("a clerk records a person's number with a purpose; without one nothing is written", async () => {
  const { db, run } = await opened();
  const before = await rowCounts(db, TABLES);
  refusedWith(
    await run({ ...CLERK, purpose: null }, SET, { i: { idNumber: person(1), kind: "SMS", address: "13800001234" } }),
    "FORBIDDEN",
  );
  assert.deepEqual(await rowCounts(db, TABLES), before);
  const answer = allowed(await run(CLERK, SET, { i: { idNumber: person(1), kind: "SMS", address: "13800001234" } }));
  assert.deepEqual(answer.setContactChannel, { kind: "SMS", address: "13800001234", recordedVia: "WINDOW" });
  const rows = await auditRows(db);
  const row = rows.find((r) => r.fields.includes("Mutation.setContactChannel") && r.purpose === "unit test");
  assert.equal(row?.idNumber, person(1));
});

test("a citizen records and withdraws their own consent, and may not touch another's", async () => {
  const { db, run } = await opened();
  const me = as("citizen", { idNumber: person(2) });
  const GIVE = `mutation ($i: GiveConsentInput!) { giveConsent(input: $i) { topic granted recordedVia } }`;
  const WITHDRAW = `mutation ($i: WithdrawConsentInput!) { withdrawConsent(input: $i) { granted withdrawnAt } }`;
  assert.deepEqual(allowed(await run(me, GIVE, { i: { idNumber: person(2), topic: "SERVICE_NOTICES" } })).giveConsent, {
    topic: "SERVICE_NOTICES",
    granted: true,
    recordedVia: "SELF",
  });
  const before = await rowCounts(db, TABLES);
  refusedWith(await run(me, GIVE, { i: { idNumber: person(3), topic: "NEWS" } }), "FORBIDDEN");
  assert.deepEqual(await rowCounts(db, TABLES), before);
  const withdrawn = allowed(await run(me, WITHDRAW, { i: { idNumber: person(2), topic: "SERVICE_NOTICES" } }));
  assert.equal(withdrawn.withdrawConsent.granted, false);
  assert.ok(withdrawn.withdrawConsent.withdrawnAt);
});

test("a person's channels, consents and messages: the clerk and the person; not other officers, not another citizen", async () => {
  const { services: s, run } = await opened();
  await s.contacts.setChannel(
    { idNumber: person(1), kind: ChannelKind.SMS, address: "13800001234" },
    RecordedVia.WINDOW,
  );
  await s.contacts.give({ idNumber: person(1), topic: ConsentTopic.SERVICE_NOTICES }, RecordedVia.WINDOW);
  const read = allowed(await run(CLERK, CITIZENS, citizens(person(1))))._entities[0];
  assert.deepEqual(read.contactChannels, [{ kind: "SMS", address: "13800001234" }]);
  assert.deepEqual(read.consents, [{ topic: "SERVICE_NOTICES", granted: true }]);
  assert.equal(read.notifications.totalCount, 0);
  allowed(await run(as("citizen", { idNumber: person(1) }), CITIZENS, citizens(person(1))));
  refusedWith(await run(as("citizen", { idNumber: person(2) }), CITIZENS, citizens(person(1))), "FORBIDDEN");
  for (const role of ["labor_officer", "tax_officer", "analyst", "admin"] as const)
    refusedWith(await run(as(role), CITIZENS, citizens(person(1))), "FORBIDDEN");
  refusedWith(await run({}, CITIZENS, citizens(person(1))), "UNAUTHENTICATED");
});

test("templates: the administrator changes the wording; clerks read it; nobody else writes it", async () => {
  const { run } = await opened();
  const SET_TEMPLATE = `mutation ($i: SetMessageTemplateInput!) { setMessageTemplate(input: $i) { code body variables } }`;
  const i = { code: "CASE_COMPLETED", body: "您的办件{办件编号}已办结。" };
  for (const role of ["window_clerk", "labor_officer", "citizen"] as const)
    refusedWith(await run(as(role), SET_TEMPLATE, { i }), "FORBIDDEN");
  const set = allowed(await run(as("admin"), SET_TEMPLATE, { i })).setMessageTemplate;
  assert.deepEqual(set, {
    code: "CASE_COMPLETED",
    body: "您的办件{办件编号}已办结。",
    variables: ["办件编号", "办结日期"],
  });
  const list = allowed(await run(CLERK, `{ messageTemplates { code topic } }`)).messageTemplates;
  assert.ok(list.some((t: { code: string; topic: string }) => t.code === "JOB_FAIR" && t.topic === "NEWS"));
  refusedWith(await run(as("citizen", { idNumber: person(1) }), `{ messageTemplates { code } }`), "FORBIDDEN");
});

test("a broadcast is the labor officers' and names nobody", async () => {
  const { run } = await opened();
  const SEND = `mutation ($i: SendBroadcastInput!) { sendBroadcast(input: $i) { recipients } }`;
  const i = {
    audience: { community: "景芳社区" },
    templateCode: "JOB_FAIR",
    variables: [
      { name: "日期", value: "12月1日" },
      { name: "地点", value: "景芳社区服务中心" },
    ],
  };
  for (const role of ["window_clerk", "citizen", "admin", "analyst"] as const)
    refusedWith(await run(as(role), SEND, { i }), "FORBIDDEN");
  assert.equal(allowed(await run(as("labor_officer"), SEND, { i })).sendBroadcast.recipients, 0);
});
