import os from "node:os";
import { issueDevToken } from "@onewindow/gateway";
import { PURPOSE_HEADER } from "@onewindow/contracts";
import { devProductionKeyEnv, postgresDatabaseName } from "@onewindow/platform";
import { benchDatabaseUrl } from "./bench-data";
import { BENCH_YEAR, benchCentres, ensureCentresData, type CentresBenchSize } from "./centres-data";
import { runLoad, type RunResult } from "./load";
import { rebuildKpiRollupSql } from "@onewindow/service-hall";
import { BENCH_CALLER, type BenchQuery } from "./queries";
import { startBenchStack } from "./stack";

/** `npm run bench -- --centres [...]`: what to seed and how long to measure. */
export interface CentresBenchOptions {
  size: CentresBenchSize;
  from: string;
  to: string;
  duration: number;
  warmup: number;
  connections: number;
  fresh: boolean;
  baseDatabaseUrl: string;
}

export const CENTRES_USAGE = `usage: npm run bench -- --centres [--centres-count N] [--centres-cases N] [--centres-evaluations N]
                        [--centres-tickets N] [--from DATE] [--to DATE] [--duration S] [--warmup S] [--connections N] [--fresh]
  defaults: 1,000 centres, 10,000,000 cases, 3,000,000 evaluations, 3,000,000 called tickets over ${BENCH_YEAR},
  the period ${BENCH_YEAR}-01-01..${BENCH_YEAR}-12-31, 10 s runs, 3 s warm-up, 1 connection (a director's latency).
  The set lives in the PostgreSQL databases onewindow_bench_centres_* and is reused by a later run of the same size.`;

/** Reads `--centres` and its flags; throws with {@link CENTRES_USAGE} on anything else. */
export function parseCentresArgs(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): CentresBenchOptions {
  const options: CentresBenchOptions = {
    size: { centres: 1_000, cases: 10_000_000, evaluations: 3_000_000, tickets: 3_000_000 },
    from: `${BENCH_YEAR}-01-01`,
    to: `${BENCH_YEAR}-12-31`,
    duration: 10,
    warmup: 3,
    connections: 1,
    fresh: argv.includes("--fresh"),
    baseDatabaseUrl: env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/onewindow",
  };
  const numeric: Record<string, (n: number) => void> = {
    "--centres-count": (n) => (options.size.centres = n),
    "--centres-cases": (n) => (options.size.cases = n),
    "--centres-evaluations": (n) => (options.size.evaluations = n),
    "--centres-tickets": (n) => (options.size.tickets = n),
    "--duration": (n) => (options.duration = n),
    "--warmup": (n) => (options.warmup = n),
    "--connections": (n) => (options.connections = n),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--centres" || arg === "--fresh") continue;
    if (arg === "--from" || arg === "--to") {
      const value = argv[++i] ?? "";
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`${arg} takes a date\n${CENTRES_USAGE}`);
      options[arg === "--from" ? "from" : "to"] = value;
      continue;
    }
    const set = numeric[arg];
    const value = Number(argv[i + 1]);
    if (!set || !Number.isInteger(value) || value < 0)
      throw new Error(`bad argument ${arg} ${argv[i + 1] ?? ""}\n${CENTRES_USAGE}`);
    set(value);
    i++;
  }
  if (options.size.centres < 112) throw new Error(`need at least 112 centres\n${CENTRES_USAGE}`);
  return options;
}

const KPIS = `query Kpis($centre: String!, $from: Date!, $to: Date!) {
  hallKpis(from: $from, to: $to, centre: $centre, includeSubordinate: true) {
    casesHandled casesDue casesOnTime onTimeRate onSiteRate evaluations satisfactionRate
    evaluationsByChannel { channel evaluations satisfactionRate }
    rectificationRate ticketsCalled averageWaitMinutes
    byWindow { window casesHandled onTimeRate satisfactionRate averageWaitMinutes stars }
    byDepartment { department casesHandled satisfactionRate ticketsCalled }
  }
}`;

const RANKING = `query Ranking($level: CentreLevel!, $from: Date!, $to: Date!) {
  centreRanking(level: $level, from: $from, to: $to, metric: SATISFACTION_RATE) {
    rows { rank value casesHandled evaluations centre { code name } }
  }
}`;

/** The queries measured: hallKpis of a street, a district and the city (with subordinates), a ranking per level. */
export function centresQueries(options: CentresBenchOptions): BenchQuery[] {
  const period = { from: options.from, to: options.to };
  const kpis = (name: string, centre: string, what: string): BenchQuery => ({
    name,
    description: `hallKpis of ${what} (${centre}) with its subordinates, ${options.from}..${options.to}`,
    query: KPIS,
    variables: () => ({ centre, ...period }),
  });
  const ranking = (level: string): BenchQuery => ({
    name: `ranking-${level.toLowerCase()}`,
    description: `centreRanking(level: ${level}, metric: SATISFACTION_RATE), ${options.from}..${options.to}`,
    query: RANKING,
    variables: () => ({ level, ...period }),
  });
  return [
    kpis("kpis-street", "D02S03", "a street"),
    kpis("kpis-district", "D02", "a district"),
    kpis("kpis-city", "HZ", "the city"),
    ...["CITY", "DISTRICT", "STREET", "COMMUNITY", "BUILDING_STATION"].map(ranking),
  ];
}

/**
 * `npm run bench -- --centres`: seeds (or reuses) the centres data set into the hall's
 * PostgreSQL database, starts the stack, checks every query answers, then measures each one
 * through OneWindow's gateway for `duration` seconds after a warm-up, reporting p50/p95/p99.
 */
export async function runCentresBench(argv: string[], machine: () => string): Promise<void> {
  const options = parseCentresArgs(argv);
  const started = Date.now();
  console.log(
    `OneWindow centres bench: ${JSON.stringify(options.size)}, ${options.from}..${options.to}, ${options.duration} s runs, ${options.warmup} s warm-up, ${options.connections} connection(s)`,
  );
  console.log(`machine: ${machine()}`);
  const databaseUrl = benchDatabaseUrl(options.baseDatabaseUrl, "onewindow_bench_centres");
  // The stack migrates every department's database (created when absent); the hall's is then seeded.
  const stack = await startBenchStack(databaseUrl, { startTimeoutMs: 60 * 60_000 });
  const stopOnSignal = () => void stack.stop().finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    const hallUrl = benchDatabaseUrl(options.baseDatabaseUrl, postgresDatabaseName(databaseUrl, "service-hall"));
    // The load bypasses the hall's triggers (bulk speed): its derived roll-up is then built in one go.
    const reused = await ensureCentresData(hallUrl, options.size, options.fresh, async (db) => {
      const { rows } = await db.query<{ present: boolean }>(
        "SELECT to_regclass('hall_kpi_rollup') IS NOT NULL AS present",
      );
      if (!rows[0].present) return;
      const started = Date.now();
      process.stderr.write("building the hall's KPI roll-up\n");
      for (const sql of rebuildKpiRollupSql("postgres")) await db.query(sql);
      process.stderr.write(`roll-up built in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    });
    console.log(
      `${reused ? "reusing" : "seeded"} ${hallUrl.replace(/^.*\//, "")}: ${benchCentres(options.size.centres).length} centres`,
    );
    const keyEnv = devProductionKeyEnv(stack.dataDir);
    const token = await issueDevToken(stack.dataDir, { roles: BENCH_CALLER.roles, user: BENCH_CALLER.userId! }, keyEnv);
    const headers = () => ({ authorization: `Bearer ${token}`, [PURPOSE_HEADER]: BENCH_CALLER.purpose! });
    const queries = centresQueries(options);
    for (const query of queries) {
      const res = await fetch(stack.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers() },
        body: JSON.stringify({ query: query.query, variables: query.variables() }),
      });
      const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
      if (!res.ok || body.errors)
        throw new Error(`${query.name} answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
      const text = JSON.stringify(body.data);
      console.log(`${query.name}: ${text.length} bytes, ${text.slice(0, 160)}…`);
    }
    const results: [BenchQuery, RunResult][] = [];
    for (const query of queries) {
      const run = (seconds: number, label: string) =>
        runLoad(stack.gateway.url, query, {
          seconds,
          connections: options.connections,
          pid: stack.gateway.process.pid!,
          headers,
          label: `${query.name} ${label}`,
        });
      if (options.warmup) await run(options.warmup, "warm-up");
      const result = await run(options.duration, "measured");
      // A request over the load generator's 10 s timeout is an error: reported, not hidden (the figure is then "> 10 s").
      if (result.errors) console.log(`${query.name}: ${result.errors} errors, first: ${result.firstError}`);
      results.push([query, result]);
      console.log(
        `${query.name}: ${result.requests} requests, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms (load ${os.loadavg()[0].toFixed(1)})`,
      );
    }
    console.log(
      `\n| query | what | requests | errors | p50 ms | p95 ms | p99 ms |\n|---|---|---:|---:|---:|---:|---:|`,
    );
    for (const [q, r] of results)
      console.log(
        `| ${q.name} | ${q.description} | ${r.requests} | ${r.errors} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} |`,
      );
    console.log(`\ncommand: npm run bench -- ${argv.join(" ")}`);
    console.log(`finished in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  } finally {
    await stack.stop();
  }
}
