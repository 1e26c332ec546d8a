import { performance } from "node:perf_hooks";
import WebSocket from "ws";

/**
 * A child process of `npm run bench:subscriptions`: holds idle graphql-ws connections, each
 * with one subscription, and tells its parent over IPC when each of their pushes arrived. The
 * connections live here, not in the benchmark's own process, so that neither the gateway's
 * figures nor the coordinator's count their memory. It speaks the `graphql-transport-ws`
 * protocol with `ws` directly: the bench measures the gateway, and a lighter client leaves it
 * more of the machine's two cores.
 */

/** What the parent asks. */
export type ClientCommand =
  | { type: "open"; url: string; count: number; query: string; variables: Record<string, unknown> }
  /** Report when every connection has the push of `round` (rounds count from 1, over the whole run). */
  | { type: "await"; round: number; timeoutMs: number }
  | { type: "close" };

/** What a client process tells its parent. */
export type ClientReport =
  | { type: "progress"; opened: number }
  | { type: "opened"; opened: number; failed: number }
  /** Arrival times (ms since the epoch, sub-millisecond) of the round's push, one per connection that got it. */
  | { type: "arrived"; round: number; times: number[]; missing: number };

/** Connections being opened at once: enough to be quick, few enough not to look like a flood to the kernel's backlog. */
const OPENING_AT_ONCE = 100;

const now = () => performance.timeOrigin + performance.now();

interface Held {
  socket: WebSocket;
  /** Arrival time of each push after the first board: index 0 is round `base + 1`. */
  arrivals: number[];
  base: number;
  first: boolean;
}

/** The last round the parent asked about: connections opened after it count their rounds from the next. */
let lastRound = 0;

const held: Held[] = [];
const send = (report: ClientReport) => process.send!(report);

/** Opens one connection and subscribes; resolves when the first board arrived, rejects on any failure. */
function open(url: string, query: string, variables: Record<string, unknown>): Promise<Held> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, "graphql-transport-ws");
    const connection: Held = { socket, arrivals: [], base: lastRound, first: false };
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: {} })));
    socket.on("message", (raw: Buffer) => {
      const at = now();
      // A push is only timed, not read: parsing ten thousand boards would take the CPU the gateway needs.
      if (connection.first && raw.includes('"type":"next"')) return void connection.arrivals.push(at);
      const message = JSON.parse(raw.toString("utf8")) as { type: string; payload?: unknown };
      if (message.type === "connection_ack")
        socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query, variables } }));
      else if (message.type === "next") {
        connection.first = true;
        resolve(connection);
      } else if (message.type === "error" || message.type === "complete")
        reject(new Error(`subscription ended: ${JSON.stringify(message.payload)}`));
    });
    socket.on("error", reject);
    socket.on("close", (code) => reject(new Error(`closed with ${code}`)));
  });
}

async function openAll(command: Extract<ClientCommand, { type: "open" }>): Promise<void> {
  let next = 0;
  let failed = 0;
  const before = held.length;
  const worker = async () => {
    while (next < command.count) {
      next++;
      try {
        held.push(await open(command.url, command.query, command.variables));
      } catch (err) {
        if (failed++ === 0) console.error(`a connection failed: ${(err as Error).message}`);
      }
      if (held.length % 500 === 0) send({ type: "progress", opened: held.length });
    }
  };
  await Promise.all(Array.from({ length: OPENING_AT_ONCE }, worker));
  send({ type: "opened", opened: held.length - before, failed });
}

async function awaitRound(round: number, timeoutMs: number): Promise<void> {
  lastRound = round;
  const deadline = Date.now() + timeoutMs;
  const arrived = (c: Held) => c.arrivals.length >= round - c.base;
  while (Date.now() < deadline && !held.every(arrived)) await new Promise((r) => setTimeout(r, 20));
  const times = held.filter(arrived).map((c) => c.arrivals[round - c.base - 1]);
  send({ type: "arrived", round, times, missing: held.length - times.length });
}

process.on("message", (command: ClientCommand) => {
  if (command.type === "open") void openAll(command);
  else if (command.type === "await") void awaitRound(command.round, command.timeoutMs);
  else {
    for (const c of held) c.socket.terminate();
    process.exit(0);
  }
});
