import { type Caller } from "@onewindow/contracts";
import { CursorKey, listName, loadCursorSecret, today } from "@onewindow/platform";
import { demoPerson } from "@onewindow/contracts/demo";
import type { SeedSize } from "../seed/seed-size";

/**
 * Where a query can be sent: (a) our gateway, (b) the stock @apollo/gateway, (c) the owning
 * subgraph, (d) Hive Gateway, (e) Hive Gateway with Hive Router's Rust query planner.
 */
export type Target = "a" | "b" | "c" | "d" | "e";

/** The other gateways, each measured against (a) on the same queries. */
export type PeerTarget = "b" | "d" | "e";

/** Every target, in the order a round drives them. */
export const TARGETS: readonly Target[] = ["a", "b", "c", "d", "e"];

export const PEER_TARGETS: readonly PeerTarget[] = ["b", "d", "e"];

export const isPeer = (target: Target): target is PeerTarget => (PEER_TARGETS as readonly Target[]).includes(target);

/**
 * Who the bench asks as: a window clerk (Q1, Q2: personal data, so every request is checked,
 * needs a purpose and is audited) who is also an analyst (Q3 metrics); Q4 is public.
 */
export const BENCH_CALLER: Caller = {
  userId: "bench-clerk",
  roles: ["window_clerk", "analyst"],
  hospitalCode: null,
  idNumber: null,
  purpose: "benchmark",
};

/** One benchmark query: its GraphQL text and a fresh variables object per request. */
export interface BenchQuery {
  name: string;
  description: string;
  query: string;
  /** Variables for the next request; Q1 and Q2 draw a different citizen or page every time. */
  variables: () => Record<string, unknown>;
  /** The department that owns every field of a single-subgraph query: target (c). */
  owner?: string;
  /** False: not sent to the other gateways (b), (d), (e): the comparison of gateways is Q1–Q4's. */
  peers?: false;
}

const Q1 = `query Q1($idNumber: ID!, $year: Int!) {
  citizen(idNumber: $idNumber) {
    idNumber name gender birthDate community
    employment { position startDate employer { creditCode name } }
    unemployment { registeredOn status }
    assistanceCategories
    retirement { retiredOn }
    medicalInsurance { scheme status since monthlyContribution employer { name } }
    taxSummary(year: $year) { taxableIncome taxDue taxWithheld balance }
  }
}`;

const Q2 = `query Q2($after: String, $year: Int!) {
  citizens(first: 50, after: $after) {
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

export const Q3 = `query Q3($code: ID!, $from: Date!, $to: Date!) {
  hospital(code: $code) {
    name
    qualityMetrics(from: $from, to: $to) {
      outpatientVisits outpatientDrugCostPerVisit inpatientDischarges inpatientDrugCostPerStay
      drugCostShare followUpRate satisfactionRate
    }
    metricTrend(metric: OUTPATIENT_DRUG_COST_PER_VISIT, from: $from, to: $to, granularity: MONTH) { period value }
  }
}`;

const Q4 = `query Q4 {
  jobPostings(filter: { openOnly: true }, first: 20) {
    totalCount
    edges { cursor node { title salaryMin salaryMax vacancies employer { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

// As a window clerk sees them: the ten best, why, and at whom (employers are labor's too).
const Q5 = `query Q5($idNumber: ID!) {
  citizen(idNumber: $idNumber) {
    idNumber
    jobMatches(first: 10) { score reasons posting { id title salaryMin salaryMax employer { name } } }
  }
}`;

/**
 * A keyset cursor of the `citizens` list (no filter) as labor security seals it with its key from
 * the stack's DATA_DIR: the next page starts after `key`.
 */
function citizensCursor(dataDir: string): (key: string) => string {
  const cursors = new CursorKey(loadCursorSecret({}, dataDir, "labor-security")).list(
    listName("Query", "citizens", {}),
  );
  return (key) => cursors.seal(`k:${key}`);
}

/**
 * JD001's figures over a period drawn at random within `year` (of the 66,795 there are): a request
 * that, but for a rare repeat, the department's cache has not seen, and answers from its roll-up.
 */
function randomPeriod(year: number): Record<string, unknown> {
  const day = (n: number) => new Date(Date.UTC(year, 0, 1 + n)).toISOString().slice(0, 10);
  const a = Math.floor(Math.random() * 365);
  const b = Math.floor(Math.random() * 365);
  return { code: "JD001", from: day(Math.min(a, b)), to: day(Math.max(a, b)) };
}

/**
 * Q1–Q4 of BENCHMARKS.md ("The gateway") over a seeded set of `size`, and Q5 ("Job matching") over
 * `jobSeekers`, the ID numbers of its job seekers. Q1's citizens, Q2's pages and Q5's job seekers
 * are drawn at random for every request, from precomputed lists so that drawing costs the load
 * generator nothing; Q3 and Q4 repeat. `dataDir` holds the departments' keys (Q2's cursors are sealed).
 */
export function benchQueries(
  size: SeedSize,
  dataDir: string,
  jobSeekers: readonly string[] = [],
  /** Percent of Q3's requests that ask for a period drawn at random in the year: its cache's misses. */
  q3Misses = 0,
): BenchQuery[] {
  const cursorAfter = citizensCursor(dataDir);
  const day = today();
  const taxYear = Number(day.slice(0, 4)) - 1; // the seed files last year's returns
  const ids = Array.from({ length: size.citizens }, (_, i) => demoPerson(i, size.employers, day).idNumber);
  const pick = (n: number) => Math.floor(Math.random() * n);
  // The extra visits are JD001's 2011; without them the demo hospital's figures are 2010's.
  const year = size.extraVisits > 0 ? 2011 : 2010;
  return [
    {
      name: "Q1",
      description: "one citizen across labor, insurance and tax",
      query: Q1,
      variables: () => ({ idNumber: ids[pick(ids.length)], year: taxYear }),
    },
    {
      name: "Q2",
      description: "a page of 50 citizens with insurance and tax",
      query: Q2,
      // After a random seeded citizen: pages near the end of the list are shorter, as in real use.
      variables: () => ({ after: cursorAfter(ids[pick(ids.length)]), year: taxYear }),
    },
    {
      name: "Q3",
      description: `hospital JD001: quality metrics for ${year} and its monthly trend`,
      query: Q3,
      variables: () =>
        Math.random() * 100 < q3Misses
          ? randomPeriod(year)
          : { code: "JD001", from: `${year}-01-01`, to: `${year}-12-31` },
      owner: "hospital-quality",
    },
    {
      name: "Q4",
      description: "the job board's first page with employer names",
      query: Q4,
      variables: () => ({}),
      owner: "labor-security",
    },
    {
      name: "Q5",
      description: "jobMatches(first: 10) of a random job seeker, with reasons and employer names",
      query: Q5,
      variables: () => ({ idNumber: jobSeekers[pick(jobSeekers.length)] }),
      owner: "labor-security",
      peers: false,
    },
  ];
}
