import { createHmac } from "node:crypto";
import { createTransport, type Mail } from "nodemailer";
import { ConfigError, readInt, readKeyMaterial, readUrl } from "@onewindow/platform";
import { ChannelKind } from "../contact/contact.enums";

type Env = Record<string, string | undefined>;

/** One message as an adapter sends it. */
export interface OutgoingMessage {
  /** The full address: a mobile number or an e-mail address. */
  to: string;
  subject: string;
  text: string;
  /** The delivery's own reference (`notify-<id>`): the provider's idempotency key, where it has one. */
  reference: string;
}

/** Sends over one channel; resolves with the provider's message id, rejects when not accepted. */
export interface ChannelAdapter {
  send(message: OutgoingMessage): Promise<string | null>;
  close?(): void;
}

/** The adapters a deployment has configured (a channel without one keeps its messages queued). */
export type ChannelAdapters = Partial<Record<ChannelKind, ChannelAdapter>>;

/** The SMS request's signature header: `sha256=` and HMAC-SHA256 over `<timestamp>.<body>` with the API key. */
export const SMS_SIGNATURE_HEADER = "x-sms-signature";
/** The request's time (Unix seconds), signed with the body so that a captured request cannot be replayed later. */
export const SMS_TIMESTAMP_HEADER = "x-sms-timestamp";
/** The key's id at the provider (an account may hold several keys). */
export const SMS_KEY_ID_HEADER = "x-sms-key-id";

/** The signature of an SMS request: what the provider recomputes with the same key. */
export function signSmsRequest(key: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", key).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * SMS through an SMS provider's HTTP API: a JSON POST (`to`, `text` with the sender's signature
 * 【…】 before it, `reference`), signed with the account's key. A 2xx answer is accepted (its JSON
 * `messageId` kept); anything else fails the attempt, which is retried with back-off.
 */
export class SmsHttpAdapter implements ChannelAdapter {
  constructor(
    private readonly options: { url: string; key: string; keyId: string; signName: string; timeoutMs: number },
  ) {}

  async send(message: OutgoingMessage): Promise<string | null> {
    const body = JSON.stringify({
      to: message.to,
      text: `【${this.options.signName}】${message.text}`,
      reference: message.reference,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const res = await fetch(this.options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [SMS_KEY_ID_HEADER]: this.options.keyId,
        [SMS_TIMESTAMP_HEADER]: timestamp,
        [SMS_SIGNATURE_HEADER]: signSmsRequest(this.options.key, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    const answer = (await res.text()).slice(0, 500);
    if (!res.ok) throw new Error(`SMS provider answered ${res.status}: ${answer.slice(0, 120)}`);
    try {
      const id = (JSON.parse(answer) as { messageId?: unknown }).messageId;
      return typeof id === "string" ? id.slice(0, 100) : null;
    } catch {
      return null;
    }
  }
}

/** E-mail through an SMTP server (nodemailer), plain text, UTF-8. */
export class SmtpAdapter implements ChannelAdapter {
  private readonly transport: Mail;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(url);
  }

  async send(message: OutgoingMessage): Promise<string | null> {
    const info = (await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      headers: { "X-OneWindow-Reference": message.reference },
    })) as { messageId?: string };
    return info.messageId?.slice(0, 100) ?? null;
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * The adapters the environment configures: SMS with `SMS_API_URL` and `SMS_API_KEY` (or
 * `SMS_API_KEY_FILE`), `SMS_API_KEY_ID`, `SMS_SIGN_NAME` (the sender's signature the carrier
 * registered, default 一窗通办); e-mail with `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…`
 * for TLS from the start) and `SMTP_FROM`. A channel left unconfigured sends nothing.
 */
export function adaptersFromEnv(env: Env = process.env): ChannelAdapters {
  const adapters: ChannelAdapters = {};
  const timeoutMs = readInt(env, "SMS_API_TIMEOUT_MS", 10_000, 100, 120_000);
  if (env.SMS_API_URL) {
    const key = readKeyMaterial(env, "SMS_API_KEY")?.trim();
    if (!key) throw new ConfigError("SMS_API_KEY", "must be set (or SMS_API_KEY_FILE) when SMS_API_URL is");
    adapters[ChannelKind.SMS] = new SmsHttpAdapter({
      url: readUrl(env, "SMS_API_URL", env.SMS_API_URL),
      key,
      keyId: env.SMS_API_KEY_ID || "onewindow",
      signName: env.SMS_SIGN_NAME || "一窗通办",
      timeoutMs,
    });
  }
  if (env.SMTP_URL) {
    if (!/^smtps?:\/\//.test(env.SMTP_URL)) throw new ConfigError("SMTP_URL", "must be an smtp:// or smtps:// URL");
    adapters[ChannelKind.EMAIL] = new SmtpAdapter(env.SMTP_URL, env.SMTP_FROM || "一窗通办 <noreply@onewindow.local>");
  }
  return adapters;
}
