import { Client } from "pg";
import { rebuildKpiRollupSql } from "@onewindow/service-hall";
import { bulkLoad } from "./bulk-load";

/** The year the extra cases fall in: after the demo hall's own years (2008-2010), so its figures stay exact. */
export const EXTRA_CASES_YEAR = 2011;

/**
 * Evaluations and called tickets per case. About one served person in three rates the service
 * (the centres bench's 3,000,000 evaluations for 10,000,000 cases); a ticket serves one case or
 * more, and cases booked or filed for someone else come without one: four tickets for five cases.
 */
export const EVALUATIONS_PER_CASE = 0.3;
export const TICKETS_PER_CASE = 0.8;

/** What {@link seedHallCases} wrote: rows of {@link EXTRA_CASES_YEAR} in each table. */
export interface HallCaseCounts {
  cases: number;
  evaluations: number;
  tickets: number;
}

/** How many of each record `cases` extra cases come with. */
export function hallCaseCounts(cases: number): HallCaseCounts {
  return {
    cases,
    evaluations: Math.floor(cases * EVALUATIONS_PER_CASE),
    tickets: Math.floor(cases * TICKETS_PER_CASE),
  };
}

/** People's ID numbers written per statement into the load's temporary table. */
const PEOPLE_BATCH = 50_000;

/**
 * Writes `cases` completed cases of {@link EXTRA_CASES_YEAR} into the service hall's PostgreSQL
 * database at `hallUrl` (migrated, its demo centres placed), spread evenly over the year and over
 * every centre below the districts, each for one of `idNumbers` and one of the catalogue's items
 * (its deadline the item's time limit; a quarter done on the spot, one in twenty a day late), with
 * evaluations and called tickets in proportion ({@link hallCaseCounts}), each an evaluation or
 * ticket of one of those cases (same centre, window, line and day). Bulk-loaded by `INSERT …
 * SELECT` over generate_series ({@link bulkLoad}) with the hall's triggers off, so its KPI
 * roll-ups are rebuilt from every record afterwards (`rebuildKpiRollupSql`) and the tables
 * analyzed. Refuses a database that already holds cases of that year.
 */
export async function seedHallCases(
  hallUrl: string,
  cases: number,
  idNumbers: readonly string[],
): Promise<HallCaseCounts> {
  const counts = hallCaseCounts(cases);
  if (cases === 0) return counts;
  if (idNumbers.length === 0) throw new Error("extra cases need citizens to belong to");
  const db = new Client({ connectionString: hallUrl });
  await db.connect();
  try {
    const from = `${EXTRA_CASES_YEAR}-01-01`;
    const { rows: present } = await db.query<{ n: string }>(
      "SELECT COUNT(*) AS n FROM hall_case WHERE opened_on >= $1 AND opened_on <= $2",
      [from, `${EXTRA_CASES_YEAR}-12-31`],
    );
    if (Number(present[0].n) > 0)
      throw new Error(
        `the service hall already holds cases of ${EXTRA_CASES_YEAR}: seed extra cases into an empty one`,
      );
    await db.query("SET maintenance_work_mem = '512MB'");
    await db.query("SET synchronous_commit = off");
    const leaves = (
      await db.query<{ code: string }>(
        "SELECT code FROM hall_centre_setting WHERE level NOT IN ('CITY', 'DISTRICT') ORDER BY code",
      )
    ).rows.map((r) => r.code);
    const items = (
      await db.query<{ code: string; department: string; limit: number }>(
        "SELECT code, department, time_limit_days AS limit FROM service_item ORDER BY code",
      )
    ).rows;
    if (leaves.length === 0 || items.length === 0) throw new Error("the hall has no centres or no catalogue");

    process.stderr.write(`  the cases' ${idNumbers.length.toLocaleString("en-US")} people\n`);
    await db.query("CREATE TEMPORARY TABLE seed_person (k integer PRIMARY KEY, id_number varchar(18) NOT NULL)");
    for (let k = 0; k < idNumbers.length; k += PEOPLE_BATCH) {
      const batch = idNumbers.slice(k, k + PEOPLE_BATCH);
      await db.query("INSERT INTO seed_person SELECT k, id FROM unnest($1::int[], $2::text[]) AS t(k, id)", [
        batch.map((_, j) => k + j),
        batch,
      ]);
    }
    await db.query("ANALYZE seed_person");
    const [{ base }] = (await db.query<{ base: string }>("SELECT COALESCE(MAX(id), 0) AS base FROM hall_case")).rows;

    // Everything about case row r (1..cases) is a function of r, so that an evaluation or a ticket
    // of case r agrees with it. Multipliers prime to the counts spread consecutive rows apart.
    const item = (r: string) => `(1 + (${r}) * 13 % ${items.length})`;
    const day = (r: string) => `(DATE '${from}' + ((${r}) * 31 % 365)::int)`;
    const centre = (r: string) => `($1::text[])[1 + (${r}) * 7919 % ${leaves.length}]`;
    const window = (r: string) => `lpad((1 + (${r}) % 8)::text, 2, '0')`;
    const department = (r: string) => `($2::text[])[${item(r)}]`;
    const limit = (r: string) => `($3::int[])[${item(r)}]`;
    // A quarter on the spot, one in twenty of the others a day late, the rest within the limit.
    const completedOn = (r: string) =>
      `${day(r)} + CASE WHEN ${limit(r)} = 0 OR (${r}) % 4 = 0 THEN 0 WHEN (${r}) % 20 = 1 THEN ${limit(r)} + 1
        ELSE ((${r}) % (${limit(r)} + 1))::int END`;
    // Every parameter a statement is sent must appear in it: tickets take the first two, evaluations three.
    const params = [leaves, items.map((i) => i.department), items.map((i) => i.limit), items.map((i) => i.code)];
    // Row i of evaluations or tickets belongs to case row r, spread evenly over the cases.
    const caseOf = (total: number) => `((i - 1) * ${cases} / ${total} + 1)`;

    // No triggers (the roll-ups are rebuilt below) and no foreign-key checks: every code is the catalogue's.
    await db.query("SET session_replication_role = replica");
    await bulkLoad(db, {
      table: "hall_case",
      columns:
        "id, id_number, item_code, department, window_code, centre, status, opened_on, opened_at, deadline, completed_on, completed_at",
      select: `${base} + i, p.id_number, ($4::text[])[${item("i")}], ${department("i")}, ${window("i")}, ${centre("i")},
        'COMPLETED', ${day("i")}, ${day("i")}::text || 'T09:30:00+08:00', ${day("i")} + ${limit("i")},
        ${completedOn("i")}, (${completedOn("i")})::text || 'T15:00:00+08:00'`,
      join: `JOIN seed_person p ON p.k = g.i * 104729 % ${idNumbers.length}`,
      total: counts.cases,
      params,
    });
    await db.query("SELECT setval(pg_get_serial_sequence('hall_case', 'id'), (SELECT MAX(id) FROM hall_case))");
    const e = caseOf(counts.evaluations);
    await bulkLoad(db, {
      table: "hall_evaluation",
      columns: "case_id, window_code, centre, department, channel, rating, evaluated_on",
      select: `${base} + ${e}, ${window(e)}, ${centre(e)}, ${department(e)},
        (ARRAY['DEVICE', 'FORM', 'ONLINE'])[1 + i % 3],
        CASE WHEN i % 50 = 0 THEN 'UNSATISFIED' WHEN i % 7 = 0 THEN 'BASICALLY_SATISFIED' ELSE 'SATISFIED' END,
        ${completedOn(e)}`,
      total: counts.evaluations,
      params: params.slice(0, 3),
    });
    const t = caseOf(counts.tickets);
    await bulkLoad(db, {
      table: "queue_ticket",
      columns:
        "day, category, seq, number, priority, green_channel, status, centre, taken_at, called_at, called_on, window_code, wait_seconds",
      // seq is the row number: unique for every day, centre and line, as the hall's index wants.
      select: `${day(t)}, ${department(t)}, i, 'A' || lpad((i % 1000)::text, 3, '0'), 'NORMAL', false, 'CALLED', ${centre(t)},
        ${day(t)}::text || 'T09:10:00+08:00', ${day(t)}::text || 'T09:25:00+08:00', ${day(t)}, ${window(t)},
        60 + i % 1200`,
      total: counts.tickets,
      params: params.slice(0, 2),
    });
    await db.query("SET session_replication_role = DEFAULT");
    const started = Date.now();
    process.stderr.write("  rebuilding the hall's KPI roll-ups\n");
    for (const sql of rebuildKpiRollupSql("postgres")) await db.query(sql);
    process.stderr.write(`  roll-ups rebuilt in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    return counts;
  } finally {
    await db.end();
  }
}
