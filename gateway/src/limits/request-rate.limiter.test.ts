import { test } from "node:test";
import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { rateLimitAdmission, rateLimitKey, RequestRateLimiter } from "./request-rate.limiter";

/** A limiter on a clock the test moves. */
function limiterAt(perMinute: number, maxCallers?: number) {
  const clock = { now: 0 };
  return { clock, limiter: new RequestRateLimiter(perMinute, maxCallers, () => clock.now) };
}

const request = (headers: Record<string, string>, remoteAddress = "10.0.0.7") => ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

test("a caller gets the minute's limit as a burst, then one request per 60/limit seconds", () => {
  const { clock, limiter } = limiterAt(6);
  for (let i = 0; i < 6; i++) assert.deepEqual(limiter.take("a"), { allowed: true });
  assert.deepEqual(limiter.take("a"), { allowed: false, retryAfterSeconds: 10 });
  clock.now += 5_000;
  assert.deepEqual(limiter.take("a"), { allowed: false, retryAfterSeconds: 5 });
  clock.now += 5_000;
  assert.deepEqual(limiter.take("a"), { allowed: true });
  assert.equal(limiter.take("a").allowed, false);
  // Another caller has a bucket of its own.
  assert.equal(limiter.take("b").allowed, true);
});

test("refused requests do not dig the bucket deeper", () => {
  const { clock, limiter } = limiterAt(60);
  for (let i = 0; i < 60; i++) limiter.take("a");
  for (let i = 0; i < 1000; i++) assert.equal(limiter.take("a").allowed, false);
  clock.now += 1_000;
  assert.equal(limiter.take("a").allowed, true);
});

test("memory stays bounded: idle callers are forgotten, and at most maxCallers are kept", () => {
  const { clock, limiter } = limiterAt(10, 1000);
  for (let i = 0; i < 500; i++) limiter.take(`caller-${i}`);
  assert.equal(limiter.size, 500);
  clock.now += 30_000;
  limiter.take("late");
  assert.equal(limiter.size, 501);
  clock.now += 30_000;
  // The first 500 have been idle a whole minute: their buckets are full, the same as none.
  limiter.take("later");
  assert.equal(limiter.size, 2);
  for (let i = 0; i < 5000; i++) limiter.take(`flood-${i}`);
  assert.equal(limiter.size, 1000);
});

test("a wall clock going back neither refills nor drains", () => {
  const { clock, limiter } = limiterAt(2);
  clock.now = 100_000;
  limiter.take("a");
  limiter.take("a");
  clock.now = 50_000;
  assert.equal(limiter.take("a").allowed, false);
});

test("callers are told apart by a hash of their authorization header, else by address", () => {
  const token = "Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc";
  const key = rateLimitKey(request({ authorization: token }));
  assert.match(key, /^auth:[A-Za-z0-9_-]{43}$/);
  assert.ok(!key.includes("eyJ"), "the token itself is not kept");
  assert.equal(rateLimitKey(request({ authorization: token }, "10.9.9.9")), key);
  assert.notEqual(rateLimitKey(request({ authorization: `${token}x` })), key);
  assert.equal(rateLimitKey(request({})), "addr:10.0.0.7");
});

test("the admission hook answers 429 RATE_LIMITED with retry-after", () => {
  const admit = rateLimitAdmission(new RequestRateLimiter(1, 10, () => 0));
  assert.equal(admit(request({})), null);
  const refusal = admit(request({}));
  assert.equal(refusal?.status, 429);
  assert.equal(refusal?.code, "RATE_LIMITED");
  assert.equal(refusal?.headers?.["retry-after"], "60");
  assert.match(refusal!.message, /limit is 1 per minute/);
  // Someone else is not refused.
  assert.equal(admit(request({}, "10.0.0.8")), null);
});
