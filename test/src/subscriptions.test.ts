import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import http from "node:http";
import { createClient, type Client, type ExecutionResult } from "graphql-ws";
import WebSocket from "ws";
import { PURPOSE_HEADER } from "@onewindow/contracts";
import { issueDevToken } from "@onewindow/gateway";
import { afterThisTest } from "@onewindow/testing";
import { startStack, type As, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshCreditCode, freshIdNumber } from "./harness/fixtures";

const CLERK: As = { roles: ["window_clerk"], user: "clerk-7", purpose: "窗口办件 W05" };
const ANALYST: As = { roles: ["analyst"], user: "analyst-1", purpose: "统计" };

/** A subscription's messages as they arrive, and how it ended. */
interface Subscribed {
  messages: ExecutionResult<Record<string, any>>[];
  ended: Promise<unknown>;
  stop(): void;
}

/** One message of an event stream: its `event:` name and its `data:` as JSON (null when empty). */
interface StreamMessage {
  event: string;
  data: any;
}

/** An event stream read by a plain HTTP client: its status, its messages as they arrive, and its end. */
interface EventStreamReader {
  status: number;
  contentType: string;
  /** The JSON answer of a refused stream. */
  body?: any;
  messages: StreamMessage[];
  ended: Promise<void>;
  close(): void;
}

/** `GET /graphql/stream` with `params` in the address and `headers`, read with node:http (no EventSource, no library). */
function readEventStream(
  gatewayUrl: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<EventStreamReader> {
  const url = `${gatewayUrl}/stream?${new URLSearchParams(params)}`;
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: "text/event-stream", ...headers } }, (res) => {
      let text = "";
      const messages: StreamMessage[] = [];
      const ended = new Promise<void>((done) => res.on("close", done));
      const reader: EventStreamReader = {
        status: res.statusCode!,
        contentType: String(res.headers["content-type"]),
        messages,
        ended,
        close: () => req.destroy(),
      };
      afterThisTest(() => reader.close());
      res.setEncoding("utf8");
      if (res.statusCode !== 200) {
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ ...reader, body: JSON.parse(text) }));
        return;
      }
      res.on("data", (chunk: string) => {
        text += chunk;
        let cut: number;
        while ((cut = text.indexOf("\n\n")) >= 0) {
          const frame = text.slice(0, cut);
          text = text.slice(cut + 2);
          const lines = frame.split("\n").filter((l) => !l.startsWith(":"));
          if (!lines.length) continue;
          const field = (name: string) =>
            lines
              .filter((l) => l.startsWith(`${name}:`))
              .map((l) => l.slice(name.length + 1).trimStart())
              .join("\n");
          const data = field("data");
          messages.push({ event: field("event"), data: data ? JSON.parse(data) : null });
        }
      });
      resolve(reader);
    });
    req.on("error", (err) => ((err as { code?: string }).code === "ECONNRESET" ? undefined : reject(err)));
  });
}

const QUEUE_CALLS = `subscription ($c: String) { queueCalls(centre: $c) { nowCalling { number window category } } }`;

describe("subscriptions through the gateway (graphql-ws)", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const wsUrl = () => stack.gatewayUrl.replace(/^http/, "ws");

  /** A graphql-ws client signed in as `as` (the token and purpose in its connection parameters). */
  async function client(as: As | "anonymous", onClosed?: (code: number) => void): Promise<Client> {
    const headers = as === "anonymous" ? {} : await stack.headers(as);
    const c = createClient({
      url: wsUrl(),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: {
        ...(headers.authorization ? { Authorization: headers.authorization } : {}),
        ...(headers[PURPOSE_HEADER] ? { [PURPOSE_HEADER]: headers[PURPOSE_HEADER] } : {}),
      },
      on: { closed: (event) => onClosed?.((event as { code: number }).code) },
      onNonLazyError: () => undefined,
    });
    afterThisTest(() => c.dispose());
    return c;
  }

  function subscribe(c: Client, query: string, variables: Record<string, unknown> = {}): Subscribed {
    const messages: ExecutionResult<Record<string, any>>[] = [];
    let stop = () => {};
    const ended = new Promise((resolve, reject) => {
      stop = c.subscribe<Record<string, any>>(
        { query, variables },
        {
          next: (m) => messages.push(m as ExecutionResult<Record<string, any>>),
          error: reject,
          complete: () => resolve(undefined),
        },
      );
    });
    // Awaited by the tests that expect an end; the others must not fail on an unawaited one.
    ended.catch(() => undefined);
    return { messages, ended, stop };
  }

  /**
   * Repeats `act` until `sub` receives a message after it: a subscription without a first read
   * says nothing when the server has registered it, so the act is repeated rather than timed.
   */
  async function untilPushed<T>(sub: { messages: readonly unknown[] }, act: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const before = sub.messages.length;
      const done = await act();
      try {
        await eventually(async () => assert.ok(sub.messages.length > before), 2000);
        return done;
      } catch (err) {
        if (attempt === 10) throw err;
      }
    }
  }

  async function ok(query: string, variables: Record<string, unknown> = {}, as?: As) {
    const res = await stack.query(query, variables, as);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data;
  }

  const registered = new Set<string>();
  async function openCase(idNumber: string): Promise<string> {
    if (!registered.has(idNumber))
      await ok(`mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
        i: { idNumber, name: "周慧敏" },
      });
    registered.add(idNumber);
    const opened = await ok(`mutation ($i: OpenCaseInput!) { openCase(input: $i) { id } }`, {
      i: { idNumber, itemCode: "TX006", window: "W05" },
    });
    return opened.openCase.id as string;
  }

  const CASE_SELECTION = `id status completedOn citizen { idNumber name }`;

  test("queueCalls is public: the board now, then again when a window calls a number", async () => {
    const c = await client("anonymous");
    const sub = subscribe(
      c,
      `subscription { queueCalls(centre: "KAIXUAN") { nowCalling { number window category } } }`,
    );
    afterThisTest(() => sub.stop());
    await eventually(async () => assert.ok(sub.messages.length >= 1));
    const ticket = (await ok(`mutation { takeQueueTicket(input: { category: TAX }) { number } }`, {}, "anonymous"))
      .takeQueueTicket;
    await ok(`mutation { callNextTicket(input: { window: "S09", categories: [TAX] }) { number } }`, {}, CLERK);
    const pushed = await eventually(async () => {
      const last = sub.messages.at(-1)!;
      assert.equal(last.errors, undefined, JSON.stringify(last.errors));
      const call = last.data!.queueCalls.nowCalling.find((t: { window: string }) => t.window === "S09");
      assert.ok(call, JSON.stringify(last));
      return call;
    });
    assert.deepEqual(pushed, { number: ticket.number, window: "S09", category: "TAX" });
  });

  test("a clerk's caseUpdates pushes the case now and when it completes, exactly as the clerk's query answers it", async () => {
    const caseId = await openCase(freshIdNumber("1980-04-04", "FEMALE"));
    const c = await client(CLERK);
    const sub = subscribe(c, `subscription ($id: ID!) { caseUpdates(caseId: $id) { ${CASE_SELECTION} } }`, {
      id: caseId,
    });
    afterThisTest(() => sub.stop());
    await eventually(async () => assert.ok(sub.messages.length >= 1));
    // The case-opened event travels through the outbox and may reach the gateway after the
    // subscription started, so the open case can be pushed twice; it is never anything but OPEN.
    const beforeCompletion = sub.messages.length;
    for (const m of sub.messages) assert.equal(m.data!.caseUpdates.status, "OPEN", JSON.stringify(m));

    await ok(`mutation ($i: CompleteCaseInput!) { completeCase(input: $i) { id } }`, { i: { caseId } }, CLERK);
    const asQueried = await ok(
      `query ($id: ID!) { caseUpdates: case(id: $id) { ${CASE_SELECTION} } }`,
      { id: caseId },
      CLERK,
    );
    assert.equal(asQueried.caseUpdates.status, "COMPLETED");
    await eventually(async () => assert.deepEqual(sub.messages.at(-1), { data: asQueried }));
    for (const m of sub.messages.slice(beforeCompletion, -1))
      assert.ok(["OPEN", "COMPLETED"].includes(m.data!.caseUpdates.status), JSON.stringify(m));
  });

  test("an analyst's caseUpdates is refused with the hall's own error, and ends", async () => {
    const caseId = await openCase(freshIdNumber("1979-05-05", "FEMALE"));
    const c = await client(ANALYST);
    const sub = subscribe(c, `subscription ($id: ID!) { caseUpdates(caseId: $id) { ${CASE_SELECTION} } }`, {
      id: caseId,
    });
    await sub.ended;
    assert.equal(sub.messages.length, 1);
    assert.equal(sub.messages[0].data?.caseUpdates ?? null, null);
    assert.equal(sub.messages[0].errors?.[0].extensions?.code, "FORBIDDEN", JSON.stringify(sub.messages[0]));
  });

  test("a citizen's myCases sees their own case open and nobody else's; a clerk may not use myCases", async () => {
    const mine = freshIdNumber("1985-06-06", "MALE");
    const c = await client({ roles: ["citizen"], user: "citizen-1", idNumber: mine, purpose: "查看本人办件" });
    const sub = subscribe(c, `subscription { myCases { id status citizen { idNumber } } }`);
    afterThisTest(() => sub.stop());
    const caseId = await untilPushed(sub, async () => {
      await openCase(freshIdNumber("1986-07-07", "MALE"));
      return openCase(mine);
    });
    // An earlier attempt's push may be what ended the wait: the last attempt's arrives after it.
    await eventually(async () =>
      assert.deepEqual(sub.messages.at(-1)!.data, {
        myCases: { id: caseId, status: "OPEN", citizen: { idNumber: mine } },
      }),
    );
    // Someone else's case, opened just before, is never pushed: every message is the citizen's.
    for (const m of sub.messages) assert.equal(m.data!.myCases?.citizen.idNumber, mine, JSON.stringify(m));

    const clerk = subscribe(await client(CLERK), `subscription { myCases { id } }`);
    await assert.rejects(clerk.ended, (errors: any) => errors[0]?.extensions?.code === "FORBIDDEN");
  });

  test("newJobPostings is public and narrowed by its filter", async () => {
    const c = await client("anonymous");
    const sub = subscribe(c, `subscription ($f: JobPostingFilter) { newJobPostings(filter: $f) { title salaryMax } }`, {
      f: { keyword: "订阅测试" },
    });
    afterThisTest(() => sub.stop());
    const creditCode = freshCreditCode();
    await ok(`mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { creditCode } }`, {
      i: { creditCode, name: "杭州订阅科技有限公司", industry: "信息技术" },
    });
    const post = (title: string) =>
      ok(`mutation ($i: PostJobInput!) { postJob(input: $i) { id } }`, {
        i: { creditCode, title, salaryMin: 6000, salaryMax: 8000 },
      });
    let n = 0;
    await untilPushed(sub, async () => {
      n++;
      await post(`仓库管理员 ${n}`);
      await post(`订阅测试工程师 ${n}`);
    });
    // Only postings the filter admits arrive, in the order they were published (the last attempt's last).
    await eventually(async () =>
      assert.deepEqual(sub.messages.at(-1)!.data, {
        newJobPostings: { title: `订阅测试工程师 ${n}`, salaryMax: 8000 },
      }),
    );
    for (const m of sub.messages) assert.match(m.data!.newJobPostings.title, /^订阅测试工程师 \d+$/);
  });

  test("the connection closes (4401) when its token expires, so the client reconnects with a fresh one", async () => {
    const token = await issueDevToken(stack.dataDir, { roles: ["window_clerk"], ttlSeconds: 8 });
    let connectedAt = 0;
    let closed = 0;
    const c = createClient({
      url: wsUrl(),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: { Authorization: `Bearer ${token}` },
      on: {
        connected: () => (connectedAt = Date.now()),
        closed: (event) => (closed = (event as { code: number }).code),
      },
      onNonLazyError: () => undefined,
    });
    afterThisTest(() => c.dispose());
    const sub = subscribe(c, `subscription { newJobPostings { title } }`);
    await eventually(async () => assert.ok(connectedAt > 0));
    await eventually(async () => assert.equal(closed, 4401), 30_000);
    await assert.rejects(sub.ended);
  });

  test("a forged token is refused at connection time; queries are refused on the socket; subscriptions per connection are bounded", async () => {
    let code = 0;
    const forged = createClient({
      url: wsUrl(),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { Authorization: "Bearer not.a.token" },
      on: { closed: (event) => (code = (event as { code: number }).code) },
    });
    afterThisTest(() => forged.dispose());
    const refused = subscribe(forged, `subscription { newJobPostings { title } }`);
    await assert.rejects(refused.ended);
    assert.equal(code, 4403);

    const c = await client("anonymous");
    const query = subscribe(c, `query { workingCalendar(year: 2026) { year } }`);
    await assert.rejects(query.ended, (errors: any) => errors[0]?.extensions?.code === "BAD_USER_INPUT");

    const held = Array.from({ length: 20 }, () => subscribe(c, `subscription { newJobPostings { title } }`));
    afterThisTest(() => held.forEach((s) => s.stop()));
    const over = subscribe(c, `subscription { newJobPostings { title } }`);
    await assert.rejects(over.ended, (errors: any) => errors[0]?.extensions?.code === "RATE_LIMITED");
  });
  /** Takes a tax ticket and has `window` call the next one; the number called. */
  async function callTicket(window: string): Promise<string> {
    await ok(`mutation { takeQueueTicket(input: { category: TAX }) { number } }`, {}, "anonymous");
    const called = await ok(
      `mutation ($w: String!) { callNextTicket(input: { window: $w, categories: [TAX] }) { number } }`,
      { w: window },
      CLERK,
    );
    return called.callNextTicket.number as string;
  }

  /** The board's call at `window` in the last message of `messages` (graphql-ws results or stream `data`). */
  const callAt = (last: ExecutionResult<Record<string, any>> | undefined, window: string) =>
    last?.data?.queueCalls?.nowCalling.find((t: { window: string }) => t.window === window)?.number as
      string | undefined;

  test("over Server-Sent Events anyone may follow queueCalls without a token: the board now, then again when a window calls a number", async () => {
    const stream = await readEventStream(stack.gatewayUrl, {
      query: QUEUE_CALLS,
      variables: JSON.stringify({ c: "KAIXUAN" }),
    });
    assert.equal(stream.status, 200);
    assert.match(stream.contentType, /^text\/event-stream/);
    await eventually(async () => assert.ok(stream.messages.length >= 1));
    assert.equal(stream.messages[0].event, "next");
    assert.ok(Array.isArray(stream.messages[0].data.data.queueCalls.nowCalling), JSON.stringify(stream.messages[0]));

    const number = await callTicket("S10");
    await eventually(async () => {
      const last = stream.messages.at(-1)!;
      assert.equal(last.data.errors, undefined, JSON.stringify(last));
      assert.equal(callAt(last.data, "S10"), number, JSON.stringify(last));
    });
  });

  test("an event stream carries a clerk's caseUpdates with the token in the Authorization header; an analyst's is refused and ends", async () => {
    const caseId = await openCase(freshIdNumber("1982-08-08", "FEMALE"));
    const query = `subscription ($id: ID!) { caseUpdates(caseId: $id) { id status } }`;
    const variables = JSON.stringify({ id: caseId });
    const clerk = await readEventStream(stack.gatewayUrl, { query, variables }, await stack.headers(CLERK));
    assert.equal(clerk.status, 200);
    await eventually(async () => assert.ok(clerk.messages.length >= 1));
    // As on the WebSocket, a late case-opened event may push the open case a second time.
    for (const m of clerk.messages)
      assert.deepEqual(m, { event: "next", data: { data: { caseUpdates: { id: caseId, status: "OPEN" } } } });
    await ok(`mutation ($i: CompleteCaseInput!) { completeCase(input: $i) { id } }`, { i: { caseId } }, CLERK);
    await eventually(async () =>
      assert.deepEqual(clerk.messages.at(-1)?.data, { data: { caseUpdates: { id: caseId, status: "COMPLETED" } } }),
    );

    const analyst = await readEventStream(stack.gatewayUrl, { query, variables }, await stack.headers(ANALYST));
    await analyst.ended;
    assert.equal(analyst.messages.length, 2, JSON.stringify(analyst.messages));
    assert.equal(analyst.messages[0].data.errors[0].extensions.code, "FORBIDDEN", JSON.stringify(analyst.messages));
    assert.deepEqual(analyst.messages[1], { event: "complete", data: null });
  });

  test("an event stream refuses a token in the address, a case without a token, a forged token and a query", async () => {
    const caseUpdates = { query: `subscription { caseUpdates(caseId: "1") { id } }` };
    const inAddress = await readEventStream(stack.gatewayUrl, { ...caseUpdates, access_token: "abc" });
    assert.equal(inAddress.status, 400);
    assert.match(inAddress.body.errors[0].message, /Authorization header/);

    const tokenless = await readEventStream(stack.gatewayUrl, caseUpdates);
    assert.equal(tokenless.status, 401);
    assert.equal(tokenless.body.errors[0].extensions.code, "UNAUTHENTICATED");

    const forged = await readEventStream(
      stack.gatewayUrl,
      { query: QUEUE_CALLS },
      { authorization: "Bearer not.a.token" },
    );
    assert.equal(forged.status, 401);

    const query = await readEventStream(stack.gatewayUrl, { query: `query { workingCalendar(year: 2026) { year } }` });
    assert.equal(query.status, 400);
    assert.equal(query.body.errors[0].extensions.code, "BAD_USER_INPUT");

    const invalid = await readEventStream(stack.gatewayUrl, { query: `subscription { queueCalls { nope } }` });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.errors[0].extensions.code, "GRAPHQL_VALIDATION_FAILED");
  });

  test("an event stream ends with UNAUTHENTICATED when its token expires, so the screen reconnects with a fresh one", async () => {
    const token = await issueDevToken(stack.dataDir, { roles: ["window_clerk"], ttlSeconds: 8 });
    const stream = await readEventStream(
      stack.gatewayUrl,
      { query: QUEUE_CALLS },
      { authorization: `Bearer ${token}` },
    );
    assert.equal(stream.status, 200);
    await eventually(async () => assert.equal(stream.messages.at(-1)?.event, "complete"), 30_000);
    await stream.ended;
    const last = stream.messages.at(-2)!;
    assert.equal(last.data.errors[0].extensions.code, "UNAUTHENTICATED", JSON.stringify(last));
  });

  test("event streams and WebSocket connections count together against a caller's connections, and give their place back when they end", async () => {
    const caller: As = { roles: ["window_clerk"], user: "connection-counter", purpose: "叫号屏" };
    const headers = await stack.headers(caller);
    const open = () => readEventStream(stack.gatewayUrl, { query: QUEUE_CALLS }, headers);
    // GATEWAY_MAX_CONNECTIONS_PER_CALLER's default.
    const held = await Promise.all(Array.from({ length: 20 }, open));
    for (const s of held) assert.equal(s.status, 200);
    const over = await open();
    assert.equal(over.status, 429);
    assert.equal(over.body.errors[0].extensions.code, "RATE_LIMITED");

    let closed = 0;
    const ws = await client(caller, (code) => (closed = code));
    subscribe(ws, QUEUE_CALLS);
    await eventually(async () => assert.equal(closed, 4429));

    held[0].close();
    await eventually(async () => assert.equal((await open()).status, 200));
  });

  test("anonymous subscribers of the same public request share each push: one query to the hall per call, not one each", async () => {
    const hallRequests = async () => {
      const text = await (await fetch(`http://127.0.0.1:${stack.metricsPortOf("gateway")}/metrics`)).text();
      return [
        ...text.matchAll(
          /^onewindow_subgraph_request_duration_seconds_count\{department="service-hall"[^}]*\} (\d+)$/gm,
        ),
      ].reduce((sum, m) => sum + Number(m[1]), 0);
    };
    const c = await client("anonymous");
    const subs = Array.from({ length: 10 }, () => subscribe(c, QUEUE_CALLS, { c: "KAIXUAN" }));
    afterThisTest(() => subs.forEach((s) => s.stop()));
    await eventually(async () => assert.ok(subs.every((s) => s.messages.length >= 1)));

    const before = await hallRequests();
    const number = await callTicket("S14");
    await eventually(async () => {
      for (const s of subs) assert.equal(callAt(s.messages.at(-1), "S14"), number, JSON.stringify(s.messages.at(-1)));
    });
    // The ticket taken, the call and one push for all ten; a push each would be twelve.
    assert.equal((await hallRequests()) - before, 3);
  });

  test("two gateway replicas each follow the events themselves: a subscriber on each sees the same call", async () => {
    const second = await stack.startGateway();
    afterThisTest(() => second.stop());
    const onFirst = subscribe(await client("anonymous"), QUEUE_CALLS, { c: "KAIXUAN" });
    afterThisTest(() => onFirst.stop());
    const onSecond = await readEventStream(second.url, {
      query: QUEUE_CALLS,
      variables: JSON.stringify({ c: "KAIXUAN" }),
    });
    await eventually(async () => assert.ok(onFirst.messages.length >= 1 && onSecond.messages.length >= 1));

    // The new replica connects to NATS in the background: an event before that is not its to see.
    const number = await untilPushed(onSecond, () => callTicket("S12"));
    await eventually(async () => {
      assert.equal(callAt(onFirst.messages.at(-1), "S12"), number, JSON.stringify(onFirst.messages.at(-1)));
      assert.equal(callAt(onSecond.messages.at(-1)?.data, "S12"), number, JSON.stringify(onSecond.messages.at(-1)));
    });
  });
});
