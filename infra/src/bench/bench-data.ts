import { createHash } from "node:crypto";
import { Client } from "pg";
import { createLogger, loadBaseConfig, postgresDatabaseName, withPostgresAdmin } from "@onewindow/platform";
import { laborSecurity } from "@onewindow/labor-security";
import { checkSeeded, seedAll, seedScaledJobSeekers } from "../seed/seed-all";
import type { SeedSize } from "../seed/seed-size";
import { subgraphs } from "../subgraphs";

/** The marker written as a database comment once a bench data set is completely seeded. */
const MARKER = "onewindow bench data set, complete: ";

/**
 * The database prefix of the bench data set of one size: `onewindow_bench_<hash of the size>`,
 * so that every size has its own set and a later run of the same size can reuse it.
 */
export function benchPrefix(size: SeedSize, base = "onewindow_bench"): string {
  // Extra cases only in the key when there are some: the sets seeded before they existed keep their names.
  const key = `c${size.citizens}e${size.employers}j${size.jobPostings}v${size.extraVisits}${size.extraCases ? `k${size.extraCases}` : ""}`;
  return `${base}_${createHash("sha256").update(key).digest("hex").slice(0, 10)}`;
}

/** The `DATABASE_URL` whose per-department databases (`<prefix>_<department>`) hold the set. */
export function benchDatabaseUrl(baseUrl: string, prefix: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${prefix}`;
  return url.toString();
}

/**
 * Makes sure the bench data set of `size` exists in PostgreSQL and returns its `DATABASE_URL`.
 * Seeding 100,000 citizens and a million visits takes minutes, so a set is seeded once and
 * reused: every department's database carries a comment naming the size once the whole set
 * was written. A set without the comment on every database (an interrupted seed) is dropped
 * and seeded again. `fresh` forces a reseed; `prefix` names the set's databases.
 */
export async function ensureBenchData(
  baseUrl: string,
  size: SeedSize,
  fresh = false,
  prefix = benchPrefix(size),
): Promise<{ databaseUrl: string; reused: boolean }> {
  const databaseUrl = benchDatabaseUrl(baseUrl, prefix);
  const expected = MARKER + JSON.stringify(size);
  const names = subgraphs.map(({ definition }) => postgresDatabaseName(databaseUrl, definition.name));
  const complete = await withPostgresAdmin(baseUrl, async (client) => {
    const { rows } = await client.query<{ datname: string; comment: string | null }>(
      "SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = ANY($1)",
      [names],
    );
    return !fresh && rows.length === names.length && rows.every((r) => r.comment === expected);
  });
  if (complete) return { databaseUrl, reused: true };

  await dropBenchData(baseUrl, prefix);
  process.stderr.write(
    `seeding the bench data set into PostgreSQL databases ${prefix}_* (done once per size, then reused)\n`,
  );
  const started = Date.now();
  const config = loadBaseConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" });
  const logger = createLogger("bench-seed", "warn");
  // Marked complete only once the databases hold what was written.
  await checkSeeded(config, logger, await seedAll(config, logger, size));
  await withPostgresAdmin(baseUrl, async (client) => {
    for (const name of names) {
      // Fresh statistics, as a long-running production database would have.
      const db = new Client({ connectionString: benchDatabaseUrl(baseUrl, name) });
      await db.connect();
      await db.query("VACUUM ANALYZE").finally(() => db.end());
      await client.query(`COMMENT ON DATABASE "${name}" IS ${client.escapeLiteral(expected)}`);
    }
  });
  process.stderr.write(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return { databaseUrl, reused: false };
}

/**
 * Empties, in every department's database of the set at `databaseUrl`, what earlier runs added
 * (their audit trails and used contexts; every department has these tables), so that every run
 * starts from the set as seeded. Each run signs with keys of its own, so an earlier run's trail
 * could not be checked by this one anyway; and left to grow (0.9 million audit rows a department
 * after a morning of quick runs), it made each run's PostgreSQL CPU per request higher than the
 * last's, which hid any change measured back to back.
 */
export async function clearRunTables(databaseUrl: string): Promise<void> {
  for (const { definition } of subgraphs) {
    const db = new Client({
      connectionString: benchDatabaseUrl(databaseUrl, postgresDatabaseName(databaseUrl, definition.name)),
    });
    await db.connect();
    await db.query("TRUNCATE audit_entry, audit_entry_key, audit_head, used_context").finally(() => db.end());
  }
}

/** Drops every database of the bench set `prefix` (`<prefix>_<department>`). */
export async function dropBenchData(baseUrl: string, prefix: string): Promise<void> {
  await withPostgresAdmin(baseUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${prefix}\\_%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

/** The marker written on the job-seeker table once the matching bench's job seekers are seeded. */
const JOB_SEEKERS_MARKER = "onewindow bench job seekers, complete";

/**
 * Makes sure the bench set at `databaseUrl` (of `size`, from {@link ensureBenchData}) has job
 * seekers at scale (`seedScaledJobSeekers`), once: a comment on labor security's
 * `job_seeker_profile` table marks them written, so a later run reuses them. Returns the ID
 * numbers of the profiles that look for work (NOT_SEEKING gets no matches, so nothing to measure),
 * for the bench to draw a different job seeker for every request.
 */
export async function ensureMatchingData(databaseUrl: string, size: SeedSize): Promise<string[]> {
  const labor = benchDatabaseUrl(databaseUrl, postgresDatabaseName(databaseUrl, laborSecurity.name));
  const db = new Client({ connectionString: labor });
  await db.connect();
  try {
    const marked = async () =>
      (
        await db.query<{ comment: string | null }>(
          "SELECT obj_description('job_seeker_profile'::regclass, 'pg_class') AS comment",
        )
      ).rows[0]?.comment === JOB_SEEKERS_MARKER;
    if (!(await marked())) {
      const started = Date.now();
      // Profiles and posting skills of an interrupted run are left as they are and skipped.
      const { profiles, postings } = await seedScaledJobSeekers(
        loadBaseConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" }),
        createLogger("bench-seed", "warn"),
        size,
      );
      await db.query("VACUUM ANALYZE");
      await db.query(`COMMENT ON TABLE job_seeker_profile IS ${db.escapeLiteral(JOB_SEEKERS_MARKER)}`);
      process.stderr.write(
        `seeded ${profiles} job seekers and the requirements of ${postings} postings in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
      );
    }
    const { rows } = await db.query<{ id_number: string }>(
      "SELECT id_number FROM job_seeker_profile WHERE availability <> 'NOT_SEEKING' ORDER BY id_number",
    );
    return rows.map((r) => r.id_number);
  } finally {
    await db.end();
  }
}

/**
 * `VACUUM used_context, audit_head` in each of the set's department databases (`names`): every
 * request leaves its used context id there, pruned a minute and a half later, and the audit head
 * relay marks heads sent; a PostgreSQL without autovacuum (this project's development server)
 * keeps every pruned or updated row as a dead one, so that without this a department's PostgreSQL
 * time per request grows from run to run whatever the code. What autovacuum would do between the
 * queries of a production server.
 */
export async function vacuumRunTables(databaseUrl: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const db = new Client({ connectionString: benchDatabaseUrl(databaseUrl, name) });
    await db.connect();
    await db.query("VACUUM used_context, audit_head").finally(() => db.end());
  }
}
