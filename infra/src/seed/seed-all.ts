import {
  maintainSubgraph,
  openSubgraphDatabase,
  runSql,
  today,
  type BaseConfig,
  type Logger,
  type SeedProgress,
  type SubgraphDefinition,
} from "@onewindow/platform";
import { demoEmployer, demoPerson } from "@onewindow/contracts/demo";
import { Citizen, laborSecurity, seedLaborDemo } from "@onewindow/labor-security";
import { medicalInsurance, seedInsuranceDemo } from "@onewindow/medical-insurance";
import { seedTaxDemo, tax } from "@onewindow/tax";
import { EXTRA_VISITS_YEAR, hospitalQuality, seedHospitalDemo } from "@onewindow/hospital-quality";
import { seedServiceHallDemo, serviceHall } from "@onewindow/service-hall";
import { notifications, seedNotificationsDemo } from "@onewindow/notifications";
import type { DataSource } from "typeorm";
import { EXTRA_CASES_YEAR, hallCaseCounts, seedHallCases, type HallCaseCounts } from "./hall-cases";
import { seedJobSeekers } from "./job-seekers";
import { Progress } from "./progress";
import type { SeedSize } from "./seed-size";

/** True when labor security, the owner of citizens, has none yet: a fresh DATA_DIR or database. */
export async function isEmpty(config: BaseConfig, logger: Logger): Promise<boolean> {
  const db = await openSubgraphDatabase(laborSecurity, config, logger);
  try {
    return (await db.getRepository(Citizen).count()) === 0;
  } finally {
    await db.destroy();
  }
}

/** A progress line per step a department's seed reports (its label names the step). */
function printProgress(): SeedProgress {
  const lines = new Map<string, Progress>();
  return (done, total, step) => {
    let line = lines.get(step);
    if (!line) lines.set(step, (line = new Progress(step, total)));
    line.update(done);
  };
}

/** What a seed wrote, to check against what the databases hold afterwards ({@link checkSeeded}). */
export interface SeededCounts {
  citizens: number;
  /** Every outpatient visit: the demo hospitals' own and the extra ones. */
  outpatientVisits: number;
  /** The extra cases and called tickets (those of {@link EXTRA_CASES_YEAR}), and the cases' evaluations. */
  hall: HallCaseCounts;
}

/** The PostgreSQL URL of a department's database, as its data source was opened. */
const urlOf = (db: DataSource) => (db.options as { url?: string }).url!;

/**
 * Writes the demo data set into every department's own database: each department's own seed,
 * over the same deterministic demo population (`@onewindow/contracts/demo`), so records agree
 * across departments without any of them reading another's tables. Extra visits go through the
 * hospital's own seed; extra cases (PostgreSQL only) are bulk-loaded after the hall's demo
 * (`./hall-cases.ts`). Returns what it wrote, for {@link checkSeeded}.
 */
export async function seedAll(config: BaseConfig, logger: Logger, size: SeedSize): Promise<SeededCounts> {
  const extraCases = size.extraCases ?? 0;
  if (extraCases > 0 && !config.databaseUrl)
    throw new Error("extra cases (--cases) are bulk-loaded by PostgreSQL: set DATABASE_URL");
  const population = { citizens: size.citizens, employers: size.employers, today: today() };
  const written: SeededCounts = { citizens: size.citizens, outpatientVisits: 0, hall: hallCaseCounts(0) };
  const steps: [SubgraphDefinition<unknown>, (db: DataSource, onProgress: SeedProgress) => Promise<unknown>][] = [
    [
      laborSecurity,
      (db, onProgress) => seedLaborDemo(db, { ...population, jobPostings: size.jobPostings, onProgress }),
    ],
    [medicalInsurance, (db, onProgress) => seedInsuranceDemo(db, { ...population, onProgress })],
    [tax, (db, onProgress) => seedTaxDemo(db, { ...population, onProgress })],
    [
      hospitalQuality,
      async (db, onProgress) => {
        const result = await seedHospitalDemo(db, {
          extraVisits: size.extraVisits,
          onProgress: (done, total) => onProgress(done, total, "extra outpatient visits"),
        });
        written.outpatientVisits = result.visits + result.extraVisits;
      },
    ],
    [
      serviceHall,
      async (db, onProgress) => {
        await seedServiceHallDemo(db, {
          // The centre's cases are those of the demo residents (at most 3,000 of them).
          idNumbers: Array.from(
            { length: Math.min(size.citizens, 3_000) },
            (_, i) => demoPerson(i, size.employers, population.today).idNumber,
          ),
          // 物产大厦's companies are the first demo employers (at most 24 of them).
          creditCodes: Array.from({ length: Math.min(size.employers, 24) }, (_, j) => demoEmployer(j).creditCode),
          onProgress: (done, total) => onProgress(done, total, "service-hall cases"),
        });
        if (extraCases === 0) return;
        process.stderr.write(`extra service-hall cases of ${EXTRA_CASES_YEAR}\n`);
        // Every demo resident's: a clerk looking someone up finds their cases.
        const people = Array.from(
          { length: size.citizens },
          (_, i) => demoPerson(i, size.employers, population.today).idNumber,
        );
        written.hall = await seedHallCases(urlOf(db), extraCases, people);
      },
    ],
    [notifications, (db, onProgress) => seedNotificationsDemo(db, { ...population, onProgress })],
  ];
  const progress = (definition: SubgraphDefinition<unknown>) => (line: string) =>
    process.stderr.write(`${definition.name}: ${line}\n`);
  // The extra visits and cases are of one year each: their partitions first, so that the bulk
  // rows go straight to them (through the default partition, the maintenance after the load moved
  // them again: a quarter of the large scale set's seeding time).
  const years = [
    ...(extraCases > 0 ? [EXTRA_CASES_YEAR] : []),
    ...((size.extraVisits ?? 0) > 0 ? [EXTRA_VISITS_YEAR] : []),
  ];
  const extraYears =
    config.databaseUrl && years.length
      ? { from: `${Math.min(...years)}-01-01`, to: `${Math.max(...years)}-12-31` }
      : undefined;
  for (const [definition, seed] of steps) {
    process.stderr.write(`seeding ${definition.name}\n`);
    const db = await openSubgraphDatabase(definition, config, logger);
    if (extraYears) await maintainSubgraph(definition, config, progress(definition), logger, extraYears);
    try {
      await seed(db, printProgress());
    } finally {
      await db.destroy();
    }
    // The demo's years (2008-2010) had no partitions yet: their rows went to the default
    // partitions, which the maintenance job now gives partitions of their own.
    if (config.databaseUrl) await maintainSubgraph(definition, config, progress(definition));
  }
  return written;
}

/** Counts a statement's single row `n`. */
async function count(db: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await runSql<{ n: unknown }>(db.manager, sql, params);
  return Number(row.n);
}

/**
 * Counts what the databases hold after {@link seedAll} and throws unless it is what was
 * `written`: the citizens, every outpatient visit, the cases and called tickets of
 * {@link EXTRA_CASES_YEAR} and the evaluations of those cases. Returns the counts.
 */
export async function checkSeeded(config: BaseConfig, logger: Logger, written: SeededCounts): Promise<SeededCounts> {
  const within = async (definition: SubgraphDefinition<unknown>, work: (db: DataSource) => Promise<void>) => {
    const db = await openSubgraphDatabase(definition, config, logger);
    try {
      await work(db);
    } finally {
      await db.destroy();
    }
  };
  const found: SeededCounts = { citizens: 0, outpatientVisits: 0, hall: hallCaseCounts(0) };
  await within(laborSecurity, async (db) => {
    found.citizens = await count(db, "SELECT COUNT(*) AS n FROM citizen");
  });
  await within(hospitalQuality, async (db) => {
    found.outpatientVisits = await count(db, "SELECT COUNT(*) AS n FROM outpatient_visit");
  });
  await within(serviceHall, async (db) => {
    const year = [`${EXTRA_CASES_YEAR}-01-01`, `${EXTRA_CASES_YEAR}-12-31`];
    found.hall = {
      cases: await count(db, "SELECT COUNT(*) AS n FROM hall_case WHERE opened_on >= ? AND opened_on <= ?", year),
      // Those of the year's cases: a case completed in the year's last days is evaluated in the next.
      evaluations: await count(
        db,
        `SELECT COUNT(*) AS n FROM hall_evaluation e JOIN hall_case c ON c.id = e.case_id
         WHERE c.opened_on >= ? AND c.opened_on <= ?`,
        year,
      ),
      tickets: await count(db, "SELECT COUNT(*) AS n FROM queue_ticket WHERE day >= ? AND day <= ?", year),
    };
  });
  const wrong = [
    ["citizens", written.citizens, found.citizens],
    ["outpatient visits", written.outpatientVisits, found.outpatientVisits],
    [`cases of ${EXTRA_CASES_YEAR}`, written.hall.cases, found.hall.cases],
    [`evaluations of the cases of ${EXTRA_CASES_YEAR}`, written.hall.evaluations, found.hall.evaluations],
    [`called tickets of ${EXTRA_CASES_YEAR}`, written.hall.tickets, found.hall.tickets],
  ].filter(([, want, got]) => want !== got);
  if (wrong.length)
    throw new Error(
      `the seeded databases do not hold what was written: ${wrong.map(([what, want, got]) => `${what} ${got} (expected ${want})`).join(", ")}`,
    );
  return found;
}

/**
 * Job seekers at scale over a seeded data set of `size` (`npm run seed`, the matching bench):
 * profiles for the registered unemployed and some of the employed, and what each job posting
 * asks for (`./job-seekers.ts`), in labor security's database. The demo (`npm start`) keeps
 * labor's own demo profiles.
 */
export async function seedScaledJobSeekers(
  config: BaseConfig,
  logger: Logger,
  size: SeedSize,
): Promise<{ profiles: number; postings: number }> {
  process.stderr.write("seeding job seekers\n");
  const db = await openSubgraphDatabase(laborSecurity, config, logger);
  try {
    return await seedJobSeekers(db, {
      citizens: size.citizens,
      employers: size.employers,
      today: today(),
      updatedAt: new Date().toISOString(),
      onProgress: printProgress(),
    });
  } finally {
    await db.destroy();
  }
}
