import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { createLogger, RefusalTally, type Logger, type Refusal } from "@onewindow/platform/web";

/** Whom a refusal is counted against: a hash of the `Authorization` header (never the token), or the peer's address. */
function callerOf(req: IncomingMessage): string {
  const authorization = req.headers.authorization;
  if (authorization) return `auth:${createHash("sha256").update(authorization).digest("base64url")}`;
  return `addr:${req.socket.remoteAddress ?? "unknown"}`;
}

/**
 * One line of the gateway's refusal log (`"audit":"gateway-refusal"` in the JSON log): a
 * request the gateway refused before any department saw it (401 bad token, 429 rate limit), or
 * (`repeats`) how many more like it came in the minute since `since`.
 */
export interface GatewayRefusalLine {
  audit: "gateway-refusal";
  /** The gateway's id of the (first) request. */
  requestId: string;
  /** The id the client sent in `x-request-id`, if any. */
  clientRequestId: string | null;
  /** Whom it was counted against: `auth:<SHA-256 of the Authorization header>` or `addr:<address>`. */
  caller: string;
  /** The TCP peer (a proxy's address behind one). */
  address: string | null;
  status: number;
  code: string;
  reason: string;
  /** 1 for the first refusal of its kind in a minute; for a summary line, the repeats after it. */
  count: number;
  /** A summary line: the repeats since `since` (ISO 8601). */
  since?: string;
}

/**
 * Where the gateway's refusals go. The gateway has no database, so they go to its log, one JSON
 * line each, through a {@link RefusalTally}: the first refusal of a caller, code and reason in a
 * minute at once, its repeats as one line with their count when the minute ends. A flood of bad
 * tokens or of rate-limited requests adds at most about two lines per kind per minute, and at
 * most 1,001 kinds are kept in memory. Written at level info whatever LOG_LEVEL says: the audit
 * record is not optional.
 */
export class RefusalLog {
  private readonly tally: RefusalTally<GatewayRefusalLine>;

  constructor(private readonly out: Logger = createLogger("gateway", "info")) {
    this.tally = new RefusalTally<GatewayRefusalLine>(
      (line) => this.out.info(line, "gateway refused a request"),
      ({ first, more, since }) =>
        this.out.info({ ...first, count: more, since }, "gateway refused more requests like it"),
    );
  }

  /** The `onRefused` hook of the gateway's HTTP server. */
  readonly record = (
    req: IncomingMessage,
    requestId: string,
    clientRequestId: string | null,
    refusal: Refusal,
  ): void => {
    const caller = callerOf(req);
    // The first words of the reason: "the limit is 60 per minute; retry in 3 s" repeats as one kind.
    const kind = refusal.message.replace(/\d+/g, "#");
    this.tally.record(`${caller}|${refusal.code}|${kind}`, {
      audit: "gateway-refusal",
      requestId,
      clientRequestId,
      caller,
      address: req.socket.remoteAddress ?? null,
      status: refusal.status,
      code: refusal.code,
      reason: refusal.message.slice(0, 300),
      count: 1,
    });
  };

  stop(): void {
    this.tally.stop();
  }
}
