import os from "node:os";
import { issueDevToken } from "@onewindow/gateway";
import { PURPOSE_HEADER } from "@onewindow/contracts";
import { demoPerson } from "@onewindow/contracts/demo";
import {
  CursorKey,
  devProductionKeyEnv,
  listName,
  loadCursorSecret,
  postgresDatabaseName,
  today,
} from "@onewindow/platform";
import { EXTRA_CASES_YEAR } from "../seed/hall-cases";
import { benchPrefix, ensureBenchData, ensureMatchingData } from "./bench-data";
import { postgresBackendPids, runLoad, stackCpuMs, waitUntilQuiet, type RunResult } from "./load";
import { BENCH_CALLER, Q3, type BenchQuery } from "./queries";
import { summarize, type Summary } from "./report";
import { parseScaleArgs, SCALE_SIZES, SCALE_TARGET_RATIO, type ScaleSizeName } from "./scale-options";
import { startBenchStack } from "./stack";

const LOOKUP = `query Lookup($idNumber: ID!, $year: Int!) {
  citizen(idNumber: $idNumber) {
    idNumber name gender birthDate community
    employment { position startDate employer { creditCode name } }
    unemployment { registeredOn status }
    assistanceCategories
    retirement { retiredOn }
    medicalInsurance { scheme status since monthlyContribution employer { name } }
    taxSummary(year: $year) { taxableIncome taxDue taxWithheld balance }
    cases(first: 5) { totalCount edges { node { id itemCode department status openedOn completedOn } } }
  }
}`;

const COMMUNITY = `query Community($community: String!, $after: String, $year: Int!) {
  citizens(filter: { community: $community }, first: 50, after: $after) {
    edges {
      cursor
      node {
        idNumber name birthDate community
        medicalInsurance { scheme status monthlyContribution }
        taxSummary(year: $year) { taxableIncome taxDue balance }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

// The same read as the gateway bench's Q3: a hospital's metrics and their monthly trend.
const HOSPITAL = Q3;

const KPIS = `query Kpis($centre: String!, $from: Date!, $to: Date!) {
  hallKpis(from: $from, to: $to, centre: $centre, includeSubordinate: true) {
    casesHandled casesDue casesOnTime onTimeRate onSiteRate evaluations satisfactionRate
    ticketsCalled averageWaitMinutes
    byWindow { window casesHandled onTimeRate satisfactionRate }
    byDepartment { department casesHandled satisfactionRate ticketsCalled }
  }
}`;

const MATCHING = `query Matching($idNumber: ID!) {
  citizen(idNumber: $idNumber) {
    idNumber
    jobMatches(first: 10) { score reasons posting { id title salaryMin salaryMax employer { name } } }
  }
}`;

// A window clerk's write: TX005 (个人所得税纳税记录开具) opened at window W05 of Kaixuan.
const OPEN = `mutation Open($i: OpenCaseInput!) {
  openCase(input: $i) { id status openedOn deadline }
}`;

/** The demo city's centres a dashboard shows: its streets, its two districts and the city. */
const DASHBOARD_CENTRES = [
  "KAIXUAN",
  "CAIHE",
  "ZHANONGKOU",
  "SIJIQING",
  "HUBIN",
  "QINGBO",
  "XIAOYING",
  "ZIYANG",
  "JIANGGAN",
  "SHANGCHENG",
  "HANGZHOU",
];

const pick = (n: number) => Math.floor(Math.random() * n);
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A period of `year` drawn at random: from one of its first 180 days, 30 to 180 days long. A
 * dashboard asks a handful of periods (cached after the first); random ones miss the departments'
 * caches, so what is measured is the roll-up read that a period's first request pays.
 */
function randomPeriod(year: number): { from: string; to: string } {
  const from = addDays(`${year}-01-01`, pick(180));
  return { from, to: addDays(from, 30 + pick(151)) };
}

/**
 * The scale bench's operations over a set of `size` (`dataDir` holds the departments' keys, for
 * the community page's cursors; `jobSeekers` are those who look for work), each request drawing
 * its citizen, page, period or centre at random from precomputed lists.
 */
export function scaleQueries(
  size: (typeof SCALE_SIZES)[ScaleSizeName],
  dataDir: string,
  jobSeekers: readonly string[],
): BenchQuery[] {
  const day = today();
  const taxYear = Number(day.slice(0, 4)) - 1;
  const people = Array.from({ length: size.citizens }, (_, i) => demoPerson(i, size.employers, day));
  const ids = people.map((p) => p.idNumber);
  const byCommunity = new Map<string, string[]>();
  for (const p of people) {
    const members = byCommunity.get(p.community);
    if (members) members.push(p.idNumber);
    else byCommunity.set(p.community, [p.idNumber]);
  }
  const communities = [...byCommunity.keys()];
  const secret = new CursorKey(loadCursorSecret({}, dataDir, "labor-security"));
  const cursors = new Map(
    communities.map((c) => [c, secret.list(listName("Query", "citizens", { filter: { community: c } }))]),
  );
  return [
    {
      name: "lookup",
      description: "one citizen across labor, insurance and tax, with their five latest hall cases",
      query: LOOKUP,
      variables: () => ({ idNumber: ids[pick(ids.length)], year: taxYear }),
    },
    {
      name: "community",
      description: "a page of 50 citizens of a community after a random one of them, with insurance and tax",
      query: COMMUNITY,
      variables: () => {
        const community = communities[pick(communities.length)];
        const members = byCommunity.get(community)!;
        return {
          community,
          after: cursors.get(community)!.seal(`k:${members[pick(members.length)]}`),
          year: taxYear,
        };
      },
    },
    {
      name: "hospital",
      description: "hospital JD001's quality metrics and monthly trend over a random period of 2011",
      query: HOSPITAL,
      variables: () => ({ code: "JD001", ...randomPeriod(2011) }),
      owner: "hospital-quality",
    },
    {
      name: "kpis",
      description: `hallKpis of a random demo centre with its subordinates over a random period of ${EXTRA_CASES_YEAR}`,
      query: KPIS,
      variables: () => ({
        centre: DASHBOARD_CENTRES[pick(DASHBOARD_CENTRES.length)],
        ...randomPeriod(EXTRA_CASES_YEAR),
      }),
      owner: "service-hall",
    },
    {
      name: "matching",
      description: "jobMatches(first: 10) of a random job seeker, with reasons and employer names",
      query: MATCHING,
      variables: () => ({ idNumber: jobSeekers[pick(jobSeekers.length)] }),
      owner: "labor-security",
    },
    {
      name: "open",
      description: "a window clerk opens a case for a random citizen (the case, its event, the audit row)",
      query: OPEN,
      variables: () => ({ i: { idNumber: ids[pick(ids.length)], itemCode: "TX005", window: "W05" } }),
    },
  ];
}

/** One operation measured at one size, with what its requests cost. */
export interface ScaleResult {
  operation: string;
  size: ScaleSizeName;
  summary: Summary;
  /** Requests answered over the measured runs. */
  requests: number;
  /** CPU per request of the gateway, the departments' processes and their PostgreSQL backends, ms. */
  gatewayCpuMs: number;
  departmentsCpuMs: number;
  postgresCpuMs: number;
  /** 1-minute load average when the runs ended. */
  load: number;
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const cpu = (n: number) => n.toFixed(2);

/** The request's CPU: gateway + departments + PostgreSQL, ms. */
const requestCpu = (r: ScaleResult) => r.gatewayCpuMs + r.departmentsCpuMs + r.postgresCpuMs;

/** Per operation and size: latency, and CPU per request split by where it is spent. */
export function scaleTable(results: readonly ScaleResult[]): string {
  const lines = [
    "| operation | size | requests | req/s | p50 ms | p95 ms | p99 ms | errors | gateway CPU ms/req | departments CPU ms/req | PostgreSQL CPU ms/req | request total CPU ms | machine CPU ms/req | load |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of results) {
    const s = r.summary;
    lines.push(
      `| ${r.operation} | ${r.size} | ${r.requests} | ${s.requestsPerSecond.toFixed(1)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.errors} | ${cpu(r.gatewayCpuMs)} | ${cpu(r.departmentsCpuMs)} | ${cpu(r.postgresCpuMs)} | **${cpu(requestCpu(r))}** | ${cpu(s.machineCpuMsPerRequest)} | ${r.load.toFixed(1)} |`,
    );
  }
  return lines.join("\n");
}

/** Per operation measured at both sizes: large over small for p50, p99 and CPU per request, against the target. */
export function ratioTable(results: readonly ScaleResult[]): string {
  const lines = [
    `| operation | p99 small ms | p99 large ms | p99 large/small | within ${SCALE_TARGET_RATIO}× | p50 large/small | request CPU small ms | large ms | CPU large/small |`,
    "|---|---:|---:|---:|---|---:|---:|---:|---:|",
  ];
  for (const operation of new Set(results.map((r) => r.operation))) {
    const small = results.find((r) => r.operation === operation && r.size === "small");
    const large = results.find((r) => r.operation === operation && r.size === "large");
    if (!small || !large || !small.summary.p99 || !large.summary.p99) continue;
    const ratio = large.summary.p99 / small.summary.p99;
    lines.push(
      `| ${operation} | ${ms(small.summary.p99)} | ${ms(large.summary.p99)} | **${ratio.toFixed(2)}×** | ${ratio <= SCALE_TARGET_RATIO ? "yes" : "**no**"} | ${(large.summary.p50 / small.summary.p50).toFixed(2)}× | ${cpu(requestCpu(small))} | ${cpu(requestCpu(large))} | ${(requestCpu(large) / requestCpu(small)).toFixed(2)}× |`,
    );
  }
  return lines.length > 2 ? lines.join("\n") : "";
}

const loadAverage = () =>
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")} (1, 5, 15 min)`;

/**
 * `npm run bench -- --scale`: for each size, seeds (or reuses) its set in `scale_<hash>_*` with
 * job seekers, starts the departments and OneWindow's gateway on it, checks that every operation
 * answers, then measures each through the gateway (a warm-up, then rounds of runs; each run after
 * the stack has gone quiet), with the CPU time of the gateway, of every department and of their
 * PostgreSQL backends; then prints both sizes side by side and their ratios.
 */
export async function runScaleBench(argv: string[], machine: () => string): Promise<void> {
  const options = parseScaleArgs(argv);
  const started = Date.now();
  console.log(
    `OneWindow scale bench: sizes ${options.sizes.join(", ")}, ${options.duration} s runs, ${options.warmup} s warm-up, ${options.rounds} rounds, ${options.connections} connection(s)`,
  );
  console.log(`machine: ${machine()}`);
  console.log(loadAverage());
  const results: ScaleResult[] = [];
  for (const name of options.sizes) {
    const size = SCALE_SIZES[name];
    const seedStarted = Date.now();
    const { databaseUrl, reused } = await ensureBenchData(
      options.baseDatabaseUrl,
      size,
      options.fresh,
      benchPrefix(size, "scale"),
    );
    const jobSeekers = await ensureMatchingData(databaseUrl, size);
    console.log(
      `${name} ${JSON.stringify(size)}: ${reused ? "reusing" : "seeded"} ${new URL(databaseUrl).pathname.slice(1)}_* (${((Date.now() - seedStarted) / 1000).toFixed(0)} s), ${jobSeekers.length.toLocaleString("en-US")} job seekers`,
    );
    const stack = await startBenchStack(databaseUrl, { peers: [], startTimeoutMs: 30 * 60_000 });
    const stopOnSignal = () => void stack.stop().finally(() => process.exit(130));
    process.once("SIGINT", stopOnSignal);
    process.once("SIGTERM", stopOnSignal);
    try {
      const keyEnv = devProductionKeyEnv(stack.dataDir);
      const token = await issueDevToken(
        stack.dataDir,
        { roles: BENCH_CALLER.roles, user: BENCH_CALLER.userId! },
        keyEnv,
      );
      const headers = () => ({ authorization: `Bearer ${token}`, [PURPOSE_HEADER]: BENCH_CALLER.purpose! });
      const queries = scaleQueries(size, stack.dataDir, jobSeekers).filter((q) => options.operations.includes(q.name));
      for (const query of queries) {
        const res = await fetch(stack.gateway.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers() },
          body: JSON.stringify({ query: query.query, variables: query.variables() }),
        });
        const body = (await res.json()) as { data?: unknown; errors?: unknown };
        if (!res.ok || body.errors)
          throw new Error(`${query.name} answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
        const text = JSON.stringify(body.data);
        console.log(`  ${query.name}: ${text.length} bytes, ${text.slice(0, 140)}…`);
      }
      const departments = [...stack.subgraphs.values()].map((d) => ({
        name: d.name,
        pid: d.process.pid!,
        database: postgresDatabaseName(databaseUrl, d.name),
      }));
      const stackPids = () => [
        stack.gateway.process.pid!,
        ...departments.map((d) => d.pid),
        ...departments.flatMap((d) => postgresBackendPids(d.database)),
      ];
      for (const query of queries) {
        const run = (seconds: number, label: string) =>
          runLoad(stack.gateway.url, query, {
            seconds,
            connections: options.connections,
            pid: stack.gateway.process.pid!,
            headers,
            label: `${name} ${query.name} ${label}`,
            departments,
          });
        if (options.warmup) await run(options.warmup, "warm-up");
        const runs: RunResult[] = [];
        for (let round = 1; round <= options.rounds; round++) {
          if (!(await waitUntilQuiet(() => stackCpuMs(stackPids()))))
            console.log(`  ${query.name}: the stack was still busy 20 s after the last run; measuring on`);
          const r = await run(options.duration, `round ${round}`);
          runs.push(r);
          console.log(
            `  ${name} ${query.name} round ${round}: ${r.requestsPerSecond.toFixed(1)} req/s, p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms, p99 ${ms(r.p99)} ms, errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ""} (load ${os.loadavg()[0].toFixed(1)})`,
          );
        }
        const summary = summarize(runs);
        const spent = [...(summary.departments?.values() ?? [])];
        results.push({
          operation: query.name,
          size: name,
          summary,
          requests: runs.reduce((sum, r) => sum + r.requests, 0),
          gatewayCpuMs: summary.targetCpuMsPerRequest,
          departmentsCpuMs: spent.reduce((sum, d) => sum + d.process, 0),
          postgresCpuMs: spent.reduce((sum, d) => sum + d.postgres, 0),
          load: os.loadavg()[0],
        });
      }
    } finally {
      await stack.stop();
      process.removeListener("SIGINT", stopOnSignal);
      process.removeListener("SIGTERM", stopOnSignal);
    }
  }
  console.log(`\n${scaleTable(results)}`);
  const ratios = ratioTable(results);
  if (ratios) console.log(`\n${ratios}`);
  console.log(`\ncommand: npm run bench -- ${argv.join(" ")}`);
  console.log(`finished in ${((Date.now() - started) / 60_000).toFixed(1)} min, ${loadAverage()}`);
}
