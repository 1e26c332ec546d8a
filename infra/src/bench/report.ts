import { percentile, type RunResult } from "./load";
import type { Target } from "./queries";

/** The measured runs of one query against one target, merged. */
export interface Summary {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  peakRssMb: number;
  runs: number;
}

/** Merges runs: requests over total seconds, percentiles over every request's latency. */
export function summarize(runs: RunResult[]): Summary {
  const latencies = runs.flatMap((r) => r.latencies).sort((x, y) => x - y);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  return {
    requestsPerSecond: seconds ? latencies.length / seconds : 0,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    peakRssMb: Math.max(0, ...runs.map((r) => r.peakRssMb)),
    runs: runs.length,
  };
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

const TARGET_NAMES: Record<Target, string> = { a: "(a) OneWindow gateway", b: "(b) stock @apollo/gateway", c: "(c) owning subgraph" };

/** One line per measured run, printed as the bench goes. */
export function runLine(query: string, target: Target, round: number, r: RunResult): string {
  return `  ${query} ${TARGET_NAMES[target].padEnd(26)} round ${round}: ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${ms(r.p50)} ms  p95 ${ms(r.p95)} ms  p99 ${ms(r.p99)} ms  errors ${r.errors}  RSS ${r.peakRssMb.toFixed(0)} MB${r.firstError ? `\n    first error: ${r.firstError}` : ""}`;
}

/**
 * The Markdown table `npm run bench` prints and BENCHMARKS.md holds: per query and target,
 * requests/s, latency percentiles, errors, peak RSS of the target's processes; and the
 * ratios (a)/(b) and (a)/(c) of requests/s.
 */
export function reportTable(results: Map<string, Map<Target, Summary>>): string {
  const lines = [
    "| query | target | req/s | p50 ms | p95 ms | p99 ms | errors | peak RSS MB | (a)/(b) | (a)/(c) |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const [query, byTarget] of results) {
    const a = byTarget.get("a");
    for (const [target, s] of byTarget) {
      const ratio = (other?: Summary) => (target === "a" && a && other?.requestsPerSecond ? `**${(a.requestsPerSecond / other.requestsPerSecond).toFixed(2)}×**` : "");
      lines.push(
        `| ${query} | ${TARGET_NAMES[target]} | ${s.requestsPerSecond.toFixed(0)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.errors} | ${s.peakRssMb.toFixed(0)} | ${ratio(byTarget.get("b"))} | ${ratio(byTarget.get("c"))} |`,
      );
    }
  }
  return lines.join("\n");
}
