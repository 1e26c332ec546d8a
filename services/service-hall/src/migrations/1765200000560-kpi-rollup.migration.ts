import type { MigrationInterface, QueryRunner } from "typeorm";

/** The SQL dialects the hall runs on. */
type Dialect = "postgres" | "sqlite";

/** The roll-up's counts, each a sum of the records' contributions. */
const MEASURES = [
  "cases",
  "on_site",
  "due_completed",
  "due_on_time",
  "open_due",
  "eval_device",
  "sat_device",
  "eval_form",
  "sat_form",
  "eval_online",
  "sat_online",
  "tickets",
  "wait_seconds",
] as const;
type Measure = (typeof MEASURES)[number];

/**
 * What one record adds to the roll-up row of its centre, day, window and line (`r` is the record:
 * NEW, OLD or the table's alias): only when `when` holds, on the day `day` (a date column), the
 * counts `add` (SQL expressions of 0 and 1 or amounts). One record may contribute to two days
 * (a case: the day it was completed, and its deadline for the on-time rate).
 */
interface Contribution {
  table: "hall_case" | "hall_evaluation" | "queue_ticket";
  when: (r: string) => string;
  day: (r: string) => string;
  window: (r: string) => string;
  department: (r: string) => string;
  add: (r: string) => Partial<Record<Measure, string>>;
}

const flag = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
const channel = (r: string, c: string, satisfied: boolean) =>
  flag(`${r}.channel = '${c}'${satisfied ? ` AND ${r}.rating <> 'UNSATISFIED'` : ""}`);

/**
 * Every KPI count of KpiReader as a contribution of one record (the same conditions as the direct
 * counts): cases completed and on the spot by their completion day; cases due by their deadline,
 * completed (on time or not) or still open (counted once their deadline has passed, by the reader);
 * evaluations by day and channel; called tickets and their wait by the day they were called.
 */
const CONTRIBUTIONS: Contribution[] = [
  {
    table: "hall_case",
    when: (r) => `${r}.completed_on IS NOT NULL`,
    day: (r) => `${r}.completed_on`,
    window: (r) => `${r}.window_code`,
    department: (r) => `${r}.department`,
    add: (r) => ({ cases: "1", on_site: flag(`${r}.completed_on = ${r}.opened_on`) }),
  },
  {
    table: "hall_case",
    when: () => "1 = 1",
    day: (r) => `${r}.deadline`,
    window: (r) => `${r}.window_code`,
    department: (r) => `${r}.department`,
    add: (r) => ({
      due_completed: flag(`${r}.completed_on IS NOT NULL`),
      due_on_time: flag(`${r}.completed_on IS NOT NULL AND ${r}.completed_on <= ${r}.deadline`),
      open_due: flag(`${r}.completed_on IS NULL`),
    }),
  },
  {
    table: "hall_evaluation",
    when: () => "1 = 1",
    day: (r) => `${r}.evaluated_on`,
    window: (r) => `${r}.window_code`,
    department: (r) => `COALESCE(${r}.department, '')`,
    add: (r) => ({
      eval_device: channel(r, "DEVICE", false),
      sat_device: channel(r, "DEVICE", true),
      eval_form: channel(r, "FORM", false),
      sat_form: channel(r, "FORM", true),
      eval_online: channel(r, "ONLINE", false),
      sat_online: channel(r, "ONLINE", true),
    }),
  },
  {
    table: "queue_ticket",
    when: (r) => `${r}.called_on IS NOT NULL`,
    day: (r) => `${r}.called_on`,
    window: (r) => `COALESCE(${r}.window_code, '')`,
    department: (r) => `${r}.category`,
    add: (r) => ({ tickets: "1", wait_seconds: `COALESCE(${r}.wait_seconds, 0)` }),
  },
];

/** The columns whose change moves a record's contribution (an UPDATE of others leaves the roll-up alone). */
const WATCHED: Record<Contribution["table"], string[]> = {
  hall_case: ["centre", "window_code", "department", "opened_on", "completed_on", "deadline"],
  hall_evaluation: ["centre", "window_code", "department", "channel", "rating", "evaluated_on"],
  queue_ticket: ["centre", "window_code", "category", "called_on", "wait_seconds"],
};

/**
 * Day rows (D), month rows (M) and year rows (Y), each keyed by its first day: a year's KPIs sum
 * one row a window, a quarter's three, other periods their whole months and the days around them.
 */
const LEVELS = ["D", "M", "Y"] as const;
type Level = (typeof LEVELS)[number];
const levelDay = (dialect: Dialect, level: Level, day: string) => {
  if (level === "D") return day;
  const unit = level === "M" ? "month" : "year";
  return dialect === "postgres" ? `CAST(date_trunc('${unit}', ${day}) AS date)` : `date(${day}, 'start of ${unit}')`;
};

const KEY = "kind, day, centre, window_code, department";
const onConflict = () =>
  `ON CONFLICT (${KEY}) DO UPDATE SET ${MEASURES.map((m) => `${m} = hall_kpi_rollup.${m} + excluded.${m}`).join(", ")}`;

/** The upsert adding (sign 1) or taking back (-1) the contribution `c` of the record `r` at `level`. */
function upsert(dialect: Dialect, c: Contribution, level: Level, r: string, sign: 1 | -1): string {
  const add = c.add(r);
  const values = MEASURES.map((m) => (add[m] ? `${sign === 1 ? "" : "-"}(${add[m]})` : "0"));
  return `INSERT INTO hall_kpi_rollup (${KEY}, ${MEASURES.join(", ")})
    SELECT '${level}', ${levelDay(dialect, level, c.day(r))}, ${r}.centre, ${c.window(r)}, ${c.department(r)}, ${values.join(", ")}
    WHERE ${c.when(r)} ${onConflict()};`;
}

/**
 * The roll-up rebuilt from the records (also what a bulk load runs after): every contribution's
 * day rows in one grouped pass (no upserts), then the month rows summed from the day rows.
 */
export function rebuildKpiRollupSql(dialect: Dialect): string[] {
  const contributions = CONTRIBUTIONS.map((c) => {
    const add = c.add("r");
    const values = MEASURES.map((m) => `${add[m] ?? "0"} AS ${m}`);
    return `SELECT ${c.day("r")} AS day, r.centre AS centre, ${c.window("r")} AS window_code,
      ${c.department("r")} AS department, ${values.join(", ")} FROM ${c.table} r WHERE ${c.when("r")}`;
  });
  const sums = MEASURES.map((m) => `SUM(${m})`).join(", ");
  return [
    "DELETE FROM hall_kpi_rollup",
    `INSERT INTO hall_kpi_rollup (${KEY}, ${MEASURES.join(", ")})
     SELECT 'D', day, centre, window_code, department, ${sums}
     FROM (${contributions.join(" UNION ALL ")}) x GROUP BY day, centre, window_code, department`,
    `INSERT INTO hall_kpi_rollup (${KEY}, ${MEASURES.join(", ")})
     SELECT 'M', ${levelDay(dialect, "M", "day")}, centre, window_code, department, ${sums}
     FROM hall_kpi_rollup WHERE kind = 'D' GROUP BY ${levelDay(dialect, "M", "day")}, centre, window_code, department`,
    `INSERT INTO hall_kpi_rollup (${KEY}, ${MEASURES.join(", ")})
     SELECT 'Y', ${levelDay(dialect, "Y", "day")}, centre, window_code, department, ${sums}
     FROM hall_kpi_rollup WHERE kind = 'M' GROUP BY ${levelDay(dialect, "Y", "day")}, centre, window_code, department`,
  ];
}

const TABLES = ["hall_case", "hall_evaluation", "queue_ticket"] as const;

function triggerSql(dialect: Dialect, table: Contribution["table"]): string[] {
  const mine = CONTRIBUTIONS.filter((c) => c.table === table);
  const statements = (r: string, sign: 1 | -1) =>
    mine.flatMap((c) => LEVELS.map((level) => upsert(dialect, c, level, r, sign))).join("\n");
  const watched = WATCHED[table].join(", ");
  if (dialect === "postgres")
    return [
      `CREATE FUNCTION ${table}_kpi_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP IN ('UPDATE', 'DELETE') THEN
           ${statements("OLD", -1)}
         END IF;
         IF TG_OP IN ('INSERT', 'UPDATE') THEN
           ${statements("NEW", 1)}
         END IF;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER ${table}_kpi_rollup AFTER INSERT OR DELETE OR UPDATE OF ${watched} ON ${table}
       FOR EACH ROW EXECUTE FUNCTION ${table}_kpi_rollup()`,
    ];
  return [
    `CREATE TRIGGER ${table}_kpi_rollup_insert AFTER INSERT ON ${table} BEGIN ${statements("NEW", 1)} END`,
    `CREATE TRIGGER ${table}_kpi_rollup_update AFTER UPDATE OF ${watched} ON ${table} BEGIN
       ${statements("OLD", -1)} ${statements("NEW", 1)} END`,
    `CREATE TRIGGER ${table}_kpi_rollup_delete AFTER DELETE ON ${table} BEGIN ${statements("OLD", -1)} END`,
  ];
}

/**
 * The KPI roll-up: per centre, day (and month), window and line of business, the counts every
 * hall KPI is a ratio of, so a district's or the city's KPIs and the centre rankings sum a few
 * thousand rows instead of counting millions of records. Triggers on cases, evaluations and
 * tickets keep it in the transaction of every change (a case opened, completed or escalated to
 * another centre, an evaluation, a ticket called), whichever code path makes it; the migration
 * builds it for the records already there.
 */
export class KpiRollup1765200000560 implements MigrationInterface {
  name = "KpiRollup1765200000560";

  async up(q: QueryRunner): Promise<void> {
    const dialect: Dialect = q.connection.options.type === "postgres" ? "postgres" : "sqlite";
    const big = dialect === "postgres" ? "bigint" : "integer";
    await q.query(
      `CREATE TABLE hall_kpi_rollup (
         kind varchar(1) NOT NULL, day date NOT NULL, centre varchar(20) NOT NULL,
         window_code varchar(20) NOT NULL, department varchar(24) NOT NULL,
         ${MEASURES.map((m) => `${m} ${big} NOT NULL DEFAULT 0`).join(", ")},
         PRIMARY KEY (${KEY}))`,
    );
    await q.query("CREATE INDEX hall_kpi_rollup_centre ON hall_kpi_rollup (centre, kind, day)");
    for (const sql of rebuildKpiRollupSql(dialect)) await q.query(sql);
    // Statistics now, so the first reads plan on the table as it is (not as an empty one).
    if (dialect === "postgres") await q.query("ANALYZE hall_kpi_rollup");
    for (const table of TABLES) for (const sql of triggerSql(dialect, table)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === "postgres";
    for (const table of TABLES) {
      if (postgres) {
        await q.query(`DROP TRIGGER ${table}_kpi_rollup ON ${table}`);
        await q.query(`DROP FUNCTION ${table}_kpi_rollup()`);
      } else for (const op of ["insert", "update", "delete"]) await q.query(`DROP TRIGGER ${table}_kpi_rollup_${op}`);
    }
    await q.query("DROP TABLE hall_kpi_rollup");
  }
}
