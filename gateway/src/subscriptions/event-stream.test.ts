import { expect, test } from "@jest/globals";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ExecutionArgs, ExecutionResult } from "graphql";
import { ANONYMOUS } from "@onewindow/contracts";
import { afterThisTest } from "@onewindow/testing";
import { EventStreams } from "./event-stream";
import type { Connection, SubscriptionServer } from "./subscription-server";

/** Polls `check` every 20 ms until it holds, for at most 30 s: a loaded machine delays timers. */
async function until(check: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 30_000; !check(); await new Promise((r) => setTimeout(r, 20)))
    if (Date.now() > deadline) throw new Error("never happened");
}

/**
 * The event stream over a stand-in for the subscription server: `pushes` yields large results as
 * fast as it is read (at most 200 of 100 kB), and the test sees which connections were given back
 * and whether the subscription was ended.
 */
async function serveStreams(openConnection: SubscriptionServer["openConnection"] = async () => connection()) {
  const state = { closed: 0, returned: false, yielded: 0 };
  const subscriptions = {
    openConnection,
    closeConnection: () => void state.closed++,
    prepare: () => ({}) as ExecutionArgs,
    pushes: () =>
      (async function* (): AsyncGenerator<ExecutionResult> {
        try {
          for (; state.yielded < 200; state.yielded++) yield { data: { board: "号".repeat(33_000) } };
        } finally {
          state.returned = true;
        }
      })(),
  } as unknown as SubscriptionServer;
  const streams = new EventStreams(subscriptions, { bufferedBytes: 64 * 1024 });
  const server = http.createServer((req, res) => {
    const q = req.url!.indexOf("?");
    void streams.serve(req, res, q < 0 ? "" : req.url!.slice(q));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterThisTest(async () => {
    streams.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql/stream?query=${encodeURIComponent("subscription { queueCalls { day } }")}`;
  return { state, url };
}

const connection = (): Connection => ({ caller: ANONYMOUS, key: "address:127.0.0.1", active: 0, publicOnly: false });

test("a client that stops reading is dropped once its unsent messages pass the limit, and gives its connection back", async () => {
  const { state, url } = await serveStreams();
  const req = http.get(url, (res) => {
    res.on("error", () => undefined);
    res.pause();
  });
  // The server hangs up on it: before or after the response's head arrives, that is the expected end.
  req.on("error", () => undefined);
  afterThisTest(() => req.destroy());
  await until(() => state.returned);
  await until(() => state.closed === 1);
  // Dropped long before the 20 MB the subscription could have sent: the socket's buffers and the limit, no more.
  expect(state.yielded).toBeLessThan(200);
});

test("a client gone while its token is checked gives its connection back at once", async () => {
  let request: http.IncomingMessage | undefined;
  let admit = () => {};
  const { state, url } = await serveStreams(async (_authorization, _purpose, req) => {
    request = req;
    await new Promise<void>((resolve) => (admit = resolve));
    return connection();
  });
  const req = http.get(url);
  req.on("error", () => undefined);
  await until(() => request !== undefined);
  req.destroy();
  await until(() => request!.socket.destroyed);
  admit();
  await until(() => state.closed === 1);
  expect(state.returned).toBe(false);
});
