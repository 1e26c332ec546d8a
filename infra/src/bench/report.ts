import { percentile, type RunResult } from "./load";
import { isPeer, TARGETS, type Target } from "./queries";

/** The measured runs of one query against one target, merged. */
export interface Summary {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  peakRssMb: number;
  /** CPU time of the target's processes per answered request, ms. */
  targetCpuMsPerRequest: number;
  /** CPU time of the whole machine per answered request, ms (target, departments, PostgreSQL, load generator). */
  machineCpuMsPerRequest: number;
  /** The load generator's CPU per request, ms, and the local redis-server's when measured. */
  loadGeneratorCpuMsPerRequest?: number;
  redisCpuMsPerRequest?: number;
  /**
   * Per department: CPU of its process (0 for the target's own, which is the target's figure) and
   * of PostgreSQL's backends of its database, per request, ms.
   */
  departments?: Map<string, { process: number; postgres: number }>;
  runs: number;
}

/** Merges runs: requests over total seconds, percentiles over every request's latency. */
export function summarize(runs: RunResult[]): Summary {
  const latencies = runs.flatMap((r) => r.latencies).sort((x, y) => x - y);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  const perRequest = (ms: number) => (latencies.length ? ms / latencies.length : 0);
  const measured = (values: (number | undefined)[]) =>
    values.every((v) => v !== undefined) ? perRequest(values.reduce((s: number, v) => s + v!, 0)) : undefined;
  return {
    requestsPerSecond: seconds ? latencies.length / seconds : 0,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    peakRssMb: Math.max(0, ...runs.map((r) => r.peakRssMb)),
    targetCpuMsPerRequest: perRequest(runs.reduce((s, r) => s + r.targetCpuMs, 0)),
    machineCpuMsPerRequest: perRequest(runs.reduce((s, r) => s + r.machineCpuMs, 0)),
    loadGeneratorCpuMsPerRequest: measured(runs.map((r) => r.loadGeneratorCpuMs)),
    redisCpuMsPerRequest: measured(runs.map((r) => r.redisCpuMs)),
    departments: runs.every((r) => r.departmentsCpuMs) ? departmentsPerRequest(runs, perRequest) : undefined,
    runs: runs.length,
  };
}

function departmentsPerRequest(
  runs: RunResult[],
  perRequest: (ms: number) => number,
): Map<string, { process: number; postgres: number }> {
  const sums = new Map<string, { process: number; postgres: number }>();
  for (const r of runs)
    for (const [name, spent] of r.departmentsCpuMs!) {
      const sum = sums.get(name) ?? { process: 0, postgres: 0 };
      sums.set(name, { process: sum.process + spent.process, postgres: sum.postgres + spent.postgres });
    }
  return new Map(
    [...sums].map(([name, sum]) => [name, { process: perRequest(sum.process), postgres: perRequest(sum.postgres) }]),
  );
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

const TARGET_NAMES: Record<Target, string> = {
  a: "(a) OneWindow gateway",
  b: "(b) stock @apollo/gateway",
  c: "(c) owning subgraph",
  d: "(d) Hive Gateway",
  e: "(e) Hive Gateway, Rust planner",
};

const postgresOf = (spent: Map<string, { postgres: number }>) =>
  [...spent.values()].reduce((sum, d) => sum + d.postgres, 0);

/** One line per measured run, printed as the bench goes. */
export function runLine(query: string, target: Target, round: number, r: RunResult): string {
  return `  ${query} ${TARGET_NAMES[target].padEnd(30)} round ${round}: ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${ms(r.p50)} ms  p95 ${ms(r.p95)} ms  p99 ${ms(r.p99)} ms  errors ${r.errors}  RSS ${r.peakRssMb.toFixed(0)} MB  CPU/req ${(r.targetCpuMs / Math.max(1, r.requests)).toFixed(2)} ms target,${r.departmentsCpuMs ? ` ${(postgresOf(r.departmentsCpuMs) / Math.max(1, r.requests)).toFixed(2)} ms PostgreSQL,` : ""} ${(r.machineCpuMs / Math.max(1, r.requests)).toFixed(2)} ms machine${r.firstError ? `\n    first error: ${r.firstError}` : ""}`;
}

/** The targets of any query in `results`, in the order of {@link TARGETS}. */
const targetsIn = (results: Map<string, Map<Target, Summary>>) =>
  TARGETS.filter((t) => [...results.values()].some((byTarget) => byTarget.has(t)));

/** `x`/`y` as a bold factor, or "" when either is missing or 0 (a target that answered nothing in its runs). */
const factor = (x?: number, y?: number) => (x && y ? `**${(x / y).toFixed(2)}×**` : "");

/**
 * The Markdown table `npm run bench` prints and BENCHMARKS.md holds: per query and target,
 * requests/s, latency percentiles, errors, peak RSS of the target's processes; and, on (a)'s row,
 * (a)'s requests/s over each other target's, one column per target the run drove (none without (a)).
 */
export function reportTable(results: Map<string, Map<Target, Summary>>): string {
  // Ratios are (a)'s: a run without it has none.
  const ran = targetsIn(results);
  const others = ran.includes("a") ? ran.filter((t) => t !== "a") : [];
  const lines = [
    `| query | target | req/s | p50 ms | p95 ms | p99 ms | errors | peak RSS MB |${others.map((t) => ` (a)/(${t}) |`).join("")}`,
    `|---|---|---:|---:|---:|---:|---:|---:|${others.map(() => "---:|").join("")}`,
  ];
  for (const [query, byTarget] of results) {
    const a = byTarget.get("a");
    for (const target of TARGETS) {
      const s = byTarget.get(target);
      if (!s) continue;
      const ratios = others.map((t) =>
        target === "a" ? ` ${factor(a?.requestsPerSecond, byTarget.get(t)?.requestsPerSecond)} |` : "  |",
      );
      // No answer within a run (every request slower than the run) has no latency to show.
      const latency = s.requestsPerSecond ? `${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)}` : "no answers |  | ";
      lines.push(
        `| ${query} | ${TARGET_NAMES[target]} | ${s.requestsPerSecond.toFixed(0)} | ${latency} | ${s.errors} | ${s.peakRssMb.toFixed(0)} |${ratios.join("")}`,
      );
    }
  }
  return lines.join("\n");
}

const cpu = (n: number) => n.toFixed(2);

/**
 * Where each request's CPU goes, per query and target: the target's own CPU time per request (the
 * gateway's, or for (c) the owning subgraph's) and the whole machine's, and on each other
 * gateway's row how many times (a)'s figure each is (above 1: it costs more than ours). On a machine
 * where the gateway shares its cores with the departments and PostgreSQL, requests/s is bound by
 * the machine's total; the gateway's own cost per request is what a gateway on cores of its own
 * would scale with. "" when `results` is empty.
 */
export function costTable(results: Map<string, Map<Target, Summary>>): string {
  const lines = [
    "| query | target | target CPU ms/req | this ÷ (a) | machine CPU ms/req | this ÷ (a) | rest of the machine ms/req |",
    "|---|---|---:|---:|---:|---:|---:|",
  ];
  for (const [query, byTarget] of results) {
    const a = byTarget.get("a");
    for (const target of TARGETS) {
      const s = byTarget.get(target);
      if (!s) continue;
      // A target that answered nothing in its runs has no cost per request.
      if (!s.requestsPerSecond) {
        lines.push(`| ${query} | ${TARGET_NAMES[target]} | no answers |  |  |  |  |`);
        continue;
      }
      const versusA = (figure: (x: Summary) => number) =>
        isPeer(target) && a?.requestsPerSecond ? factor(figure(s), figure(a)) : "";
      lines.push(
        `| ${query} | ${TARGET_NAMES[target]} | ${cpu(s.targetCpuMsPerRequest)} | ${versusA((x) => x.targetCpuMsPerRequest)} | ${cpu(s.machineCpuMsPerRequest)} | ${versusA((x) => x.machineCpuMsPerRequest)} | ${cpu(s.machineCpuMsPerRequest - s.targetCpuMsPerRequest)} |`,
      );
    }
  }
  return lines.length > 2 ? lines.join("\n") : "";
}

/**
 * Where one request's CPU goes, by process, per query and target: the target's own processes (a
 * gateway, or for (c) the owning department), every other department's process, PostgreSQL's
 * backends of the departments' databases, the local redis-server's when the departments cache
 * there, their sum ("request total": what one request costs, whatever else shares the machine),
 * the load generator's, the whole machine's (anything else running included), and each
 * department's share (process + PostgreSQL; the target's own department shows its PostgreSQL
 * alone). A figure that was not measured is left empty. "" without any query.
 */
export function processCostTable(results: Map<string, Map<Target, Summary>>): string {
  const lines = [
    "| query | target | target | other departments | departments' PostgreSQL | Redis | request total | load generator | machine | by department (process + PostgreSQL) |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  const opt = (n?: number) => (n === undefined ? "" : cpu(n));
  for (const [query, byTarget] of results)
    for (const target of TARGETS) {
      const s = byTarget.get(target);
      if (!s) continue;
      if (!s.requestsPerSecond) {
        lines.push(`| ${query} | ${TARGET_NAMES[target]} | no answers |  |  |  |  |  |  |  |`);
        continue;
      }
      const shares = s.departments ? [...s.departments] : undefined;
      const process = shares?.reduce((sum, [, d]) => sum + d.process, 0);
      const postgres = shares?.reduce((sum, [, d]) => sum + d.postgres, 0);
      const total =
        process === undefined || postgres === undefined
          ? undefined
          : s.targetCpuMsPerRequest + process + postgres + (s.redisCpuMsPerRequest ?? 0);
      const each = (shares ?? [])
        .filter(([, d]) => d.process + d.postgres >= 0.005)
        .map(([name, d]) => `${name} ${cpu(d.process)} + ${cpu(d.postgres)}`)
        .join(", ");
      lines.push(
        `| ${query} | ${TARGET_NAMES[target]} | ${cpu(s.targetCpuMsPerRequest)} | ${opt(process)} | ${opt(postgres)} | ${opt(s.redisCpuMsPerRequest)} | ${opt(total)} | ${opt(s.loadGeneratorCpuMsPerRequest)} | ${cpu(s.machineCpuMsPerRequest)} | ${each} |`,
      );
    }
  return lines.length > 2 ? lines.join("\n") : "";
}
