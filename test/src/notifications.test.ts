import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { connect } from "nats";
import { SmsSimulator, SmtpSink } from "@onewindow/notifications";
import { natsSubject, streamName } from "@onewindow/platform";
import { startStack, type As, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshIdNumber } from "./harness/fixtures";

const KEY = "e2e-sms-key-5d41402abc4b2a76";
const CLERK: As = { roles: ["window_clerk"], user: "clerk-07", purpose: "登记联系方式" };
const ADMIN: As = { roles: ["admin"], user: "admin-1" };
const OFFICER: As = { roles: ["labor_officer"], user: "officer-3" };

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}, as?: As) {
  const res = await stack.query(query, variables, as);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

const count = async (stack: Stack, sql: string) => Number(Object.values((await stack.sql("notifications", sql))[0])[0]);

describe("notifications through the gateway: SMS on a completed case, once, and broadcasts to consenting people only", () => {
  let stack: Stack;
  let sms: SmsSimulator;
  let smtp: SmtpSink;
  let mobiles = 0;
  /** A registered person with a mobile number (and the consents given), recorded by a clerk. */
  const person = async (consents: Record<string, unknown>[]) => {
    const idNumber = freshIdNumber("1971-06-15", "FEMALE");
    const mobile = `1370000${String(++mobiles).padStart(4, "0")}`;
    await ok(stack, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
      i: { idNumber, name: "周丽华", community: "景芳社区" },
    });
    await ok(
      stack,
      `mutation ($i: SetContactChannelInput!) { setContactChannel(input: $i) { kind } }`,
      {
        i: { idNumber, kind: "SMS", address: mobile },
      },
      CLERK,
    );
    for (const consent of consents)
      await ok(
        stack,
        `mutation ($i: GiveConsentInput!) { giveConsent(input: $i) { granted } }`,
        {
          i: { idNumber, ...consent },
        },
        CLERK,
      );
    return { idNumber, mobile };
  };

  beforeAll(async () => {
    sms = await SmsSimulator.start({ key: KEY });
    smtp = await SmtpSink.start();
    stack = await startStack({
      env: {
        SMS_API_URL: sms.url,
        SMS_API_KEY: KEY,
        SMTP_URL: smtp.url,
        NOTIFY_POLL_MS: "100",
        // A redelivered event comes back soon after a NATS restart.
        EVENT_ACK_WAIT_MS: "1000",
      },
    });
    // Quiet hours (21:00–08:00 Beijing) would hold these SMS whenever the suite runs in the
    // evening; the unit tests move a clock through them. Here the two templates go out at once.
    for (const code of ["CASE_COMPLETED", "JOB_FAIR"]) {
      const { messageTemplates } = await ok(stack, `{ messageTemplates { code body } }`, {}, ADMIN);
      const body = messageTemplates.find((t: { code: string }) => t.code === code).body;
      await ok(
        stack,
        `mutation ($i: SetMessageTemplateInput!) { setMessageTemplate(input: $i) { urgent } }`,
        {
          i: { code, body, urgent: true },
        },
        ADMIN,
      );
    }
  });
  afterAll(async () => {
    await stack?.stop();
    await sms?.close();
    await smtp?.close();
  });

  test("a completed case sends one SMS with its text, though the event is delivered three times and NATS restarts", async () => {
    const { idNumber, mobile } = await person([{ topic: "SERVICE_NOTICES" }]);
    const opened = await ok(stack, `mutation ($i: OpenCaseInput!) { openCase(input: $i) { id } }`, {
      i: { idNumber, itemCode: "LS001", window: "W02" },
    });
    const caseId = opened.openCase.id as string;
    const done = await ok(stack, `mutation ($i: CompleteCaseInput!) { completeCase(input: $i) { completedOn } }`, {
      i: { caseId },
    });
    const day = done.completeCase.completedOn as string;
    const text = `【一窗通办】您的办件（编号${caseId}）已于${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日办结，请携带身份证件到服务大厅窗口领取办理结果。`;
    await eventually(async () =>
      assert.deepEqual(
        sms.to(mobile).map((m) => m.text),
        [text],
      ),
    );

    // The same signed envelope again, twice, as JetStream redelivers it, with NATS restarted between.
    const [row] = await stack.sql<{ envelope: string }>(
      "service-hall",
      `SELECT envelope FROM outbox_event WHERE type = 'onewindow.hall.case.completed' AND subject = '${idNumber}'`,
    );
    const subject = natsSubject(stack.eventsPrefix, "onewindow.hall.case.completed");
    const publish = async () => {
      const nc = await connect(stack.natsLogin());
      await nc.jetstream().publish(subject, row.envelope);
      await nc.close();
    };
    await publish();
    await stack.nats.halt();
    await stack.nats.resume();
    await publish();
    const stream = streamName(stack.eventsPrefix, "hall");
    // Notifications has acknowledged both copies: its consumer's floor is past the stream's last message.
    await eventually(async () => {
      const nc = await connect(stack.natsLogin());
      try {
        const jsm = await nc.jetstreamManager();
        const last = (await jsm.streams.info(stream)).state.last_seq;
        const info = await jsm.consumers.info(stream, "notifications");
        assert.ok(info.ack_floor.stream_seq >= last, `acknowledged to ${info.ack_floor.stream_seq} of ${last}`);
      } finally {
        await nc.close();
      }
    }, 30_000);
    const envelope = JSON.parse(row.envelope) as { id: string };
    assert.equal(
      await count(stack, `SELECT COUNT(*) AS n FROM inbox_event WHERE id = '${envelope.id}'`),
      1,
      "the event reached notifications",
    );
    assert.equal(await count(stack, `SELECT COUNT(*) AS n FROM delivery WHERE id_number = '${idNumber}'`), 1);
    assert.deepEqual(
      sms.to(mobile).map((m) => m.text),
      [text],
    );

    // The person's messages, for the clerk: the number masked, the text as sent.
    const read = await ok(
      stack,
      `query ($id: ID!) { citizen(idNumber: $id) { name notifications(first: 5) { totalCount edges { node { channel to text status templateCode } } } } }`,
      { id: idNumber },
      CLERK,
    );
    assert.equal(read.citizen.name, "周丽华");
    assert.equal(read.citizen.notifications.totalCount, 1);
    assert.deepEqual(read.citizen.notifications.edges[0].node, {
      channel: "SMS",
      to: `${mobile.slice(0, 3)}****${mobile.slice(7)}`,
      text: text.slice("【一窗通办】".length),
      status: "SENT",
      templateCode: "CASE_COMPLETED",
    });
    // And for the citizen themselves, who sees their own only.
    const self: As = { roles: ["citizen"], idNumber, purpose: "查看通知" };
    const own = await ok(
      stack,
      `query ($id: ID!) { citizen(idNumber: $id) { notifications { totalCount } } }`,
      { id: idNumber },
      self,
    );
    assert.equal(own.citizen.notifications.totalCount, 1);
  });

  test("a citizen who took a ticket signed in gets one SMS when three tickets are ahead of it", async () => {
    const { idNumber, mobile } = await person([{ topic: "SERVICE_NOTICES" }]);
    const take = `mutation { takeQueueTicket(input: { category: ENTERPRISE_RETIREES }) { id number waitingAhead } }`;
    for (let i = 0; i < 4; i++) await ok(stack, take, {}, "anonymous");
    const citizen: As = { roles: ["citizen"], idNumber, user: `citizen-${idNumber}` };
    const mine = (await ok(stack, take, {}, citizen)).takeQueueTicket;
    assert.equal(mine.waitingAhead, 4);
    const call = `mutation { callNextTicket(input: { window: "E1", categories: [ENTERPRISE_RETIREES] }) { id } }`;
    // Called through to the citizen's own ticket: three ahead after the first call only.
    for (let i = 0; i < 5; i++) await ok(stack, call, {}, CLERK);
    const near = await stack.sql<{ n: unknown }>(
      "service-hall",
      `SELECT COUNT(*) AS n FROM outbox_event WHERE type = 'onewindow.hall.ticket.near' AND subject = '${idNumber}'`,
    );
    assert.equal(Number(near[0].n), 1, "the hall tells the holder once");
    await eventually(async () =>
      assert.deepEqual(
        sms.to(mobile).map((m) => m.text),
        [`【一窗通办】您在凯旋街道综合服务中心取的${mine.number}号前面还有3位，请回到大厅留意叫号。`],
      ),
    );
  });

  test("a broadcast reaches those who consented to the community's news, not one who opted out", async () => {
    const news = { topic: "NEWS", community: "采荷社区" };
    const stays = await person([news]);
    const leaves = await person([news]);
    const never = await person([{ topic: "SERVICE_NOTICES" }]);
    const self: As = { roles: ["citizen"], idNumber: leaves.idNumber, purpose: "退订资讯" };
    await ok(
      stack,
      `mutation ($i: WithdrawConsentInput!) { withdrawConsent(input: $i) { granted } }`,
      {
        i: { idNumber: leaves.idNumber, topic: "NEWS" },
      },
      self,
    );
    const sent = await ok(
      stack,
      `mutation ($i: SendBroadcastInput!) { sendBroadcast(input: $i) { recipients messages } }`,
      {
        i: {
          audience: { community: "采荷社区" },
          templateCode: "JOB_FAIR",
          variables: [
            { name: "日期", value: "12月3日" },
            { name: "地点", value: "采荷社区服务中心" },
          ],
        },
      },
      OFFICER,
    );
    assert.deepEqual(sent.sendBroadcast, { recipients: 1, messages: 1 });
    await eventually(async () =>
      assert.deepEqual(
        sms.to(stays.mobile).map((m) => m.text),
        ["【一窗通办】12月3日在采荷社区服务中心举办招聘会，欢迎参加。退订请登录一窗通办或到服务窗口办理。"],
      ),
    );
    assert.deepEqual(sms.to(leaves.mobile), []);
    assert.deepEqual(sms.to(never.mobile), []);
    assert.equal(sms.refused, 0, "every request the department sent was signed with the provider's key");
  });
});
