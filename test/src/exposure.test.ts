import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import http from "node:http";
import os from "node:os";
import { freshIdNumber } from "./harness/fixtures";
import { startStack, type As, type Stack } from "./harness/stack";

/** What the gateway answered: status and parsed body. */
interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

/**
 * A POST to the gateway from the loopback address `from` (127.0.0.x: every one reaches the
 * gateway on 127.0.0.1), so that each test is its own client address with its own rate-limit
 * bucket, whatever ran before it.
 */
function postFrom(stack: Stack, from: string, payload: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = http.request(
      stack.gatewayUrl,
      {
        method: "POST",
        localAddress: from,
        agent: false,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The gateway's used heap after a full garbage collection, from its own metrics port. */
async function gatewayHeapAfterGc(stack: Stack): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${stack.metricsPortOf("gateway")}/metrics?gc=1`)).text();
  const m = /^onewindow_nodejs_heap_size_used_bytes (\d+(?:\.\d+)?)/m.exec(text);
  assert.ok(m, "the gateway reports its heap");
  return Number(m[1]);
}

/** Runs `count` tasks, `parallel` at a time. */
async function inParallel(count: number, parallel: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** Low, so that a bucket refills slowly (one request a second) while a test empties it. */
const RATE_LIMIT = 60;

describe("the gateway cannot be exhausted, and nothing is exposed where it should not be", () => {
  let stack: Stack;
  beforeAll(async () => {
    // --expose-gc lets /metrics?gc=1 collect garbage before the heap is read; only tests set it.
    stack = await startStack({
      env: {
        NODE_OPTIONS: "--expose-gc",
        GATEWAY_RATE_LIMIT: String(RATE_LIMIT),
        GATEWAY_TRUSTED_PROXIES: "127.0.0.40",
      },
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("1,000 anonymous requests with 90 kB operation names leave the heap within 20 MB and the gateway serving", async () => {
    const huge = (i: number) => `Q${i}${"x".repeat(90_000)}`;
    // Warm the paths the flood takes (JSON parsing, the refusal) before the baseline.
    for (let i = 0; i < 20; i++) await postFrom(stack, "127.0.0.10", { query: `query ${huge(i)} { __typename }` });
    const before = await gatewayHeapAfterGc(stack);
    // 25 client addresses, 40 requests each: under the rate limit, so every one reaches the check.
    const codes = new Map<string, number>();
    await inParallel(1000, 8, async (i) => {
      // The name only in the document, one token: under the body and token limits.
      const res = await postFrom(stack, `127.0.0.${100 + (i % 25)}`, { query: `query ${huge(i)} { __typename }` });
      const code = `${res.status} ${res.body.errors?.[0]?.extensions?.code}`;
      codes.set(code, (codes.get(code) ?? 0) + 1);
    });
    assert.deepEqual([...codes], [["400 BAD_REQUEST", 1000]]);
    const grown = (await gatewayHeapAfterGc(stack)) - before;
    assert.ok(grown < 20 * 1024 * 1024, `the heap grew by ${(grown / 1024 / 1024).toFixed(1)} MB`);
    const served = await postFrom(stack, "127.0.0.21", { query: `{ serviceItems(keyword: "退休") { code } }` });
    assert.equal(served.status, 200, JSON.stringify(served.body));
    assert.ok(Array.isArray(served.body.data.serviceItems));
  });

  test("an over-long operation name, in the request or the document, is a 400 BAD_REQUEST that names the limit", async () => {
    const name = "x".repeat(101);
    const inRequest = await postFrom(stack, "127.0.0.22", { query: "{ __typename }", operationName: name });
    assert.equal(inRequest.status, 400);
    assert.equal(inRequest.body.errors?.[0].extensions?.code, "BAD_REQUEST");
    assert.match(inRequest.body.errors![0].message, /operationName is 101 characters long, more than the limit of 100/);
    const inDocument = await postFrom(stack, "127.0.0.22", { query: `query ${name} { __typename }` });
    assert.equal(inDocument.status, 400);
    assert.equal(inDocument.body.errors?.[0].extensions?.code, "BAD_REQUEST");
    assert.match(inDocument.body.errors![0].message, /name is 101 characters long, more than the limit of 100/);
    assert.ok(!JSON.stringify(inDocument.body).includes(name), "the name is not echoed");
  });

  test("anonymous callers' own operation names are folded into `other`; the dashboard's are labels", async () => {
    for (let i = 0; i < 30; i++) {
      const name = `Probe${i}_${"y".repeat(80)}`;
      const res = await postFrom(stack, "127.0.0.23", { query: `query ${name} { __typename }`, operationName: name });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    await postFrom(stack, "127.0.0.23", { query: "query PublicBoards { __typename }", operationName: "PublicBoards" });
    const text = await (await fetch(`http://127.0.0.1:${stack.metricsPortOf("gateway")}/metrics`)).text();
    const operations = new Set(
      [...text.matchAll(/onewindow_graphql_request_duration_seconds_count\{[^}]*operation="([^"]*)"/g)].map(
        (m) => m[1],
      ),
    );
    assert.ok(![...operations].some((o) => o.startsWith("Probe")), `labels: ${[...operations]}`);
    assert.ok(operations.has("other") && operations.has("PublicBoards"), `labels: ${[...operations]}`);
  });

  test("/metrics is not served on the public port of any process, only on its metrics port", async () => {
    for (const name of ["gateway", "labor-security", "service-hall"]) {
      const publicPort = await fetch(`http://127.0.0.1:${stack.portOf(name)}/metrics`);
      assert.equal(publicPort.status, 404, name);
      await publicPort.arrayBuffer();
      const metrics = await fetch(`http://127.0.0.1:${stack.metricsPortOf(name)}/metrics`);
      assert.equal(metrics.status, 200, name);
      assert.match(await metrics.text(), /onewindow_process_cpu_seconds_total/);
      // The metrics port serves nothing else.
      assert.equal(
        (await fetch(`http://127.0.0.1:${stack.metricsPortOf(name)}/graphql`, { method: "POST" })).status,
        404,
      );
    }
  });

  // Skipped when the host has no address but loopback.
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
  (external ? test : test.skip)("by default every process listens on 127.0.0.1 only", async () => {
    for (const name of [
      "gateway",
      "labor-security",
      "medical-insurance",
      "tax",
      "hospital-quality",
      "service-hall",
      "notifications",
    ]) {
      for (const port of [stack.portOf(name), stack.metricsPortOf(name)]) {
        const reached: boolean = await fetch(`http://${external}:${port}/healthz`, {
          signal: AbortSignal.timeout(2000),
        }).then(
          () => true,
          () => false,
        );
        assert.equal(reached, false, `${name} answers on ${external}:${port}`);
      }
      assert.equal((await fetch(`http://127.0.0.1:${stack.portOf(name)}/healthz`)).status, 200, name);
    }
  });

  /** Sends `send()` until it is refused (at most twice the limit), and returns how many were served. */
  async function untilRefused(send: (i: number) => Promise<Answer>): Promise<number> {
    for (let i = 0; i < 2 * RATE_LIMIT; i++) {
      const res = await send(i);
      if (res.status === 429) {
        assert.equal(res.body.errors?.[0].extensions?.code, "RATE_LIMITED");
        return i;
      }
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    assert.fail(`still served after ${2 * RATE_LIMIT} requests`);
  }

  test("two tokens of one subject share one rate-limit bucket; another subject has its own", async () => {
    // Two different tokens (different roles) for the same subject.
    const first: As = { roles: ["window_clerk"], user: "rl-clerk" };
    const second: As = { roles: ["analyst"], user: "rl-clerk" };
    const [a, b] = [await stack.headers(first), await stack.headers(second)];
    assert.notEqual(a.authorization, b.authorization);
    const served = await untilRefused((i) => postFrom(stack, "127.0.0.30", { query: "{ __typename }" }, i % 2 ? b : a));
    assert.ok(served >= RATE_LIMIT, `refused after ${served}`);
    // Both tokens are refused now, not only the one that emptied the bucket (at most a request the
    // bucket has refilled meanwhile is served).
    for (const headers of [a, b]) {
      const more = await untilRefused(() => postFrom(stack, "127.0.0.30", { query: "{ __typename }" }, headers));
      assert.ok(more <= 1, `served ${more} more`);
    }
    const other = await postFrom(
      stack,
      "127.0.0.30",
      { query: "{ __typename }" },
      await stack.headers({ roles: ["window_clerk"], user: "rl-other" }),
    );
    assert.equal(other.status, 200);
  });

  test("X-Forwarded-For is ignored from an untrusted peer, and believed from a trusted proxy", async () => {
    // From 127.0.0.31 (not a trusted proxy) a new X-Forwarded-For on every request buys no new bucket.
    await untilRefused((i) =>
      postFrom(stack, "127.0.0.31", { query: "{ __typename }" }, { "x-forwarded-for": `198.51.100.${i % 250}` }),
    );
    // Through the trusted proxy 127.0.0.40, two clients are two buckets: one emptied, the other served.
    await untilRefused(() =>
      postFrom(stack, "127.0.0.40", { query: "{ __typename }" }, { "x-forwarded-for": "203.0.113.1" }),
    );
    assert.equal(
      (await postFrom(stack, "127.0.0.40", { query: "{ __typename }" }, { "x-forwarded-for": "203.0.113.2" })).status,
      200,
    );
  });

  test("an anonymous caller cannot take a green-channel ticket for a young person, nor a DISABLED one", async () => {
    const take = (input: Record<string, unknown>, as: As = "anonymous") =>
      stack.query(
        `mutation ($i: TakeQueueTicketInput!) { takeQueueTicket(input: $i) { number priority } }`,
        { i: input },
        as,
      );
    const young = await take({ category: "TAX", priority: "ELDERLY", idNumber: freshIdNumber("1990-05-05", "FEMALE") });
    assert.equal(young.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.match(young.errors![0].extensions!.localizedMessage, /未满60周岁/);
    assert.equal(young.data, null);
    const none = await take({ category: "TAX", priority: "ELDERLY" });
    assert.equal(none.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    const disabled = await take({ category: "TAX", priority: "DISABLED" });
    assert.equal(disabled.errors?.[0].extensions?.code, "FORBIDDEN");
    assert.match(disabled.errors![0].extensions!.localizedMessage, /^爱心通道号须由窗口工作人员发放/);
    // Someone of 60 or over at the machine, and a window clerk for anyone, still get one.
    const elder = await take({ category: "TAX", priority: "ELDERLY", idNumber: freshIdNumber("1950-03-03", "MALE") });
    assert.equal(elder.errors, undefined, JSON.stringify(elder.errors));
    const byClerk = await take({ category: "TAX", priority: "DISABLED" }, { roles: ["window_clerk"], user: "clerk-q" });
    assert.equal(byClerk.errors, undefined, JSON.stringify(byClerk.errors));
    assert.equal(byClerk.data.takeQueueTicket.priority, "DISABLED");
  });
});
