import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID, timingSafeEqual } from "node:crypto";
import { signSmsRequest, SMS_SIGNATURE_HEADER, SMS_TIMESTAMP_HEADER } from "../delivery/channel-adapters";

/** An SMS the simulator accepted. */
export interface ReceivedSms {
  messageId: string;
  to: string;
  text: string;
  reference: string;
  receivedAt: string;
}

/** Messages kept, newest last; older ones are dropped. */
const KEEP = 500;
const MAX_BODY = 16 * 1024;
/** A request signed longer ago than this (or this far ahead) is refused: a replayed capture. */
const MAX_SKEW_S = 300;

/**
 * A local stand-in for an SMS provider's HTTP API, for tests and `npm start`: `POST /sms` with the
 * JSON and signature headers {@link SmsHttpAdapter} sends. It checks the HMAC signature with its
 * key (401 when it does not match or is stale) and records what it accepted; `failNext(n)` answers
 * the next n requests with 503, as a provider having trouble would. `GET /outbox` (with a page
 * given) shows what arrived.
 */
export class SmsSimulator {
  readonly received: ReceivedSms[] = [];
  /** Requests refused for their signature. */
  refused = 0;
  private failures = 0;
  private readonly server: http.Server;

  private constructor(
    private readonly key: string,
    private readonly page?: () => string,
  ) {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch(() => {
        res.writeHead(500).end();
      });
    });
  }

  /** Starts on 127.0.0.1 (`port` 0: any free port). */
  static async start(options: { key: string; port?: number; page?: () => string }): Promise<SmsSimulator> {
    const sim = new SmsSimulator(options.key, options.page);
    await new Promise<void>((resolve, reject) => {
      sim.server.once("error", reject);
      sim.server.listen(options.port ?? 0, "127.0.0.1", resolve);
    });
    return sim;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The URL to configure as `SMS_API_URL`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/sms`;
  }

  /** Answers the next `n` requests with 503. */
  failNext(n: number): void {
    this.failures = n;
  }

  /** What was sent to `to`. */
  to(to: string): ReceivedSms[] {
    return this.received.filter((m) => m.to === to);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method === "GET" && req.url === "/outbox" && this.page) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(this.page());
      return;
    }
    if (req.method !== "POST" || req.url !== "/sms") {
      res.writeHead(404).end();
      return;
    }
    let body = "";
    for await (const chunk of req) {
      body += String(chunk);
      if (body.length > MAX_BODY) {
        res.writeHead(413).end();
        return;
      }
    }
    const timestamp = String(req.headers[SMS_TIMESTAMP_HEADER] ?? "");
    const given = Buffer.from(String(req.headers[SMS_SIGNATURE_HEADER] ?? ""));
    const expected = Buffer.from(signSmsRequest(this.key, timestamp, body));
    const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= MAX_SKEW_S;
    if (!fresh || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      this.refused++;
      res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: "bad signature" }));
      return;
    }
    if (this.failures > 0) {
      this.failures--;
      res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ error: "try again later" }));
      return;
    }
    const { to, text, reference } = JSON.parse(body) as { to: string; text: string; reference: string };
    const messageId = randomUUID();
    this.received.push({ messageId, to, text, reference, receivedAt: new Date().toISOString() });
    if (this.received.length > KEEP) this.received.shift();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ messageId }));
  }
}
