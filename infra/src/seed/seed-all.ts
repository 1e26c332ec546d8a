import {
  openSubgraphDatabase,
  today,
  type BaseConfig,
  type Logger,
  type SubgraphDefinition,
} from "@onewindow/platform";
import { Citizen, laborSecurity } from "@onewindow/labor-security";
import { medicalInsurance } from "@onewindow/medical-insurance";
import type { DataSource } from "typeorm";
import { seedInsurance } from "./insurance.seed";
import { seedTax } from "./tax.seed";
import { tax } from "@onewindow/tax";
import { hospitalQuality, seedHospitalDemo } from "@onewindow/hospital-quality";
import { seedServiceHallDemo, serviceHall } from "@onewindow/service-hall";
import { demoPerson } from "./demo-people";
import { Progress } from "./progress";
import { seedLabor } from "./labor.seed";
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

/**
 * Writes the demo data set into every department's own database, each from the same
 * deterministic generator, so records agree across departments without any of them reading
 * another's tables.
 */
export async function seedAll(config: BaseConfig, logger: Logger, size: SeedSize): Promise<void> {
  const day = today();
  const steps: [SubgraphDefinition<unknown>, (db: DataSource) => Promise<void>][] = [
    [laborSecurity, (db) => seedLabor(db, size, day)],
    [medicalInsurance, (db) => seedInsurance(db, size, day)],
    [tax, (db) => seedTax(db, size, day)],
    [
      hospitalQuality,
      async (db) => {
        const progress = new Progress("extra outpatient visits", size.extraVisits);
        await seedHospitalDemo(db, { extraVisits: size.extraVisits, onProgress: (done) => progress.update(done) });
      },
    ],
    [
      serviceHall,
      async (db) => {
        // The centre's cases are those of the demo residents (at most 3,000 of them).
        const idNumbers = Array.from(
          { length: Math.min(size.citizens, 3_000) },
          (_, i) => demoPerson(i, size.employers, day).idNumber,
        );
        let progress: Progress | undefined;
        await seedServiceHallDemo(db, {
          idNumbers,
          onProgress: (done, total) => (progress ??= new Progress("service-hall cases", total)).update(done),
        });
      },
    ],
  ];
  for (const [definition, seed] of steps) {
    process.stderr.write(`seeding ${definition.name}\n`);
    const db = await openSubgraphDatabase(definition, config, logger);
    try {
      await seed(db);
    } finally {
      await db.destroy();
    }
  }
}
