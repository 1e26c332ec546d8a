import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Refusal } from "@onewindow/shared";

/** Default `GATEWAY_RATE_LIMIT`: far above a person at a desk or a wall screen (`npm run bench`, one caller at hundreds of requests a second, raises it). */
export const DEFAULT_RATE_LIMIT = 6000;

/** Most callers remembered at once; beyond it the least recently seen is forgotten (its bucket starts full again). */
export const DEFAULT_MAX_CALLERS = 100_000;

/**
 * Whom a request is counted against: the SHA-256 of its `authorization` header when it has one
 * (one bucket per token, never the token itself in memory), else its remote address (all
 * anonymous callers behind one address share a bucket). A client that makes up a new token for
 * every request gets a new bucket every time, but those requests end at the token check (401)
 * before any department is asked.
 */
export function rateLimitKey(req: IncomingMessage): string {
  const authorization = req.headers.authorization;
  if (authorization) return `auth:${createHash("sha256").update(authorization).digest("base64url")}`;
  return `addr:${req.socket.remoteAddress ?? "unknown"}`;
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

/**
 * The gateway's `admit` hook for `createHttpServer`: counts every GraphQL request against its
 * caller before the body is read and refuses it with 429 `RATE_LIMITED` and `retry-after` when
 * the caller's bucket is empty.
 */
export function rateLimitAdmission(limiter: RequestRateLimiter, keyOf: (req: IncomingMessage) => string = rateLimitKey) {
  return (req: IncomingMessage): Refusal | null => {
    const decision = limiter.take(keyOf(req));
    if (decision.allowed) return null;
    return {
      status: 429,
      code: "RATE_LIMITED",
      message: `too many requests: the limit is ${limiter.perMinute} per minute; retry in ${decision.retryAfterSeconds} s`,
      headers: { "retry-after": String(decision.retryAfterSeconds) },
    };
  };
}
