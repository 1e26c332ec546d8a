import type { MigrationInterface, QueryRunner } from "typeorm";
import {
  CONTRIBUTIONS,
  KEY,
  MEASURES,
  ROLLED_UP_TABLES,
  WATCHED,
  levelDay,
  measureColumnsSql,
  onConflictAdd,
  rebuildKpiRollupSql,
  type Contribution,
  type Dialect,
  type RolledUpTable,
} from "../kpi/kpi-rollup.sql";

/** The levels this migration's triggers kept: days, months and years (weeks came later). */
const LEVELS = ["D", "M", "Y"] as const;
type Level = (typeof LEVELS)[number];

/** The upsert adding (sign 1) or taking back (-1) the contribution `c` of the record `r` at `level`. */
function upsert(dialect: Dialect, c: Contribution, level: Level, r: string, sign: 1 | -1): string {
  const add = c.add(r);
  const values = MEASURES.map((m) => (add[m] ? `${sign === 1 ? "" : "-"}(${add[m]})` : "0"));
  return `INSERT INTO hall_kpi_rollup (${KEY}, ${MEASURES.join(", ")})
    SELECT '${level}', ${levelDay(dialect, level, c.day(r))}, ${r}.centre, ${c.window(r)}, ${c.department(r)}, ${values.join(", ")}
    WHERE ${c.when(r)} ${onConflictAdd()};`;
}

function triggerSql(dialect: Dialect, table: RolledUpTable): string[] {
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

/** This migration's triggers, one run per record and level. */
export const rowTriggersSql = (dialect: Dialect) => ROLLED_UP_TABLES.flatMap((table) => triggerSql(dialect, table));

/** What drops {@link rowTriggersSql}'s triggers. */
export const dropRowTriggersSql = (dialect: Dialect) =>
  ROLLED_UP_TABLES.flatMap((table) =>
    dialect === "postgres"
      ? [`DROP TRIGGER ${table}_kpi_rollup ON ${table}`, `DROP FUNCTION ${table}_kpi_rollup()`]
      : ["insert", "update", "delete"].map((op) => `DROP TRIGGER ${table}_kpi_rollup_${op}`),
  );

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
    await q.query(
      `CREATE TABLE hall_kpi_rollup (
         kind varchar(1) NOT NULL, day date NOT NULL, centre varchar(20) NOT NULL,
         window_code varchar(20) NOT NULL, department varchar(24) NOT NULL,
         ${measureColumnsSql(dialect)},
         PRIMARY KEY (${KEY}))`,
    );
    await q.query("CREATE INDEX hall_kpi_rollup_centre ON hall_kpi_rollup (centre, kind, day)");
    for (const sql of rebuildKpiRollupSql(dialect, { derived: false })) await q.query(sql);
    // Statistics now, so the first reads plan on the table as it is (not as an empty one).
    if (dialect === "postgres") await q.query("ANALYZE hall_kpi_rollup");
    for (const sql of rowTriggersSql(dialect)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropRowTriggersSql(q.connection.options.type === "postgres" ? "postgres" : "sqlite"))
      await q.query(sql);
    await q.query("DROP TABLE hall_kpi_rollup");
  }
}
