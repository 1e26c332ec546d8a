import {
  maintainSubgraph,
  openSubgraphDatabase,
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
import { hospitalQuality, seedHospitalDemo } from "@onewindow/hospital-quality";
import { seedServiceHallDemo, serviceHall } from "@onewindow/service-hall";
import { notifications, seedNotificationsDemo } from "@onewindow/notifications";
import type { DataSource } from "typeorm";
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

/**
 * Writes the demo data set into every department's own database: each department's own seed,
 * over the same deterministic demo population (`@onewindow/contracts/demo`), so records agree
 * across departments without any of them reading another's tables.
 */
export async function seedAll(config: BaseConfig, logger: Logger, size: SeedSize): Promise<void> {
  const population = { citizens: size.citizens, employers: size.employers, today: today() };
  const steps: [SubgraphDefinition<unknown>, (db: DataSource, onProgress: SeedProgress) => Promise<unknown>][] = [
    [
      laborSecurity,
      (db, onProgress) => seedLaborDemo(db, { ...population, jobPostings: size.jobPostings, onProgress }),
    ],
    [medicalInsurance, (db, onProgress) => seedInsuranceDemo(db, { ...population, onProgress })],
    [tax, (db, onProgress) => seedTaxDemo(db, { ...population, onProgress })],
    [
      hospitalQuality,
      (db, onProgress) =>
        seedHospitalDemo(db, {
          extraVisits: size.extraVisits,
          onProgress: (done, total) => onProgress(done, total, "extra outpatient visits"),
        }),
    ],
    [
      serviceHall,
      (db, onProgress) =>
        seedServiceHallDemo(db, {
          // The centre's cases are those of the demo residents (at most 3,000 of them).
          idNumbers: Array.from(
            { length: Math.min(size.citizens, 3_000) },
            (_, i) => demoPerson(i, size.employers, population.today).idNumber,
          ),
          // 物产大厦's companies are the first demo employers (at most 24 of them).
          creditCodes: Array.from({ length: Math.min(size.employers, 24) }, (_, j) => demoEmployer(j).creditCode),
          onProgress: (done, total) => onProgress(done, total, "service-hall cases"),
        }),
    ],
    [notifications, (db, onProgress) => seedNotificationsDemo(db, { ...population, onProgress })],
  ];
  for (const [definition, seed] of steps) {
    process.stderr.write(`seeding ${definition.name}\n`);
    const db = await openSubgraphDatabase(definition, config, logger);
    try {
      await seed(db, printProgress());
    } finally {
      await db.destroy();
    }
    // The demo's years (2008-2010) had no partitions yet: their rows went to the default
    // partitions, which the maintenance job now gives partitions of their own.
    if (config.databaseUrl)
      await maintainSubgraph(definition, config, (line) => process.stderr.write(`${definition.name}: ${line}\n`));
  }
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
