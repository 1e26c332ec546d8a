/** The SQL dialects the hall runs on. */
export type Dialect = "postgres" | "sqlite";

/** The roll-up's counts, each a sum of the records' contributions. */
export const MEASURES = [
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
export type Measure = (typeof MEASURES)[number];

/** The roll-up's key: the level, the level's first day, the centre, the window and the line. */
export const KEY = "kind, day, centre, window_code, department";

/**
 * The roll-ups summed from the detailed one (`hall_kpi_rollup`) with fewer key columns, kept by
 * the same triggers: per centre alone (a sixth of the rows), for what groups by centre (the
 * rankings); and per window and line with every centre together (a thousandth of the rows for a
 * thousand centres), for the figures of every centre the hall holds (the city's). PostgreSQL
 * only: they are for a city's thousand centres, and SQLite (one street's hall, embedded) would
 * pay a trigger statement per record for each of them.
 */
export const DERIVED_ROLLUPS = [
  { table: "hall_kpi_centre_rollup", key: "kind, day, centre" },
  { table: "hall_kpi_window_rollup", key: "kind, day, window_code, department" },
] as const;

/** The CREATE TABLE of a derived roll-up. */
export function derivedRollupTableSql(dialect: Dialect, { table, key }: (typeof DERIVED_ROLLUPS)[number]): string {
  const columns = key
    .split(", ")
    .slice(2)
    .map((c) => `${c} varchar(${c === "department" ? 24 : 20}) NOT NULL`);
  return `CREATE TABLE ${table} (kind varchar(1) NOT NULL, day date NOT NULL, ${columns.join(", ")},
    ${measureColumnsSql(dialect)}, PRIMARY KEY (${key}))`;
}

/**
 * What one record adds to the roll-up row of its centre, day, window and line (`r` is the record:
 * NEW, OLD, a transition table's or the table's alias): only when `when` holds, on the day `day`
 * (a date column), the counts `add` (SQL expressions of 0 and 1 or amounts). One record may
 * contribute to two days (a case: the day it was completed, and its deadline for the on-time rate).
 */
export interface Contribution {
  table: RolledUpTable;
  when: (r: string) => string;
  day: (r: string) => string;
  window: (r: string) => string;
  department: (r: string) => string;
  add: (r: string) => Partial<Record<Measure, string>>;
}

/** The records the roll-up sums. */
export const ROLLED_UP_TABLES = ["hall_case", "hall_evaluation", "queue_ticket"] as const;
export type RolledUpTable = (typeof ROLLED_UP_TABLES)[number];

const flag = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
const channel = (r: string, c: string, satisfied: boolean) =>
  flag(`${r}.channel = '${c}'${satisfied ? ` AND ${r}.rating <> 'UNSATISFIED'` : ""}`);

/**
 * Every KPI count of KpiReader as a contribution of one record (the same conditions as the direct
 * counts): cases completed and on the spot by their completion day; cases due by their deadline,
 * completed (on time or not) or still open (counted once their deadline has passed, by the reader);
 * evaluations by day and channel; called tickets and their wait by the day they were called.
 */
export const CONTRIBUTIONS: Contribution[] = [
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
export const WATCHED: Record<RolledUpTable, string[]> = {
  hall_case: ["centre", "window_code", "department", "opened_on", "completed_on", "deadline"],
  hall_evaluation: ["centre", "window_code", "department", "channel", "rating", "evaluated_on"],
  queue_ticket: ["centre", "window_code", "category", "called_on", "wait_seconds"],
};

/**
 * The roll-up's levels, each row keyed by its first day: days (D); weeks of a month (W: days
 * 1-7, 8-14, 15-21 and 22-28, so a week never crosses a month and a month is its weeks plus at
 * most three days); months (M); years (Y). A year's KPIs sum one row a window, a quarter's
 * three, a period cut mid-month its whole months, the weeks at its edges and at most a dozen days.
 */
export const LEVELS = ["D", "W", "M", "Y"] as const;
export type Level = (typeof LEVELS)[number];

const dayOfMonth = (dialect: Dialect, day: string) =>
  dialect === "postgres" ? `CAST(EXTRACT(DAY FROM ${day}) AS integer)` : `CAST(strftime('%d', ${day}) AS integer)`;

/** The first day of the `level` row that `day` (a date expression) counts in. */
export function levelDay(dialect: Dialect, level: Level, day: string): string {
  if (level === "D") return day;
  if (level === "W") {
    const back = `((${dayOfMonth(dialect, day)} - 1) % 7)`;
    return dialect === "postgres" ? `CAST(${day} - ${back} AS date)` : `date(${day}, '-' || ${back} || ' days')`;
  }
  const unit = level === "M" ? "month" : "year";
  return dialect === "postgres" ? `CAST(date_trunc('${unit}', ${day}) AS date)` : `date(${day}, 'start of ${unit}')`;
}

/** Whether `day` counts at `level` at all: the 29th to the 31st are in no week. */
export function levelHolds(dialect: Dialect, level: Level, day: string): string {
  return level === "W" ? `${dayOfMonth(dialect, day)} <= 28` : "1 = 1";
}

/** `ON CONFLICT` adding a new contribution to the row of `table` (keyed by `key`) that is already there. */
export const onConflictAdd = (table = "hall_kpi_rollup", key = KEY) =>
  `ON CONFLICT (${key}) DO UPDATE SET ${MEASURES.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(", ")}`;

/**
 * The roll-up rebuilt from the records (also what a bulk load runs after): every contribution's
 * day rows in one grouped pass (no upserts), then weeks and months summed from the day rows and
 * years from the months, each written in key order so that a period's rows are neighbours on
 * disk (a city's month of day rows read from a few thousand pages rather than from all of them);
 * then the derived roll-ups from it (`derived`: false before they existed).
 */
export function rebuildKpiRollupSql(dialect: Dialect, { derived = true } = {}): string[] {
  const contributions = CONTRIBUTIONS.map((c) => {
    const add = c.add("r");
    const values = MEASURES.map((m) => `${add[m] ?? "0"} AS ${m}`);
    return `SELECT ${c.day("r")} AS day, r.centre AS centre, ${c.window("r")} AS window_code,
      ${c.department("r")} AS department, ${values.join(", ")} FROM ${c.table} r WHERE ${c.when("r")}`;
  });
  const sums = MEASURES.map((m) => `SUM(${m})`).join(", ");
  const summed = (level: Level, from: Level) =>
    `INSERT INTO hall_kpi_rollup (${KEY}, ${MEASURES.join(", ")})
     SELECT '${level}', ${levelDay(dialect, level, "day")}, centre, window_code, department, ${sums}
     FROM hall_kpi_rollup WHERE kind = '${from}' AND ${levelHolds(dialect, level, "day")}
     GROUP BY ${levelDay(dialect, level, "day")}, centre, window_code, department
     ORDER BY ${levelDay(dialect, level, "day")}, centre, window_code, department`;
  return [
    "DELETE FROM hall_kpi_rollup",
    `INSERT INTO hall_kpi_rollup (${KEY}, ${MEASURES.join(", ")})
     SELECT 'D', day, centre, window_code, department, ${sums}
     FROM (${contributions.join(" UNION ALL ")}) x GROUP BY day, centre, window_code, department
     ORDER BY day, centre, window_code, department`,
    summed("W", "D"),
    summed("M", "D"),
    summed("Y", "M"),
    ...(derived && dialect === "postgres"
      ? DERIVED_ROLLUPS.flatMap(({ table, key }) => [
          `DELETE FROM ${table}`,
          `INSERT INTO ${table} (${key}, ${MEASURES.join(", ")})
           SELECT ${key}, ${sums} FROM hall_kpi_rollup GROUP BY ${key} ORDER BY ${key}`,
        ])
      : []),
  ];
}

/** The measure columns of a roll-up table, each a count that starts at 0. */
export const measureColumnsSql = (dialect: Dialect) =>
  MEASURES.map((m) => `${m} ${dialect === "postgres" ? "bigint" : "integer"} NOT NULL DEFAULT 0`).join(", ");

/** The contributions of the records `r` (a row or a transition table's alias) at every level, as one SELECT each. */
function contributionSelects(dialect: Dialect, table: RolledUpTable, r: string, sign: 1 | -1, from = ""): string[] {
  return CONTRIBUTIONS.filter((c) => c.table === table).flatMap((c) =>
    LEVELS.map((level) => {
      const add = c.add(r);
      const values = MEASURES.map((m) => (add[m] ? `${sign === 1 ? "" : "-"}(${add[m]}) AS ${m}` : `0 AS ${m}`));
      return `SELECT '${level}' AS kind, ${levelDay(dialect, level, c.day(r))} AS day, ${r}.centre AS centre,
        ${c.window(r)} AS window_code, ${c.department(r)} AS department, ${values.join(", ")}${from}
        WHERE ${c.when(r)} AND ${levelHolds(dialect, level, c.day(r))}`;
    }),
  );
}

/**
 * The triggers that keep every roll-up in the transaction of every write, whichever code path
 * makes it. PostgreSQL: one trigger a statement with its transition tables, so a bulk insert of
 * thousands of records is one grouped upsert rather than an upsert per record and level (rows
 * upserted in key order, so two such statements cannot deadlock on each other). SQLite has no
 * statement triggers: one per record, for the detailed roll-up alone.
 */
export function kpiRollupTriggersSql(dialect: Dialect): string[] {
  return ROLLED_UP_TABLES.flatMap((table) =>
    dialect === "postgres" ? postgresTriggers(table) : sqliteTriggers(table),
  );
}

/** What drops {@link kpiRollupTriggersSql}'s triggers. */
export function dropKpiRollupTriggersSql(dialect: Dialect): string[] {
  return ROLLED_UP_TABLES.flatMap((table) =>
    dialect === "postgres"
      ? [
          ...["insert", "update", "delete"].map((op) => `DROP TRIGGER ${table}_kpi_rollup_${op} ON ${table}`),
          `DROP FUNCTION ${table}_kpi_rollup_rows()`,
        ]
      : ["insert", "update", "delete"].map((op) => `DROP TRIGGER ${table}_kpi_rollup_${op}`),
  );
}

function postgresTriggers(table: RolledUpTable): string[] {
  const sums = MEASURES.map((m) => `SUM(${m})`);
  const grouped = (into: string, key: string) =>
    `INSERT INTO ${into} (${key}, ${MEASURES.join(", ")})
      SELECT ${key}, ${sums.join(", ")} FROM x GROUP BY ${key} HAVING ${sums.map((s) => `${s} <> 0`).join(" OR ")}
      ORDER BY ${key} ${onConflictAdd(into, key)}`;
  // Every roll-up from one pass over the transition tables (a statement in WITH runs whether read or not).
  const upsert = (selects: string[]) =>
    `WITH x AS (${selects.join(" UNION ALL ")}),
     ${DERIVED_ROLLUPS.map(({ table, key }, i) => `derived${i} AS (${grouped(table, key)})`).join(",\n")}
     ${grouped("hall_kpi_rollup", KEY)};`;
  const taken = contributionSelects("postgres", table, "o", -1, " FROM old_rows o");
  const added = contributionSelects("postgres", table, "n", 1, " FROM new_rows n");
  return [
    `CREATE FUNCTION ${table}_kpi_rollup_rows() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'INSERT' THEN
         ${upsert(added)}
       ELSIF TG_OP = 'UPDATE' THEN
         ${upsert([...taken, ...added])}
       ELSE
         ${upsert(taken)}
       END IF;
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER ${table}_kpi_rollup_insert AFTER INSERT ON ${table}
     REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_kpi_rollup_rows()`,
    // A transition table cannot go with a column list: every UPDATE fires, and the contributions
    // of an update that changes none of them cancel out (HAVING leaves nothing to upsert).
    `CREATE TRIGGER ${table}_kpi_rollup_update AFTER UPDATE ON ${table}
     REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_kpi_rollup_rows()`,
    `CREATE TRIGGER ${table}_kpi_rollup_delete AFTER DELETE ON ${table}
     REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_kpi_rollup_rows()`,
  ];
}

function sqliteTriggers(table: RolledUpTable): string[] {
  const statements = (r: string, sign: 1 | -1) =>
    contributionSelects("sqlite", table, r, sign)
      .map((select) => `INSERT INTO hall_kpi_rollup (${KEY}, ${MEASURES.join(", ")}) ${select} ${onConflictAdd()};`)
      .join("\n");
  return [
    `CREATE TRIGGER ${table}_kpi_rollup_insert AFTER INSERT ON ${table} BEGIN ${statements("NEW", 1)} END`,
    `CREATE TRIGGER ${table}_kpi_rollup_update AFTER UPDATE OF ${WATCHED[table].join(", ")} ON ${table} BEGIN
       ${statements("OLD", -1)} ${statements("NEW", 1)} END`,
    `CREATE TRIGGER ${table}_kpi_rollup_delete AFTER DELETE ON ${table} BEGIN ${statements("OLD", -1)} END`,
  ];
}
