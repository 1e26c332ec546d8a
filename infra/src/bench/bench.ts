import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { clearRunTables, ensureBenchData, ensureMatchingData, vacuumRunTables } from "./bench-data";
import { parseBenchArgs } from "./bench-options";
import { idleCpuMs, postgresBackendPids, runLoad, stackCpuMs, waitUntilQuiet, type RunResult } from "./load";
import { issueDevToken } from "@onewindow/gateway";
import { PURPOSE_HEADER } from "@onewindow/contracts";
import {
  CONTEXT_HEADER,
  contextClaims,
  deriveContextKey,
  devProductionKeyEnv,
  loadContextSecret,
  postgresDatabaseName,
  signContextHeader,
} from "@onewindow/platform";
import { BENCH_CALLER, benchQueries, isPeer, PEER_TARGETS, type BenchQuery, type Target } from "./queries";
import { costTable, processCostTable, reportTable, runLine, summarize, type Summary } from "./report";
import { monotonicUs, type ProfiledRun } from "./profiles";
import { startBenchStack, type BenchProcess, type BenchStack } from "./stack";
import { runCentresBench } from "./centres";
import { runScaleBench } from "./scale";

/**
 * The headers each target needs, per request body: (a) the clerk's token and purpose; (b), (d),
 * (e) none (the other gateways sign the same caller themselves); (c) a context signed as a gateway
 * would, fresh for every request (signing happens here, in the load generator, not in the target).
 */
type Headers = (body: string) => Record<string, string>;

async function headersFor(stack: BenchStack): Promise<(target: Target, owner?: string) => Headers> {
  // The stack runs in production mode: the token comes from the development issuer it trusts.
  const keyEnv = devProductionKeyEnv(stack.dataDir);
  const token = await issueDevToken(stack.dataDir, { roles: BENCH_CALLER.roles, user: BENCH_CALLER.userId! }, keyEnv);
  const gateway = { authorization: `Bearer ${token}`, [PURPOSE_HEADER]: BENCH_CALLER.purpose! };
  const secret = loadContextSecret(keyEnv, stack.dataDir);
  return (target, owner) => {
    if (target === "a") return () => gateway;
    if (isPeer(target)) return () => ({});
    const key = owner ? deriveContextKey(secret, owner) : null;
    return (body) => ({
      [CONTEXT_HEADER]: signContextHeader(key!, contextClaims(BENCH_CALLER, owner!, "bench"), body),
    });
  };
}

async function post(
  url: string,
  query: BenchQuery,
  variables: Record<string, unknown>,
  headers: Headers,
): Promise<unknown> {
  const request = JSON.stringify({ query: query.query, variables });
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers(request) },
    body: request,
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  if (!res.ok || body.errors)
    throw new Error(`${query.name} at ${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  return body.data;
}

/**
 * An answer as text, with every cursor (sealed afresh with a random nonce by each answer) shown
 * only as whether it is there: two answers of the same page are equal but for their cursors.
 */
const comparable = (data: unknown) =>
  JSON.stringify(data, (key, value: unknown) =>
    ["cursor", "startCursor", "endCursor"].includes(key) && typeof value === "string" ? value.length > 0 : value,
  );

/**
 * The targets `query` is sent to, of those asked for: the other gateways unless the query is ours
 * alone, the owning subgraph only for a single-department query.
 */
function targetsOf(stack: BenchStack, query: BenchQuery, asked: readonly Target[]): [Target, BenchProcess][] {
  const targets: [Target, BenchProcess][] = [];
  for (const target of asked) {
    if (target === "a") targets.push([target, stack.gateway]);
    else if (target === "c") {
      if (query.owner) targets.push([target, stack.subgraphs.get(query.owner)!]);
    } else if (query.peers !== false) targets.push([target, stack.peers.get(target)!]);
  }
  return targets;
}

/** Before measuring anything: every target answers every query, without errors, identically. */
async function checkAnswers(
  stack: BenchStack,
  queries: BenchQuery[],
  asked: readonly Target[],
  headers: (target: Target, owner?: string) => Headers,
): Promise<void> {
  for (const query of queries) {
    const variables = query.variables();
    let first: { target: Target; answer: string } | undefined;
    for (const [target, proc] of targetsOf(stack, query, asked)) {
      const answer = comparable(await post(proc.url, query, variables, headers(target, query.owner)));
      if (answer.length < 100) throw new Error(`${query.name}: suspiciously small answer from (${target}) ${answer}`);
      first ??= { target, answer };
      if (answer !== first.answer)
        throw new Error(
          `${query.name}: (${first.target}) and (${target}) answer differently:\n${first.answer.slice(0, 300)}\n${answer.slice(0, 300)}`,
        );
    }
  }
}

function machine(): string {
  const pg = (() => {
    try {
      return execFileSync("psql", ["--version"], { encoding: "utf8" }).trim();
    } catch {
      return "psql not on PATH";
    }
  })();
  const memGb = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), ${memGb} GB RAM, Node.js ${process.version}, ${pg}`;
}

/**
 * `npm run bench`: seeds (or reuses) a PostgreSQL data set, starts the subgraphs, OneWindow's
 * gateway and the other gateways, checks that they all answer the queries alike, then measures
 * each query against (a) our gateway, (b) a stock @apollo/gateway, (d) Hive Gateway, (e) Hive
 * Gateway with the Rust planner (not for Q5) and, for single-subgraph queries, (c) the owning
 * subgraph (`--targets` picks some): one warm-up run each, then rounds alternating a, b(, c), d,
 * e, a, b ... so that drift (autovacuum, CPU frequency, caches) hits every target alike.
 */
async function main() {
  if (process.argv.includes("--centres")) return runCentresBench(process.argv.slice(2), machine);
  if (process.argv.includes("--scale")) return runScaleBench(process.argv.slice(2), machine);
  const options = parseBenchArgs(process.argv.slice(2));
  const started = Date.now();
  console.log(
    `OneWindow bench: ${JSON.stringify(options.size)}, ${options.duration} s runs, ${options.warmup} s warm-up, ${options.connections} connections, ${options.rounds} rounds`,
  );
  console.log(`machine: ${machine()}`);
  const load = () =>
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")} (1, 5, 15 min)`;
  console.log(load());
  const { databaseUrl, reused } = await ensureBenchData(options.baseDatabaseUrl, options.size, options.fresh);
  console.log(`${reused ? "reusing" : "seeded"} data set ${new URL(databaseUrl).pathname.slice(1)}_*`);
  if (reused) await clearRunTables(databaseUrl);
  const matching = options.queries.includes("Q5");
  const jobSeekers = matching ? await ensureMatchingData(databaseUrl, options.size) : [];
  if (matching) console.log(`${jobSeekers.length.toLocaleString("en-US")} job seekers to match`);
  const stackStarted = Date.now();
  const stack = await startBenchStack(databaseUrl, {
    profileDir: options.profileDir,
    // The peers asked for, unless the run is Q5's alone (which goes to no other gateway).
    peers: options.queries.some((q) => q !== "Q5") ? PEER_TARGETS.filter((t) => options.targets.includes(t)) : [],
  });
  console.log(`stack started in ${((Date.now() - stackStarted) / 1000).toFixed(0)} s`);
  const queries = benchQueries(options.size, stack.dataDir, jobSeekers, options.q3Misses).filter((q) =>
    options.queries.includes(q.name),
  );
  const stopOnSignal = () => void stack.stop().finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    const headers = await headersFor(stack);
    await checkAnswers(stack, queries, options.targets, headers);
    console.log(
      `every target (${options.targets.join(", ")}) answers ${options.queries.join(", ")} alike; measuring (one line per run)`,
    );
    const results = new Map<string, Map<Target, Summary>>();
    // When each measured run was, on the clock of the profiles' samples: a profile of the whole
    // stack's life can then be cut to one query's runs (`profile-summary.js`).
    const profiled: ProfiledRun[] = [];
    const databases = [...stack.subgraphs.keys()].map((name) => postgresDatabaseName(databaseUrl, name));
    // Every process of the stack and PostgreSQL's backends of its databases: what a run's leftovers keep busy.
    const stackPids = () => [
      ...[stack.gateway, ...stack.peers.values(), ...stack.subgraphs.values()].map((p) => p.process.pid!),
      ...databases.flatMap(postgresBackendPids),
    ];
    // Quiet is what the idle stack spends (timers, pollers, profilers) and a little more: on a
    // loaded or profiled machine a fixed limit was never reached, and every run waited its 20 s.
    const idle = await idleCpuMs(() => stackCpuMs(stackPids()));
    const quiet = { busyMs: idle + 30, maxMs: options.quietWait * 1000 };
    console.log(`the idle stack uses ${idle} ms of CPU per 200 ms`);
    for (const query of queries) {
      const targets = targetsOf(stack, query, options.targets);
      if (!targets.length) continue;
      const owner = query.owner && stack.subgraphs.get(query.owner)!;
      const run = (target: Target, proc: BenchProcess, seconds: number, label: string, amount?: number) =>
        runLoad(proc.url, query, {
          seconds,
          amount,
          connections: options.connections,
          pid: proc.process.pid!,
          headers: headers(target, query.owner),
          label: `${query.name} (${target}) ${label}`,
          // The departments cache in a Redis when REDIS_URL names one: a local one's CPU is measured too.
          redis: !!process.env.REDIS_URL,
          // Every department and its database: where a request's cost lands beyond the target (a
          // department that is the target is measured as the target, its database here).
          departments: [...stack.subgraphs.values()].map((d) => ({
            name: d.name,
            pid: d === proc ? undefined : d.process.pid!,
            database: postgresDatabaseName(databaseUrl, d.name),
          })),
        });
      await vacuumRunTables(databaseUrl, databases);
      for (const [target, proc] of targets)
        if (options.warmup)
          await run(
            target,
            proc,
            options.warmup,
            "warm-up",
            options.warmupRequests ? options.warmupRequests * options.connections : undefined,
          );
      const runs = new Map<Target, RunResult[]>(targets.map(([t]) => [t, []]));
      for (let round = 1; round <= options.rounds; round++) {
        for (const [target, proc] of targets) {
          // What the previous run left in flight is finished first: it must not be measured here
          // (a warm-up's leftovers only warm the next target up).
          if (!(await waitUntilQuiet(() => stackCpuMs(stackPids()), quiet)))
            console.log(
              `  ${query.name} (${target}): the stack was still busy ${options.quietWait} s after the last run; measuring on`,
            );
          const from = monotonicUs();
          const result = await run(target, proc, options.duration, `round ${round}`);
          profiled.push({ query: query.name, target, round, from, to: monotonicUs(), requests: result.requests });
          runs.get(target)!.push(result);
          console.log(`${runLine(query.name, target, round, result)}  (load ${os.loadavg()[0].toFixed(1)})`);
        }
      }
      results.set(query.name, new Map([...runs].map(([t, r]) => [t, summarize(r)])));
      if (owner && owner.metricsPort) {
        const reads = await cacheReads(owner.metricsPort);
        if (reads) console.log(`  ${query.name}: ${owner.name}'s cache reads since it started: ${reads}`);
      }
    }
    console.log(`\n${queries.map((q) => `${q.name}: ${q.description}`).join("\n")}\n`);
    console.log(reportTable(results));
    const shared = `from /proc; the load generator, the gateways, the departments and PostgreSQL share ${os.cpus().length} cores`;
    // The gateways against each other: queries sent to more than one gateway.
    const compared = (byTarget: Map<Target, Summary>) => PEER_TARGETS.some((t) => byTarget.has(t));
    const costs = costTable(new Map([...results].filter(([, byTarget]) => compared(byTarget))));
    if (costs) console.log(`\nCPU time per request, the gateways compared (${shared}):\n\n${costs}`);
    const byProcess = processCostTable(results);
    if (byProcess)
      console.log(
        `\nCPU time per request by process, ms (each process's own time from /proc, whatever else runs; "machine" counts everything):\n\n${byProcess}`,
      );
    console.log(`\ncommand: npm run bench -- ${process.argv.slice(2).join(" ")}`.trimEnd());
    if (options.profileDir) {
      fs.mkdirSync(options.profileDir, { recursive: true });
      fs.writeFileSync(path.join(options.profileDir, "runs.json"), `${JSON.stringify(profiled, null, 1)}\n`);
      console.log(
        `CPU profiles: ${["a", ...stack.peers.keys()].map((t) => `${options.profileDir}/gateway-${t}.cpuprofile`).join(", ")} and <department>.cpuprofile (written as the processes stop); per query: node infra/dist/bench/profile-summary.js ${options.profileDir}`,
      );
    }
    console.log(`finished in ${((Date.now() - started) / 60_000).toFixed(1)} min, ${load()}`);
  } finally {
    const stopping = Date.now();
    await stack.stop();
    console.log(`stack stopped in ${((Date.now() - stopping) / 1000).toFixed(0)} s`);
  }
}

/**
 * A department's cached reads by outcome since it started (warm-up and answer checks included),
 * from its /metrics, or null when it caches nothing.
 */
async function cacheReads(metricsPort: number): Promise<string | null> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/^onewindow_cache_reads_total\{[^}]*outcome="(\w+)"[^}]*\} (\d+)/gm))
    counts.set(m[1], (counts.get(m[1]) ?? 0) + Number(m[2]));
  if (counts.size === 0) return null;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const hits = counts.get("hit") ?? 0;
  return `${[...counts].map(([k, v]) => `${k} ${v}`).join(", ")} (${((100 * hits) / total).toFixed(1)} % hits)`;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
