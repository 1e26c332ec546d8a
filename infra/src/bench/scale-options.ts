import type { SeedSize } from "../seed/seed-size";

/** The scale bench's two data sets: a town and a city, the same proportions a hundred times over. */
export const SCALE_SIZES = {
  small: { citizens: 10_000, employers: 200, jobPostings: 1_000, extraVisits: 1_000_000, extraCases: 1_000_000 },
  large: {
    citizens: 1_000_000,
    employers: 20_000,
    jobPostings: 100_000,
    extraVisits: 10_000_000,
    extraCases: 10_000_000,
  },
} as const satisfies Record<string, Required<SeedSize>>;

export type ScaleSizeName = keyof typeof SCALE_SIZES;

/** `npm run bench -- --scale [...]`: which sets, how long to measure each operation. */
export interface ScaleBenchOptions {
  sizes: ScaleSizeName[];
  duration: number;
  warmup: number;
  rounds: number;
  connections: number;
  /** Operations to run (lookup, community, hospital, kpis, matching, open). */
  operations: string[];
  fresh: boolean;
  baseDatabaseUrl: string;
}

/** The operations a clerk and a dashboard use, as the scale bench names them. */
export const SCALE_OPERATIONS = ["lookup", "community", "hospital", "kpis", "matching", "open"] as const;

/** p99 at the large set over p99 at the small one that the scale bench aims to stay within. */
export const SCALE_TARGET_RATIO = 1.5;

export const SCALE_USAGE = `usage: npm run bench -- --scale [--sizes small,large] [--operations lookup,community,hospital,kpis,matching,open]
                        [--duration S] [--warmup S] [--rounds N] [--connections N] [--fresh]
  small: 10,000 citizens, 200 employers, 1,000 job postings, 1,000,000 extra outpatient visits and
  1,000,000 extra service-hall cases (with 300,000 evaluations and 800,000 called tickets);
  large: 1,000,000 citizens, 20,000 employers, 100,000 job postings, 10,000,000 visits, 10,000,000 cases.
  Each set is seeded once (as npm run seed -- --citizens N --visits N --cases N, with job seekers) into
  the PostgreSQL databases scale_<hash of the size>_* and reused; --fresh reseeds.
  Operations, through OneWindow's gateway as a window clerk: lookup (one citizen across labor,
  insurance and tax with their latest hall cases), community (a page of 50 of a community with
  insurance and tax), hospital (JD001's quality metrics and trend over a random period of 2011),
  kpis (hallKpis of a random demo centre with its subordinates over a random period of 2011),
  matching (jobMatches of a random job seeker), open (a case opened for a random citizen: a write, with
  its event and audit row). Defaults: both sets, every operation, 10 s runs after
  3 s of warm-up, 2 rounds, 1 connection (a clerk's latency). Reports p50/p95/p99 and CPU per request
  at each size and the large/small ratio (target: p99 within ${SCALE_TARGET_RATIO}x).
  DATABASE_URL (default postgres://postgres@127.0.0.1:5432/onewindow) names the PostgreSQL server.`;

/** Reads `--scale` and its flags; throws with {@link SCALE_USAGE} on anything else. */
export function parseScaleArgs(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): ScaleBenchOptions {
  const options: ScaleBenchOptions = {
    sizes: ["small", "large"],
    duration: 10,
    warmup: 3,
    rounds: 2,
    connections: 1,
    operations: [...SCALE_OPERATIONS],
    fresh: argv.includes("--fresh"),
    baseDatabaseUrl: env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/onewindow",
  };
  const numeric: Record<string, (n: number) => void> = {
    "--duration": (n) => (options.duration = n),
    "--warmup": (n) => (options.warmup = n),
    "--rounds": (n) => (options.rounds = n),
    "--connections": (n) => (options.connections = n),
  };
  const list = (value: string | undefined) => (value ?? "").split(",").map((s) => s.trim().toLowerCase());
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--scale" || arg === "--fresh") continue;
    if (arg === "--sizes") {
      const named = list(argv[++i]);
      if (!named.every((s): s is ScaleSizeName => s in SCALE_SIZES) || new Set(named).size !== named.length)
        throw new Error(`--sizes takes small, large, comma-separated, each once\n${SCALE_USAGE}`);
      options.sizes = (Object.keys(SCALE_SIZES) as ScaleSizeName[]).filter((s) => named.includes(s));
      continue;
    }
    if (arg === "--operations") {
      const named = list(argv[++i]);
      if (!named.every((o) => (SCALE_OPERATIONS as readonly string[]).includes(o)))
        throw new Error(`--operations takes ${SCALE_OPERATIONS.join(", ")}, comma-separated\n${SCALE_USAGE}`);
      options.operations = SCALE_OPERATIONS.filter((o) => named.includes(o));
      continue;
    }
    const set = numeric[arg];
    const value = Number(argv[i + 1]);
    if (!set || !Number.isInteger(value) || value < 0)
      throw new Error(`bad argument ${arg} ${argv[i + 1] ?? ""}\n${SCALE_USAGE}`);
    set(value);
    i++;
  }
  if (options.rounds < 1 || options.duration < 1 || options.connections < 1)
    throw new Error(`rounds, duration and connections must be at least 1\n${SCALE_USAGE}`);
  return options;
}
