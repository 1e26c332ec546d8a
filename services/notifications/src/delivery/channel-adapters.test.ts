import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { afterThisTest, openDepartmentDatabase } from "@onewindow/testing";
import { notifications } from "../index";
import { ChannelKind, ConsentTopic, RecordedVia } from "../contact/contact.enums";
import { SmsSimulator } from "../dev/sms-simulator";
import { SmtpSink } from "../dev/smtp-sink";
import { movableClock, person } from "../notifications.fixture";
import { adaptersFromEnv, SmsHttpAdapter } from "./channel-adapters";
import { DeliveryStatus } from "./delivery.enums";

const KEY = "test-sms-key-0123456789";

async function simulator() {
  const sim = await SmsSimulator.start({ key: KEY });
  afterThisTest(() => sim.close());
  return sim;
}

async function sink() {
  const smtp = await SmtpSink.start();
  afterThisTest(() => smtp.close());
  return smtp;
}

test("the SMS adapter signs its request; the provider accepts it with the key and refuses it without", async () => {
  const sim = await simulator();
  const message = { to: "13800001234", subject: "", text: "测试短信", reference: "notify-1" };
  const { SMS: sms } = adaptersFromEnv({ SMS_API_URL: sim.url, SMS_API_KEY: KEY, SMS_SIGN_NAME: "杭州人社" });
  const id = await sms!.send(message);
  assert.equal(sim.received.length, 1);
  assert.deepEqual(sim.received[0], {
    messageId: id,
    to: "13800001234",
    text: "【杭州人社】测试短信",
    reference: "notify-1",
    receivedAt: sim.received[0].receivedAt,
  });
  const forged = new SmsHttpAdapter({ url: sim.url, key: "another key", keyId: "x", signName: "x", timeoutMs: 5000 });
  await assert.rejects(forged.send(message), /SMS provider answered 401/);
  assert.equal(sim.refused, 1);
  assert.equal(sim.received.length, 1);
});

test("a configuration that names an SMS provider without a key, or a mail server that is not SMTP, is refused", () => {
  assert.throws(() => adaptersFromEnv({ SMS_API_URL: "http://127.0.0.1:1/sms" }), /SMS_API_KEY/);
  assert.throws(() => adaptersFromEnv({ SMTP_URL: "http://mail.example.com" }), /SMTP_URL/);
  assert.deepEqual(adaptersFromEnv({}), {});
});

test("through real components: a benefit notice goes by SMS to the simulator and by e-mail over SMTP", async () => {
  const sim = await simulator();
  const smtp = await sink();
  const adapters = adaptersFromEnv({
    SMS_API_URL: sim.url,
    SMS_API_KEY: KEY,
    SMTP_URL: smtp.url,
    SMTP_FROM: "杭州市人社局 <notice@example.gov.cn>",
  });
  afterThisTest(() => adapters.EMAIL?.close?.());
  const clock = movableClock("2026-11-26T10:00:00+08:00");
  const { services: s, db } = await openDepartmentDatabase(notifications, { clock, adapters });
  await s.contacts.setChannel({ idNumber: person(1), kind: ChannelKind.SMS, address: "13800001234" }, RecordedVia.SELF);
  await s.contacts.setChannel(
    { idNumber: person(1), kind: ChannelKind.EMAIL, address: "zhang@example.com" },
    RecordedVia.SELF,
  );
  await s.contacts.give({ idNumber: person(1), topic: ConsentTopic.SERVICE_NOTICES }, RecordedVia.SELF);
  await db.transaction((tx) =>
    s.deliveries.notify(tx, person(1), "BENEFIT_PAID", { 月份: "2026年11月", 金额: "2016.00", 剩余月数: "5" }, "e-1"),
  );
  sim.failNext(1);
  const first = await s.deliveries.deliverDue();
  assert.deepEqual(first.map((o) => [o.channel, o.status]).sort(), [
    ["EMAIL", DeliveryStatus.SENT],
    ["SMS", DeliveryStatus.PENDING],
  ]);
  clock.advance(30_000);
  assert.equal((await s.deliveries.deliverDue())[0].status, DeliveryStatus.SENT);
  const text = "您2026年11月的失业保险金2016.00元已发放，剩余可领取5个月。";
  assert.deepEqual(
    sim.received.map((m) => m.text),
    [`【一窗通办】${text}`],
  );
  assert.equal(smtp.received.length, 1);
  assert.deepEqual(smtp.received[0].to, ["zhang@example.com"]);
  assert.equal(smtp.received[0].from, "notice@example.gov.cn");
  assert.equal(smtp.received[0].subject, "失业保险金发放通知");
  assert.equal(smtp.received[0].text, text);
});
