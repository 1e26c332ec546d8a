import { randomBytes } from "node:crypto";
import { outboxPage, SmsSimulator, SmtpSink } from "@onewindow/notifications";
import { readPort } from "@onewindow/platform";

/** The local SMS provider and mail server of `npm start`, and what notifications is told to use them. */
export interface DevOutbox {
  /** The notifications process's environment: the simulator's URL and key, the sink's URL. */
  env: Record<string, string>;
  /** Where the outbox page is. */
  pageUrl: string;
  close(): Promise<void>;
}

/**
 * Development only (`npm start` without `SMS_API_URL` or `SMTP_URL`): an SMS-provider simulator
 * that checks each request's signature (with a key made for this run) and an SMTP sink, both on
 * 127.0.0.1, so that a newcomer sees messages arrive at `/outbox` (`OUTBOX_PORT`, default 4090)
 * and nothing leaves the machine. Channels configured in the environment are left as they are.
 */
export async function startDevOutbox(env: Record<string, string | undefined> = process.env): Promise<DevOutbox> {
  const key = randomBytes(24).toString("base64url");
  const smtp = env.SMTP_URL ? null : await SmtpSink.start(readPort(env, "SMTP_SINK_PORT", 2525));
  const sms = await SmsSimulator.start({
    key,
    port: readPort(env, "OUTBOX_PORT", 4090),
    page: () => outboxPage(env.SMS_API_URL ? [] : sms.received, smtp?.received ?? []),
  });
  return {
    env: {
      ...(env.SMS_API_URL ? {} : { SMS_API_URL: sms.url, SMS_API_KEY: key }),
      ...(smtp ? { SMTP_URL: smtp.url } : {}),
    },
    pageUrl: `http://127.0.0.1:${sms.port}/outbox`,
    async close() {
      await sms.close();
      await smtp?.close();
    },
  };
}
