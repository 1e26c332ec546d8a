import { Client } from "pg";
import { bulkLoad } from "../seed/bulk-load";

/** The size of the centres bench's data set: how many centres, cases, evaluations and called tickets. */
export interface CentresBenchSize {
  centres: number;
  cases: number;
  evaluations: number;
  tickets: number;
}

/** How the bench lays out its city: one city, 10 districts, 10 streets each, communities and stations below. */
export interface BenchCentre {
  code: string;
  name: string;
  level: "CITY" | "DISTRICT" | "STREET" | "COMMUNITY" | "BUILDING_STATION";
  parent: string | null;
  district: string | null;
  street: string | null;
}

/** The hall's own centre, which every hall database has: the bench makes it one of D01's streets. */
const HOME = "KAIXUAN";

/**
 * `count` centres (at least 112): the city BENCH_HZ, 10 districts, 100 streets (KAIXUAN one of
 * them), then communities (8 per street) and building stations (spread over the streets) until
 * the count is reached. Codes are short (hall codes are at most 20 characters).
 */
export function benchCentres(count: number): BenchCentre[] {
  if (count < 112) throw new Error("the centres bench needs at least 112 centres");
  const out: BenchCentre[] = [
    { code: "HZ", name: "杭州市", level: "CITY", parent: null, district: null, street: null },
  ];
  const streets: BenchCentre[] = [];
  for (let d = 1; d <= 10; d++) {
    const district = `D${String(d).padStart(2, "0")}`;
    out.push({ code: district, name: `第${d}区`, level: "DISTRICT", parent: "HZ", district: `第${d}区`, street: null });
    for (let s = 1; s <= 10; s++) {
      const code = d === 1 && s === 1 ? HOME : `${district}S${String(s).padStart(2, "0")}`;
      const street: BenchCentre = {
        code,
        name: `第${d}区第${s}街道`,
        level: "STREET",
        parent: district,
        district: `第${d}区`,
        street: `第${d}区第${s}街道`,
      };
      streets.push(street);
      out.push(street);
    }
  }
  const remaining = count - out.length;
  const communities = Math.min(remaining, Math.round(remaining * 0.9), streets.length * 8);
  for (let i = 0; i < remaining; i++) {
    const street = streets[i % streets.length];
    const community = i < communities;
    const n = Math.floor(i / streets.length) + 1;
    out.push({
      code: `${street.code === HOME ? "D01S01" : street.code}${community ? "C" : "B"}${String(n).padStart(2, "0")}`,
      name: `${street.name}${community ? `第${n}社区` : `第${n}楼宇服务站`}`,
      level: community ? "COMMUNITY" : "BUILDING_STATION",
      parent: street.code,
      district: street.district,
      street: street.street,
    });
  }
  return out;
}

/** Written on hall_case once a data set is complete: a later run of the same size reuses it. */
const MARKER = "onewindow centres bench data set, complete: ";

/** The year the bench's records fall in. */
export const BENCH_YEAR = 2025;

/**
 * Makes sure the hall database at `hallUrl` (already migrated) holds the centres bench's data set
 * of `size`: the centres of {@link benchCentres} and, spread evenly over every street, community and
 * station, the year's cases (95% completed, mostly within the deadline, a quarter on the spot),
 * evaluations and called tickets. `afterLoad` runs once the rows are in (before the marker), for
 * whatever the hall derives from them. Returns whether an existing set was reused.
 */
export async function ensureCentresData(
  hallUrl: string,
  size: CentresBenchSize,
  fresh: boolean,
  afterLoad?: (db: Client) => Promise<void>,
): Promise<boolean> {
  const db = new Client({ connectionString: hallUrl });
  await db.connect();
  try {
    const expected = MARKER + JSON.stringify(size);
    const { rows } = await db.query<{ comment: string | null }>(
      "SELECT obj_description('hall_case'::regclass, 'pg_class') AS comment",
    );
    if (!fresh && rows[0]?.comment === expected) return true;
    const started = Date.now();
    process.stderr.write(`seeding the centres bench data set (${JSON.stringify(size)})\n`);
    await db.query("SET maintenance_work_mem = '512MB'");
    await db.query("SET synchronous_commit = off");
    // No foreign-key checks during the load: every item code is one the catalogue has.
    await db.query("SET session_replication_role = replica");
    await db.query("COMMENT ON TABLE hall_case IS NULL");
    await db.query("TRUNCATE hall_case, hall_evaluation, queue_ticket RESTART IDENTITY CASCADE");

    const centres = benchCentres(size.centres);
    const [home] = (await db.query(`SELECT * FROM hall_centre_setting WHERE code = $1`, [HOME])).rows as Record<
      string,
      unknown
    >[];
    if (!home) throw new Error(`the hall database has no ${HOME} centre: is it migrated?`);
    await db.query("DELETE FROM hall_centre_setting WHERE code <> $1", [HOME]);
    const columns = Object.keys(home);
    for (const c of centres) {
      const row: Record<string, unknown> = {
        ...home,
        code: c.code,
        name: c.name,
        level: c.level,
        parent_code: c.parent,
        district: c.district,
        street: c.street,
      };
      const values = columns.map((k) => row[k]);
      await db.query(
        `INSERT INTO hall_centre_setting (${columns.map((k) => `"${k}"`).join(", ")})
         VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})
         ON CONFLICT (code) DO UPDATE SET ${columns.map((k) => `"${k}" = EXCLUDED."${k}"`).join(", ")}`,
        values,
      );
    }
    const leaves = centres.filter((c) => c.level !== "CITY" && c.level !== "DISTRICT").map((c) => c.code);
    const departments = [
      "LABOR_SECURITY",
      "MEDICAL_INSURANCE",
      "UNEMPLOYMENT",
      "EMPLOYMENT_ASSISTANCE",
      "ENTERPRISE_RETIREES",
      "TAX",
    ];
    // Row i's centre, window (W1..W6, each serving one line), and day of the year.
    const centre = `($1::text[])[1 + ((i * 7919) % ${leaves.length})]`;
    const line = `(i % 6)`;
    const day = `(DATE '${BENCH_YEAR}-01-01' + ((i * 31) % 365)::int)`;
    const items = await db.query<{ department: string; code: string }>(
      "SELECT department, MIN(code) AS code FROM service_item GROUP BY department",
    );
    const itemOf = new Map(items.rows.map((r) => [r.department, r.code]));
    const params = [leaves, departments, departments.map((d) => itemOf.get(d) ?? null)];
    await bulkLoad(db, {
      table: "hall_case",
      columns:
        "id_number, item_code, department, window_code, centre, status, opened_on, opened_at, deadline, completed_on, completed_at",
      select: `lpad(i::text, 18, '0'), ($3::text[])[1 + ${line}], ($2::text[])[1 + ${line}], 'W' || (1 + ${line}), ${centre},
       CASE WHEN i % 20 = 0 THEN 'OPEN' ELSE 'COMPLETED' END, ${day}, ${day}::text || 'T09:00:00+08:00',
       ${day} + 5,
       CASE WHEN i % 20 = 0 THEN NULL ELSE ${day} + CASE WHEN i % 4 = 0 THEN 0 ELSE (i % 7)::int END END,
       CASE WHEN i % 20 = 0 THEN NULL ELSE ${day}::text || 'T15:00:00+08:00' END`,
      total: size.cases,
      params,
    });
    await bulkLoad(db, {
      table: "hall_evaluation",
      columns: "window_code, centre, department, channel, rating, evaluated_on",
      select: `'W' || (1 + ${line}), ${centre}, ($2::text[])[1 + ${line}],
       (ARRAY['DEVICE', 'FORM', 'ONLINE'])[1 + (i % 3)],
       CASE WHEN i % 50 = 0 THEN 'UNSATISFIED' WHEN i % 7 = 0 THEN 'BASICALLY_SATISFIED' ELSE 'SATISFIED' END, ${day}`,
      total: size.evaluations,
      params: params.slice(0, 2),
    });
    await bulkLoad(db, {
      table: "queue_ticket",
      columns:
        "day, category, seq, number, priority, green_channel, status, centre, taken_at, called_at, called_on, window_code, wait_seconds",
      select: `${day}, ($2::text[])[1 + ${line}], i, 'A' || (i % 1000), 'NORMAL', false, 'CALLED', ${centre},
       ${day}::text || 'T09:00:00+08:00', ${day}::text || 'T09:10:00+08:00', ${day}, 'W' || (1 + ${line}),
       60 + (i % 1200)`,
      total: size.tickets,
      params: params.slice(0, 2),
    });
    await db.query("SET session_replication_role = DEFAULT");
    if (afterLoad) await afterLoad(db);
    process.stderr.write("VACUUM ANALYZE\n");
    await db.query("VACUUM ANALYZE");
    await db.query(`COMMENT ON TABLE hall_case IS ${db.escapeLiteral(expected)}`);
    process.stderr.write(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    return false;
  } finally {
    await db.end();
  }
}
