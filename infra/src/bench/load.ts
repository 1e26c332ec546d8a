import fs from "node:fs";
import autocannon from "autocannon";
import type { BenchQuery } from "./queries";

/** What one run of load against one target measured. */
export interface RunResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Every request's latency in ms, sorted (runs are merged for the report's percentiles). */
  latencies: number[];
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx answers, socket errors and timeouts, and 2xx answers whose body has `errors`. */
  errors: number;
  /** The first error seen, to say what went wrong. */
  firstError?: string;
  /** Peak resident memory of the target's process tree during the run, MB. */
  peakRssMb: number;
}

/** Resident memory of a process and its descendants (cluster workers), in kB, from /proc. */
export function treeRssKb(pid: number): number {
  let total = 0;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      for (const child of children ? children.split(/\s+/) : []) total += treeRssKb(Number(child));
    }
  } catch {
    // The process exited, or /proc is not there (not Linux): nothing to add.
  }
  return total;
}

/** The p-th percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Drives `query` at `url` with `connections` keep-alive connections for `seconds`, a fresh
 * variables object per request. Every answer's body is checked for a GraphQL `errors` array
 * (a substring test: JSON-parsing every body would make the load generator the bottleneck).
 * Latencies are kept per request, so p95 is exact.
 */
export async function runLoad(
  url: string,
  query: BenchQuery,
  options: { seconds: number; connections: number; pid: number; headers: (body: string) => Record<string, string> },
): Promise<RunResult> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let firstError: string | undefined;
  let peakRss = treeRssKb(options.pid);
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, treeRssKb(options.pid));
  }, 500);
  let finish!: (err: unknown, result: autocannon.Result) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (err, result) => (err ? reject(err) : resolve(result));
  });
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    pipelining: 1,
    timeout: 10,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => {
          const body = JSON.stringify({ query: query.query, variables: query.variables() });
          request.body = body;
          request.headers = { "content-type": "application/json", ...options.headers(body) };
          return request;
        },
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && body.includes('"errors":')) {
            graphqlErrors++;
            firstError ??= body.slice(0, 300);
          } else if (status >= 300) firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
        },
      },
    ],
  }, (err, result) => finish(err, result));
  instance.on("response", (_client: unknown, _status: number, _bytes: number, time: number) => latencies.push(time));
  const result = await done.finally(() => clearInterval(sampler));
  peakRss = Math.max(peakRss, treeRssKb(options.pid));
  latencies.sort((x, y) => x - y);
  const transportErrors = result.errors + result.timeouts + result.non2xx;
  if (transportErrors && !firstError) firstError = `${result.errors} socket errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`;
  return {
    requests: latencies.length,
    seconds: options.seconds,
    latencies,
    requestsPerSecond: latencies.length / options.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: graphqlErrors + transportErrors,
    firstError,
    peakRssMb: peakRss / 1024,
  };
}
