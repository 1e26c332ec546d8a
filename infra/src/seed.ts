import { createLogger, loadBaseConfig } from "@onewindow/platform";
import { isEmpty, seedAll, seedScaledJobSeekers } from "./seed/seed-all";
import { parseSeedArgs } from "./seed/seed-size";

/**
 * `npm run seed -- --citizens 1000000`: writes the demo data set, scaled, into an empty DATA_DIR,
 * with job-seeker profiles and what each posting asks for at the same scale.
 */
async function main() {
  const size = parseSeedArgs(process.argv.slice(2));
  const config = loadBaseConfig();
  const logger = createLogger("seed", "warn");
  if (!(await isEmpty(config, logger))) {
    throw new Error(
      `${config.databaseUrl ? "the databases" : config.dataDir} already hold citizens; seed into an empty DATA_DIR (or DATABASE_URL)`,
    );
  }
  const started = Date.now();
  await seedAll(config, logger, size);
  const { profiles } = await seedScaledJobSeekers(config, logger, size);
  console.log(
    `seeded ${size.citizens.toLocaleString("en-US")} citizens, ${size.employers.toLocaleString("en-US")} employers, ${profiles.toLocaleString("en-US")} job seekers in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
