import { createLogger, loadBaseConfig } from "@onewindow/platform";
import { checkSeeded, isEmpty, seedAll, seedScaledJobSeekers } from "./seed/seed-all";
import { parseSeedArgs } from "./seed/seed-size";

const n = (x: number) => x.toLocaleString("en-US");

/**
 * `npm run seed -- --citizens 1000000 --visits 10000000 --cases 10000000`: writes the demo data
 * set, scaled, into an empty DATA_DIR (or DATABASE_URL), with job-seeker profiles and what each
 * posting asks for at the same scale, then counts what the databases hold against what was written.
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
  const written = await seedAll(config, logger, size);
  const { profiles } = await seedScaledJobSeekers(config, logger, size);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const found = await checkSeeded(config, logger, written);
  console.log(
    `seeded ${n(found.citizens)} citizens, ${n(size.employers)} employers, ${n(profiles)} job seekers, ${n(found.outpatientVisits)} outpatient visits, ${n(found.hall.cases)} extra cases with ${n(found.hall.evaluations)} evaluations and ${n(found.hall.tickets)} called tickets in ${seconds}s (counts checked)`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
