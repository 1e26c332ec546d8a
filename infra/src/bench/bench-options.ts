import type { SeedSize } from "../seed/seed-size";
import { TARGETS, type Target } from "./queries";

/** What one `npm run bench` measures, and on how much data. */
export interface BenchOptions {
  size: SeedSize;
  /** Seconds of load per measured run. */
  duration: number;
  /** Seconds of load per target and query before measuring (plan cache, JIT, pools); with `warmupRequests`, the most it may take. */
  warmup: number;
  /**
   * Answers per connection a warm-up waits for instead of its seconds (`--quick`: 2, so that every
   * connection, every pooled database connection and every prepared statement has served before
   * the measured run), or null for a warm-up of `warmup` seconds.
   */
  warmupRequests: number | null;
  /** Longest wait, in seconds, for the stack to go quiet before a measured run. */
  quietWait: number;
  /** Percent of Q3's requests for a random period of the year, which its cache has not seen (`--q3-misses`, default 0). */
  q3Misses: number;
  /** Concurrent connections of the load generator. */
  connections: number;
  /** Measured runs per target and query, alternating a, b(, c), d, e, a, b ... */
  rounds: number;
  /** Query names to run (Q1..Q5). */
  queries: string[];
  /** The targets to drive (`--targets a,b,d,e`), in the order a round drives them; each where the query allows it. */
  targets: Target[];
  /** PostgreSQL server; the bench set lives in `onewindow_bench_<size hash>_<department>`. */
  baseDatabaseUrl: string;
  /** Drop and reseed the bench set even when one of this size exists. */
  fresh: boolean;
  /** Where both gateways and the departments write V8 CPU profiles of the whole run (`--profile DIR`), or null. */
  profileDir: string | null;
}

/** The benchmark's full data set (the sizes the targets in BENCHMARKS.md were set for): 100,000 citizens, 5,000 employers, 1,000,000 outpatient visits. */
export const DEFAULT_BENCH_SIZE: SeedSize = {
  citizens: 100_000,
  employers: 5_000,
  jobPostings: 2_000,
  extraVisits: 1_000_000,
};

/**
 * `--matching`: the job-matching bench's data set, 1,000,000 citizens (with their job-seeker
 * profiles) and 100,000 job postings at 20,000 employers; no extra visits (Q5 reads none).
 */
export const MATCHING_BENCH_SIZE: SeedSize = {
  citizens: 1_000_000,
  employers: 20_000,
  jobPostings: 100_000,
  extraVisits: 0,
};

/** `--quick`: a couple of minutes end to end, for working on the harness or the gateway. */
export const QUICK_BENCH_SIZE: SeedSize = { citizens: 5_000, employers: 300, jobPostings: 600, extraVisits: 0 };

export const BENCH_USAGE = `usage: npm run bench -- [--quick | --matching] [--citizens N] [--employers N] [--job-postings N] [--visits N]
                        [--duration S] [--warmup S] [--connections N] [--rounds N] [--queries Q1,Q2,Q3,Q4,Q5] [--fresh]
                        [--targets a,b,c,d,e] [--profile DIR] [--q3-misses PERCENT]
  defaults: 100,000 citizens, 5,000 employers, 2,000 job postings, 1,000,000 visits, 20 s runs,
  10 s warm-up, 50 connections, 2 rounds, Q1–Q4; --quick: 5,000 citizens, no extra visits, 4 s runs, 1 round, each
  after a warm-up until every connection had two answers (at most 8 s; --warmup S for seconds instead)
  (under three minutes with all five targets on a machine with its cores free).
  --matching: Q5 (jobMatches of a different job seeker every request) over 1,000,000 citizens,
  20,000 employers and 100,000 job postings, 1 connection (a clerk's latency); with --quick,
  over the quick set (5,000 citizens, 600 postings).
  --targets: (a) OneWindow's gateway, (b) a stock @apollo/gateway, (c) the owning subgraph (Q3, Q4, Q5),
  (d) Hive Gateway, (e) Hive Gateway with Hive Router's Rust query planner; default all of them.
  --profile DIR: every gateway and every department write a V8 CPU profile of the run into DIR
  (gateway-<target>, <department>.cpuprofile; open them in Chrome DevTools), and runs.json, the time
  of each measured run: node infra/dist/bench/profile-summary.js DIR says where each query's CPU went.
  --q3-misses PERCENT: that share of Q3's requests asks for a random period of the year, which the
  hospital's cache has not seen (5: the 95 % cache-hit case).
  DATABASE_URL (default postgres://postgres@127.0.0.1:5432/onewindow) names the PostgreSQL server.
  Other modes, each with its own flags: --centres (hallKpis and rankings over 1,000 centres) and
  --scale (a clerk's and a dashboard's operations over two sets a hundred times apart).`;

/** Reads the command line; throws with {@link BENCH_USAGE} on anything it does not know. */
export function parseBenchArgs(argv: string[], env: Record<string, string | undefined> = process.env): BenchOptions {
  const quick = argv.includes("--quick");
  const matching = argv.includes("--matching");
  const options: BenchOptions = {
    size: { ...(quick ? QUICK_BENCH_SIZE : matching ? MATCHING_BENCH_SIZE : DEFAULT_BENCH_SIZE) },
    // Quick: 18 runs of five targets over Q1–Q4 in under three minutes on two shared cores. Each
    // warm-up lasts until every connection has had two answers (at most 8 s): a warm-up of one
    // second answered none of Q1's first requests on a loaded machine, so the measured run paid
    // for cold pools, plans and code, and its figures said nothing.
    duration: quick ? 4 : 20,
    warmup: quick ? 8 : 10,
    warmupRequests: quick ? 2 : null,
    quietWait: quick ? 5 : 20,
    q3Misses: 0,
    // Q5's figure is the latency a clerk sees for one match (requests one after another), not
    // the time spent queueing behind fifty others on a saturated machine: `--connections` for that.
    connections: matching ? 1 : 50,
    rounds: quick ? 1 : 2,
    queries: matching ? ["Q5"] : ["Q1", "Q2", "Q3", "Q4"],
    targets: [...TARGETS],
    baseDatabaseUrl: env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/onewindow",
    fresh: argv.includes("--fresh"),
    profileDir: null,
  };
  const numeric: Record<string, (n: number) => void> = {
    "--citizens": (n) => (options.size.citizens = n),
    "--employers": (n) => (options.size.employers = n),
    "--job-postings": (n) => (options.size.jobPostings = n),
    "--visits": (n) => (options.size.extraVisits = n),
    "--duration": (n) => (options.duration = n),
    "--warmup": (n) => {
      // A warm-up asked for in seconds is one of that many seconds, quick or not.
      options.warmup = n;
      options.warmupRequests = null;
    },
    "--connections": (n) => (options.connections = n),
    "--rounds": (n) => (options.rounds = n),
    "--q3-misses": (n) => (options.q3Misses = n),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quick" || arg === "--fresh" || arg === "--matching") continue;
    if (arg === "--profile") {
      options.profileDir = argv[++i] ?? "";
      if (!options.profileDir || options.profileDir.startsWith("--"))
        throw new Error(`--profile takes a directory\n${BENCH_USAGE}`);
      continue;
    }
    if (arg === "--queries") {
      options.queries = (argv[++i] ?? "").split(",").map((q) => q.trim().toUpperCase());
      if (!options.queries.every((q) => /^Q[1-5]$/.test(q)))
        throw new Error(`--queries takes Q1..Q5, comma-separated\n${BENCH_USAGE}`);
      continue;
    }
    if (arg === "--targets") {
      const named = (argv[++i] ?? "").split(",").map((t) => t.trim().toLowerCase());
      if (
        !named.every((t): t is Target => (TARGETS as readonly string[]).includes(t)) ||
        new Set(named).size !== named.length
      )
        throw new Error(`--targets takes a, b, c, d, e, comma-separated, each once\n${BENCH_USAGE}`);
      // A round drives them in one order, whatever order they were named in.
      options.targets = TARGETS.filter((t) => named.includes(t));
      continue;
    }
    const set = numeric[arg];
    const value = Number(argv[i + 1]);
    if (!set || !Number.isInteger(value) || value < 0)
      throw new Error(`bad argument ${arg} ${argv[i + 1] ?? ""}\n${BENCH_USAGE}`);
    set(value);
    i++;
  }
  if (options.size.citizens < 100 || options.size.employers < 1)
    throw new Error(`need at least 100 citizens and 1 employer\n${BENCH_USAGE}`);
  if (options.q3Misses > 100) throw new Error(`--q3-misses is a percentage\n${BENCH_USAGE}`);
  if (options.rounds < 1 || options.duration < 1 || options.connections < 1)
    throw new Error(`rounds, duration and connections must be at least 1\n${BENCH_USAGE}`);
  return options;
}
