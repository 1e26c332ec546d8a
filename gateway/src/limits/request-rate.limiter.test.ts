import { test } from "@jest/globals";
import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { GraphQLError } from "graphql";
import type { Caller } from "@onewindow/contracts";
import { CallerRateLimits, clientAddress, parseTrustedProxies, RequestRateLimiter } from "./request-rate.limiter";

/** A limiter on a clock the test moves. */
function limiterAt(perMinute: number, maxCallers?: number) {
  const clock = { now: 0 };
  return { clock, limiter: new RequestRateLimiter(perMinute, maxCallers, () => clock.now) };
}

const request = (headers: Record<string, string>, remoteAddress = "10.0.0.7") =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

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

test("X-Forwarded-For is believed only from a trusted proxy, and only as far as the trusted chain goes", () => {
  const forwarded = { "x-forwarded-for": "203.0.113.9, 10.1.0.5" };
  // No trusted proxies (the default): the socket's peer, whatever the header says.
  assert.equal(clientAddress(request(forwarded, "198.51.100.1")), "198.51.100.1");
  const trusted = parseTrustedProxies("10.0.0.0/16, ::1");
  assert.equal(
    clientAddress(request(forwarded, "198.51.100.1"), trusted),
    "198.51.100.1",
    "an untrusted peer's header is ignored",
  );
  assert.equal(
    clientAddress(request(forwarded, "::ffff:10.0.0.7"), trusted),
    "10.1.0.5",
    "the first hop not in 10.0.0.0/16",
  );
  assert.equal(clientAddress(request({ "x-forwarded-for": "203.0.113.9, 10.0.3.3" }, "::1"), trusted), "203.0.113.9");
  assert.equal(clientAddress(request({ "x-forwarded-for": "junk" }, "::1"), trusted), "::1");
  assert.equal(clientAddress(request({}, "::1"), trusted), "::1");
  assert.throws(() => parseTrustedProxies("10.0.0.0/33"), /10.0.0.0\/33/);
  assert.throws(() => parseTrustedProxies("proxy.local"), /proxy.local/);
});

const caller = (userId: string | null) =>
  ({ userId, roles: [], hospitalCode: null, idNumber: null, purpose: null }) as Caller;

test("callers with tokens are counted by verified subject: two tokens of one subject share a bucket", async () => {
  const limits = new CallerRateLimits(new RequestRateLimiter(3, 10, () => 0));
  const subjectOf = new Map([
    ["Bearer one", "clerk-01"],
    ["Bearer two", "clerk-01"],
    ["Bearer other", "clerk-02"],
  ]);
  const authenticate = limits.authenticated(async (req) => caller(subjectOf.get(req.headers.authorization!)!));
  const send = (authorization: string) => {
    const req = request({ authorization });
    return limits.admit(req) ?? authenticate(req);
  };
  await send("Bearer one");
  await send("Bearer two");
  await send("Bearer one");
  await assert.rejects(
    async () => send("Bearer two"),
    (err: GraphQLError) =>
      err.extensions.code === "RATE_LIMITED" && (err.extensions.http as { status: number }).status === 429,
  );
  // Someone else, from the same address, still has a bucket of their own.
  assert.equal(((await send("Bearer other")) as Caller).userId, "clerk-02");
});

test("a refused token is counted against its address, never against the subject it names", async () => {
  const limits = new CallerRateLimits(new RequestRateLimiter(2, 10, () => 0));
  const authenticate = limits.authenticated(async (req) => {
    if (req.headers.authorization === "Bearer good") return caller("clerk-01");
    throw new GraphQLError("the token is not valid", { extensions: { code: "UNAUTHENTICATED" } });
  });
  const forged = request({ authorization: "Bearer forged-for-clerk-01" }, "10.0.0.66");
  for (let i = 0; i < 2; i++)
    await assert.rejects(authenticate(forged), (err: GraphQLError) => err.extensions.code === "UNAUTHENTICATED");
  await assert.rejects(authenticate(forged), (err: GraphQLError) => err.extensions.code === "RATE_LIMITED");
  // Further token requests from that address are refused before their body is read ...
  assert.equal(limits.admit(forged)?.code, "RATE_LIMITED");
  // ... while the subject the forger aimed at is not touched, and anonymous requests from that address are counted apart.
  assert.equal(limits.admit(request({ authorization: "Bearer good" })), null);
  assert.equal((await authenticate(request({ authorization: "Bearer good" }))).userId, "clerk-01");
  assert.equal(limits.admit(request({}, "10.0.0.66")), null);
});

test("anonymous callers answer 429 RATE_LIMITED with retry-after, per client address", () => {
  const limits = new CallerRateLimits(new RequestRateLimiter(1, 10, () => 0));
  assert.equal(limits.admit(request({})), null);
  const refusal = limits.admit(request({}));
  assert.equal(refusal?.status, 429);
  assert.equal(refusal?.code, "RATE_LIMITED");
  assert.equal(refusal?.headers?.["retry-after"], "60");
  assert.match(refusal!.message, /limit is 1 per minute/);
  // Someone else is not refused.
  assert.equal(limits.admit(request({}, "10.0.0.8")), null);
});
