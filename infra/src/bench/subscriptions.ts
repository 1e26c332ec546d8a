import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fork, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { gatewayNodeOptions, issueDevToken } from "@onewindow/gateway";
import { PURPOSE_HEADER } from "@onewindow/contracts";
import { startStack, type StackGateway } from "../stack/stack";
import { percentile } from "./load";
import type { ClientCommand, ClientReport } from "./subscription-clients";

/**
 * `npm run bench:subscriptions`: how many idle subscriptions one gateway process holds and how
 * soon a call reaches every screen. A stack on SQLite (its own nats-server) and one gateway
 * process measured; client processes open anonymous graphql-ws connections to it, each with a
 * `queueCalls` subscription, in steps (1k, 5k, 10k by default). At each step: the gateway's
 * RSS once every connection has its first board, then `--calls` tickets called one after
 * another through the API, each timed from the mutation's answer to its push arriving at every
 * subscriber (p50/p95/p99 over all of them).
 *
 *   npm run bench:subscriptions -- --steps 1000,5000,10000 --calls 20 --clients 4
 */

const QUERY = `subscription ($c: String) { queueCalls(centre: $c) { nowCalling { number window category } categories { category waiting } } }`;
const VARIABLES = { c: "KAIXUAN" };
const WINDOW = "B01";
const CLERK = { roles: ["window_clerk" as const], user: "bench-clerk", purpose: "叫号压测" };

function options(argv: string[]) {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) args.set(argv[i].replace(/^--/, ""), argv[i + 1]);
  const steps = (args.get("steps") ?? "1000,5000,10000").split(",").map(Number);
  if (steps.some((n, i) => !Number.isInteger(n) || n < 1 || (i > 0 && n <= steps[i - 1])))
    throw new Error("--steps: increasing connection counts, e.g. 1000,5000,10000");
  return {
    steps,
    calls: Number(args.get("calls") ?? 20),
    clients: Number(args.get("clients") ?? 4),
    timeoutMs: Number(args.get("timeout") ?? 120_000),
  };
}

/** A client process and a way to wait for its next report of a kind. */
class ClientProcess {
  private readonly waiting = new Map<string, (report: ClientReport) => void>();
  opened = 0;

  constructor(readonly child: ChildProcess) {
    child.on("message", (report: ClientReport) => {
      if (report.type === "progress") this.opened = report.opened;
      this.waiting.get(report.type)?.(report);
    });
  }

  ask<T extends ClientReport["type"]>(command: ClientCommand, reply: T): Promise<Extract<ClientReport, { type: T }>> {
    return new Promise((resolve) => {
      this.waiting.set(reply, (report) => {
        this.waiting.delete(reply);
        resolve(report as Extract<ClientReport, { type: T }>);
      });
      this.child.send(command);
    });
  }
}

/** The process's resident set, MB (Linux). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return kb ? Number(kb[1]) / 1024 : NaN;
}

/**
 * This process's open-file limit (Linux), which the gateway and the clients it forks inherit: the
 * gateway needs one descriptor per connection. Node cannot raise it; `ulimit -n` before the run can.
 */
function openFileLimit(): number {
  const limits = fs.readFileSync("/proc/self/limits", "utf8");
  const soft = /^Max open files\s+(\d+|unlimited)/m.exec(limits)?.[1];
  return soft === undefined || soft === "unlimited" ? Infinity : Number(soft);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fixed = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function main() {
  const { steps, calls, clients, timeoutMs } = options(process.argv.slice(2));
  const [load1] = os.loadavg();
  console.log(
    `subscription benchmark: steps ${steps.join("/")}, ${calls} calls a step, ${clients} client processes; ` +
      `${os.cpus().length} cores (${os.cpus()[0]?.model}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}, ` +
      `load average ${load1.toFixed(1)} at start`,
  );
  const max = steps.at(-1)!;
  // The connections, plus the gateway's own sockets and files.
  if (openFileLimit() < max + 1000)
    throw new Error(`ulimit -n is ${openFileLimit()}: raise it to at least ${max + 1000} for ${max} connections`);
  const stack = await startStack();
  let gateway: StackGateway | undefined;
  const children: ClientProcess[] = [];
  try {
    // The measured gateway: every connection comes from 127.0.0.1 without a token, so the
    // per-address limit is raised to the step's count (production keeps its default of 20).
    gateway = await stack.startGateway({
      GATEWAY_MAX_CONNECTIONS_PER_CALLER: String(max),
      GATEWAY_MAX_CONNECTIONS: String(max),
      GATEWAY_RATE_LIMIT: "1000000",
      // As every launcher starts it; --expose-gc lets the bench read its memory after a full collection too.
      NODE_OPTIONS: gatewayNodeOptions("--expose-gc"),
    });
    const url = gateway.url;
    const token = await issueDevToken(stack.dataDir, CLERK);
    const clerkHeaders = { authorization: `Bearer ${token}`, [PURPOSE_HEADER]: encodeURIComponent(CLERK.purpose) };
    const mutate = async (query: string, headers: Record<string, string> = {}) => {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`${query} answered ${JSON.stringify(body.errors)}`);
      return body;
    };
    console.log(`gateway pid ${gateway.pid}: RSS ${fixed(rssMb(gateway.pid))} MB with no connection`);

    for (let i = 0; i < clients; i++)
      children.push(
        new ClientProcess(
          fork(path.join(__dirname, "subscription-clients.js"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] }),
        ),
      );
    const results: string[] = [];
    let held = 0;
    let round = 0;
    for (const step of steps) {
      const started = performance.now();
      const share = (i: number) => Math.floor((step - held) / clients) + (i < (step - held) % clients ? 1 : 0);
      const progress = setInterval(() => {
        const opened = children.reduce((s, c) => s + c.opened, 0);
        process.stderr.write(`  connections: ${opened}/${step}, gateway RSS ${fixed(rssMb(gateway!.pid))} MB\n`);
      }, 5000);
      const opened = await Promise.all(
        children.map((c, i) =>
          c.ask(
            { type: "open", url: url.replace(/^http/, "ws"), count: share(i), query: QUERY, variables: VARIABLES },
            "opened",
          ),
        ),
      );
      clearInterval(progress);
      held += opened.reduce((s, r) => s + r.opened, 0);
      const failed = opened.reduce((s, r) => s + r.failed, 0);
      if (!held) throw new Error("no connection could subscribe (the client processes printed why)");
      // Let the gateway's allocations settle before reading its memory; then again after a full collection.
      await sleep(3000);
      const rss = rssMb(gateway.pid);
      await fetch(`http://127.0.0.1:${gateway.metricsPort}/metrics?gc=1`).then((r) => r.text());
      await sleep(1000);
      const rssAfterGc = rssMb(gateway.pid);
      console.log(
        `${held} connections (${failed} failed) in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
          `gateway RSS ${fixed(rss)} MB, ${fixed(rssAfterGc)} MB after a full collection`,
      );

      const latencies: number[] = [];
      let missing = 0;
      for (let c = 0; c < calls; c++) {
        round++;
        await mutate(`mutation { takeQueueTicket(input: { category: TAX }) { number } }`);
        await mutate(
          `mutation { callNextTicket(input: { window: "${WINDOW}", categories: [TAX] }) { number } }`,
          clerkHeaders,
        );
        const answered = performance.timeOrigin + performance.now();
        const arrived = await Promise.all(children.map((ch) => ch.ask({ type: "await", round, timeoutMs }, "arrived")));
        const these = arrived.flatMap((a) => a.times.map((t) => t - answered)).sort((x, y) => x - y);
        missing += arrived.reduce((s, a) => s + a.missing, 0);
        latencies.push(...these);
        process.stderr.write(
          `  call ${c + 1}/${calls}: ${these.length} pushes, p50 ${fixed(percentile(these, 50))} ms, p99 ${fixed(percentile(these, 99))} ms, max ${fixed(these.at(-1) ?? NaN)} ms\n`,
        );
      }
      latencies.sort((x, y) => x - y);
      const line =
        `| ${held.toLocaleString("en-US")} | ${fixed(rss)} | ${fixed(rssAfterGc)} | ${fixed(percentile(latencies, 50))} | ${fixed(percentile(latencies, 95))} | ` +
        `${fixed(percentile(latencies, 99))} | ${fixed(latencies.at(-1) ?? NaN)} | ${missing} | ${os.loadavg()[0].toFixed(1)} |`;
      console.log(line);
      results.push(line);
    }
    console.log(
      `\n| connections | gateway RSS (MB) | after full GC (MB) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | pushes missing | load (1 min) |\n|---|---|---|---|---|---|---|---|---|\n${results.join("\n")}`,
    );
  } finally {
    for (const c of children) c.child.send({ type: "close" } satisfies ClientCommand);
    await gateway?.stop();
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
