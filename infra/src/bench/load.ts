import fs from "node:fs";
import autocannon from "autocannon";
import { Progress } from "../seed/progress";
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
  /** CPU time the target's process tree spent during the run, ms (user + system). */
  targetCpuMs: number;
  /** CPU time the whole machine spent during the run, ms: the target, the departments, PostgreSQL, the load generator. */
  machineCpuMs: number;
  /** CPU time of the load generator (this process) during the run, ms. */
  loadGeneratorCpuMs?: number;
  /** With `options.redis`: CPU time of the local redis-server processes during the run, ms. */
  redisCpuMs?: number;
  /**
   * With `options.departments`: per department, CPU time of its process (0 for the target's own,
   * counted in `targetCpuMs`) and of the PostgreSQL backends serving its database during the run,
   * ms — what the departments spent on the run's requests, whatever else shares the machine.
   */
  departmentsCpuMs?: Map<string, { process: number; postgres: number }>;
}

/** The processes of a tree: `pid` and its descendants, from /proc (empty where there is none). */
function treePids(pid: number): number[] {
  const pids = [pid];
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      for (const child of children ? children.split(/\s+/) : []) pids.push(...treePids(Number(child)));
    }
  } catch {
    return [];
  }
  return pids;
}

/** Resident memory of a process and its descendants (cluster workers), in kB, from /proc. */
export function treeRssKb(pid: number): number {
  let total = 0;
  for (const p of treePids(pid)) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // Exited between listing and reading.
    }
  }
  return total;
}

/** Kernel clock ticks per second (USER_HZ), the unit of /proc's CPU times: 100 on Linux. */
const TICK_MS = 10;

/** CPU time (user + system) a process tree has used so far, in ms, from /proc/<pid>/stat. */
export function treeCpuMs(pid: number): number {
  return pidsCpuMs(treePids(pid));
}

/** CPU time (user + system) the processes `pids` have used so far, in ms (0 for one that is gone). */
export function pidsCpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const p of pids) {
    try {
      // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    } catch {
      // Exited between listing and reading.
    }
  }
  return ticks * TICK_MS;
}

/**
 * The PostgreSQL backends (on this machine) serving `database`: PostgreSQL names a backend's
 * database in its process title (`postgres: 15/main: <user> <database> <client> <state>`).
 */
export function postgresBackendPids(database: string): number[] {
  return postgresBackendsOf([database]).get(database)!;
}

/** The PostgreSQL backends of each of `databases`, found in one pass over /proc. */
function postgresBackendsOf(databases: readonly string[]): Map<string, number[]> {
  const found = new Map(databases.map((d) => [d, [] as number[]]));
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!title.startsWith("postgres: ")) continue;
      for (const word of title.split(/[\s\0]+/)) found.get(word)?.push(Number(entry));
    } catch {
      // Exited between listing and reading.
    }
  }
  return found;
}

/**
 * CPU time the PostgreSQL backends of `database` spend from now on, ms: sampled, so that a
 * backend that starts or ends in between (the department's pool opens and closes connections)
 * counts with what it used while it was seen.
 */
export function postgresCpuMeter(database: string): { sample(): void; spentMs(): number } {
  const meters = postgresCpuMeters([database]);
  return { sample: meters.sample, spentMs: () => meters.spentMs(database) };
}

/** {@link postgresCpuMeter} for several databases at once, sampled in one pass over /proc. */
export function postgresCpuMeters(databases: readonly string[]): {
  sample(): void;
  spentMs(database: string): number;
} {
  const start = new Map<number, number>();
  const last = new Map<number, number>();
  const owner = new Map<number, string>();
  let first = true;
  const sample = () => {
    for (const [database, pids] of postgresBackendsOf(databases))
      for (const pid of pids) {
        const used = pidsCpuMs([pid]);
        // A backend first seen later started since: all its time is the run's.
        if (!start.has(pid)) start.set(pid, first ? used : 0);
        last.set(pid, used);
        owner.set(pid, database);
      }
    first = false;
  };
  sample();
  return {
    sample,
    spentMs: (database) =>
      // A pid the kernel gave to a new backend between two samples would count below zero: never less than nothing.
      [...last].reduce(
        (sum, [pid, used]) => (owner.get(pid) === database ? sum + Math.max(0, used - start.get(pid)!) : sum),
        0,
      ),
  };
}

/** The local redis-server processes (the departments' shared cache, when they use one). */
export function redisServerPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "redis-server") pids.push(Number(entry));
    } catch {
      // Exited between listing and reading.
    }
  }
  return pids;
}

/** CPU time the whole machine has been busy so far (every state but idle and iowait), in ms, from /proc/stat. */
export function machineCpuMs(): number {
  try {
    const [, ...values] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = values.map(Number);
    return (user + nice + system + irq + softirq + (steal || 0)) * TICK_MS;
  } catch {
    return 0;
  }
}

/**
 * Waits until what `cpuMs` counts (CPU time used so far, ms: see {@link stackCpuMs}) has grown by
 * at most `busyMs` in each of two windows of `windowMs` in a row, or `maxMs` has passed; resolves
 * with whether it went quiet. A run stops sending when its time is up, but the requests it left in
 * flight are still worked on by the target, the departments and PostgreSQL: waiting keeps that
 * work out of the next run, which may be another target's. Idle, the bench's stack uses 0–20 ms
 * of CPU time per 250 ms (background timers); busy, most of both cores (400 ms per 200 ms).
 */
export async function waitUntilQuiet(
  cpuMs: () => number,
  { windowMs = 200, busyMs = 30, maxMs = 20_000 }: { windowMs?: number; busyMs?: number; maxMs?: number } = {},
): Promise<boolean> {
  const deadline = Date.now() + maxMs;
  let quietWindows = 0;
  while (Date.now() < deadline) {
    const before = cpuMs();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    quietWindows = cpuMs() - before <= busyMs ? quietWindows + 1 : 0;
    if (quietWindows === 2) return true;
  }
  return false;
}

/**
 * How much CPU time what `cpuMs` counts uses per `windowMs` while nothing is asked of it (the
 * stack's timers, pollers and, when profiled, the profilers), ms: the median of `windows`
 * windows. {@link waitUntilQuiet} counts a window as quiet up to this much more than its busy limit.
 */
export async function idleCpuMs(cpuMs: () => number, { windowMs = 200, windows = 5 } = {}): Promise<number> {
  const spent: number[] = [];
  for (let i = 0; i < windows; i++) {
    const before = cpuMs();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    spent.push(cpuMs() - before);
  }
  return spent.sort((x, y) => x - y)[Math.floor(windows / 2)];
}

/** CPU time (user + system) the process trees of `roots` have used so far, in ms. */
export const stackCpuMs = (roots: readonly number[]) => roots.reduce((sum, pid) => sum + treeCpuMs(pid), 0);

/** The p-th percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Drives `query` at `url` with `connections` keep-alive connections for `seconds`, a fresh
 * variables object per request. Every answer's body is checked for a GraphQL `errors` array
 * (a substring test: JSON-parsing every body would make the load generator the bottleneck).
 * Latencies are kept per request, so p95 is exact. With `label`, a progress line (seconds run,
 * on stderr) shows the run going.
 */
export async function runLoad(
  url: string,
  query: BenchQuery,
  options: {
    seconds: number;
    /** Stop after this many answers (at most `seconds`): a warm-up that serves every connection a set number of times. */
    amount?: number;
    connections: number;
    pid: number;
    headers: (body: string) => Record<string, string>;
    label?: string;
    /** Measure the local redis-server's CPU too (the departments cache in it). */
    redis?: boolean;
    /**
     * Every department's process and PostgreSQL database, measured one by one; no `pid` for the
     * department that is the target itself (its process is the target's), whose database is still measured.
     */
    departments?: { name: string; pid?: number; database: string }[];
  },
): Promise<RunResult> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let firstError: string | undefined;
  let peakRss = treeRssKb(options.pid);
  const redis = options.redis ? redisServerPids() : [];
  const ownBefore = process.cpuUsage();
  const departmentCpuMs = (pid?: number) => (pid === undefined ? 0 : treeCpuMs(pid));
  const departments = (options.departments ?? []).map((d) => ({ ...d, before: departmentCpuMs(d.pid) }));
  const backends = postgresCpuMeters(departments.map((d) => d.database));
  const cpuBefore = {
    target: treeCpuMs(options.pid),
    machine: machineCpuMs(),
    redis: pidsCpuMs(redis),
  };
  const started = Date.now();
  const progress = options.label ? new Progress(`${options.label}, seconds`, options.seconds) : null;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, treeRssKb(options.pid));
    backends.sample();
    progress?.update(Math.min(options.seconds - 1, Math.floor((Date.now() - started) / 1000)));
  }, 500);
  let finish!: (err: unknown, result: autocannon.Result) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (err, result) => (err ? reject(err) : resolve(result));
  });
  const instance = autocannon(
    {
      url,
      connections: options.connections,
      duration: options.seconds,
      ...(options.amount ? { amount: options.amount } : {}),
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
    },
    (err, result) => finish(err, result),
  );
  instance.on("response", (_client: unknown, _status: number, _bytes: number, time: number) => latencies.push(time));
  // With `amount`, autocannon ignores its duration: the time limit is kept here.
  const limit = options.amount ? setTimeout(() => instance.stop(), options.seconds * 1000) : undefined;
  const result = await done.finally(() => {
    clearInterval(sampler);
    clearTimeout(limit);
  });
  progress?.update(options.seconds);
  const own = process.cpuUsage(ownBefore);
  backends.sample();
  const cpuAfter = {
    target: treeCpuMs(options.pid),
    machine: machineCpuMs(),
    redis: pidsCpuMs(redis),
  };
  peakRss = Math.max(peakRss, treeRssKb(options.pid));
  latencies.sort((x, y) => x - y);
  const transportErrors = result.errors + result.timeouts + result.non2xx;
  if (transportErrors && !firstError)
    firstError = `${result.errors} socket errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`;
  return {
    requests: latencies.length,
    seconds: options.amount ? (Date.now() - started) / 1000 : options.seconds,
    latencies,
    requestsPerSecond: latencies.length / (options.amount ? (Date.now() - started) / 1000 : options.seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: graphqlErrors + transportErrors,
    firstError,
    peakRssMb: peakRss / 1024,
    targetCpuMs: cpuAfter.target - cpuBefore.target,
    machineCpuMs: cpuAfter.machine - cpuBefore.machine,
    loadGeneratorCpuMs: (own.user + own.system) / 1000,
    redisCpuMs: options.redis ? cpuAfter.redis - cpuBefore.redis : undefined,
    departmentsCpuMs: options.departments
      ? new Map(
          departments.map((d) => [
            d.name,
            { process: departmentCpuMs(d.pid) - d.before, postgres: backends.spentMs(d.database) },
          ]),
        )
      : undefined,
  };
}
