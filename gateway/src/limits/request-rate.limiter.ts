import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";
import { GraphQLError } from "graphql";
import type { Caller } from "@onewindow/contracts";
import type { Refusal } from "@onewindow/platform/web";
import { GATEWAY } from "../messages";

/** Default `GATEWAY_RATE_LIMIT`: far above a person at a desk or a wall screen (`npm run bench`, one caller at hundreds of requests a second, raises it). */
export const DEFAULT_RATE_LIMIT = 6000;

/** Most callers remembered at once; beyond it the least recently seen is forgotten (its bucket starts full again). */
export const DEFAULT_MAX_CALLERS = 100_000;

/**
 * A list of trusted reverse proxies (`GATEWAY_TRUSTED_PROXIES`): addresses and CIDR blocks,
 * IPv4 or IPv6, separated by commas. Throws a plain Error naming the first entry that is neither.
 */
export function parseTrustedProxies(list: string): BlockList {
  const trusted = new BlockList();
  for (const entry of list
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, prefix, extra] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : isIP(address) === 4 ? "ipv4" : null;
    const bits = prefix === undefined ? undefined : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!type || extra !== undefined || (bits !== undefined && !(bits <= (type === "ipv4" ? 32 : 128)))) {
      throw new Error(`"${entry}" is not an IP address or a CIDR block`);
    }
    if (bits === undefined) trusted.addAddress(address, type);
    else trusted.addSubnet(address, bits, type);
  }
  return trusted;
}

/** `::ffff:10.0.0.7` (IPv4 on a dual-stack socket) → `10.0.0.7`. */
function plain(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function isTrusted(trusted: BlockList | undefined, address: string): boolean {
  const type = isIP(address);
  return !!trusted && type !== 0 && trusted.check(address, type === 6 ? "ipv6" : "ipv4");
}

/**
 * The address a request comes from: the socket's peer, unless that peer is a trusted proxy; then
 * the `X-Forwarded-For` list read from the right (each proxy appends the address it got the
 * request from), skipping trusted proxies, up to the first address that is not one. Anyone can
 * write `X-Forwarded-For`, so it is believed only from a trusted proxy, and only as far as the
 * chain of trusted proxies goes.
 */
export function clientAddress(req: IncomingMessage, trusted?: BlockList): string {
  let address = plain(req.socket.remoteAddress ?? "unknown");
  if (!isTrusted(trusted, address)) return address;
  const forwarded = req.headers["x-forwarded-for"];
  if (!forwarded) return address;
  const hops = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded).split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plain(hops[i].trim());
    if (isIP(hop) === 0) break;
    address = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return address;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, ms. */
  at: number;
}

/** What {@link RequestRateLimiter.take} decided. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A token bucket per caller, in memory: `perMinute` requests in a burst, refilled evenly over a
 * minute. Memory stays bounded: the buckets are kept in least-recently-seen order (a Map
 * re-inserted on every request), a bucket idle for a minute is full again — the same as no bucket
 * — and is dropped as soon as it reaches the front, and at most `maxCallers` are kept.
 *
 * One gateway process counts alone: behind N gateway replicas a caller gets N × the limit.
 */
export class RequestRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  /** Tokens per millisecond. */
  private readonly refill: number;

  constructor(
    readonly perMinute: number,
    private readonly maxCallers = DEFAULT_MAX_CALLERS,
    // Monotonic: a wall-clock step back must not drain or refill buckets.
    private readonly now: () => number = () => performance.now(),
  ) {
    this.refill = perMinute / 60_000;
  }

  /** Takes one request from `key`'s bucket. */
  take(key: string): RateDecision {
    const now = this.now();
    this.evictIdle(now);
    let bucket = this.buckets.get(key);
    if (bucket) {
      this.buckets.delete(key);
      bucket.tokens = Math.min(this.perMinute, bucket.tokens + Math.max(0, now - bucket.at) * this.refill);
      bucket.at = now;
    } else {
      bucket = { tokens: this.perMinute, at: now };
      if (this.buckets.size >= this.maxCallers) this.buckets.delete(this.buckets.keys().next().value!);
    }
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.refill / 1000)) };
  }

  /** Whether `key`'s bucket holds a request, without taking it. */
  has(key: string): boolean {
    const bucket = this.buckets.get(key);
    return !bucket || bucket.tokens + Math.max(0, this.now() - bucket.at) * this.refill >= 1;
  }

  /** Callers currently remembered. */
  get size(): number {
    return this.buckets.size;
  }

  /** Drops buckets from the least recently seen end while they have been idle long enough to be full. */
  private evictIdle(now: number): void {
    const fullAfter = 60_000;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at < fullAfter) break;
      this.buckets.delete(key);
    }
  }
}

function refusal(limiter: RequestRateLimiter, retryAfterSeconds: number): Refusal {
  const text = GATEWAY.tooManyRequests.with({ perMinute: limiter.perMinute, retryAfter: retryAfterSeconds });
  return {
    status: 429,
    code: "RATE_LIMITED",
    message: text.en,
    localized: text,
    headers: { "retry-after": String(retryAfterSeconds) },
  };
}

/** A {@link Refusal} thrown from `authenticate`: `createHttpServer` answers it with its status and headers. */
function thrown(refused: Refusal): GraphQLError {
  return new GraphQLError(refused.message, {
    extensions: {
      code: refused.code,
      localizedMessage: refused.localized?.zh,
      http: { status: refused.status, headers: refused.headers },
    },
  });
}

/**
 * The gateway's request rate limits, one bucket per caller:
 *
 * - an anonymous request (no `authorization` header) is counted against its client address
 *   ({@link clientAddress}) before its body is read;
 * - a request with a token is counted against the token's subject once the token is verified,
 *   so that all of a subject's tokens share one bucket and no made-up token can name (and empty)
 *   someone else's;
 * - a token that fails verification is counted against its client address in a bucket of its
 *   own, and once that is empty further requests with tokens from that address are refused
 *   before their body is read: guessing tokens is as limited as anonymous requests, and an
 *   anonymous flood does not lock out the clerks behind the same address.
 */
export class CallerRateLimits {
  constructor(
    readonly limiter: RequestRateLimiter,
    private readonly trusted?: BlockList,
  ) {}

  /** `createHttpServer`'s `admit` hook: before the body is read. */
  admit(req: IncomingMessage): Refusal | null {
    const address = clientAddress(req, this.trusted);
    if (req.headers.authorization) {
      if (this.limiter.has(`bad:${address}`)) return null;
      const empty = this.limiter.take(`bad:${address}`);
      return empty.allowed ? null : refusal(this.limiter, empty.retryAfterSeconds);
    }
    const decision = this.limiter.take(`addr:${address}`);
    return decision.allowed ? null : refusal(this.limiter, decision.retryAfterSeconds);
  }

  /**
   * Wraps `authenticate`: counts a verified caller against its subject, and a refused token
   * against its address; throws `RATE_LIMITED` (429) when the bucket is empty.
   */
  authenticated(authenticate: (req: IncomingMessage) => Promise<Caller>): (req: IncomingMessage) => Promise<Caller> {
    return async (req) => {
      let caller: Caller;
      try {
        caller = await authenticate(req);
      } catch (err) {
        if (req.headers.authorization) {
          const decision = this.limiter.take(`bad:${clientAddress(req, this.trusted)}`);
          if (!decision.allowed) throw thrown(refusal(this.limiter, decision.retryAfterSeconds));
        }
        throw err;
      }
      if (caller.userId === null) return caller;
      const decision = this.limiter.take(`sub:${caller.userId}`);
      if (!decision.allowed) throw thrown(refusal(this.limiter, decision.retryAfterSeconds));
      return caller;
    };
  }
}
