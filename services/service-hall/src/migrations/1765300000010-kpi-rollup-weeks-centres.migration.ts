import type { MigrationInterface, QueryRunner } from "typeorm";
import {
  CENTRE_KEY,
  dropKpiRollupTriggersSql,
  kpiRollupTriggersSql,
  measureColumnsSql,
  rebuildKpiRollupSql,
  type Dialect,
} from "../kpi/kpi-rollup.sql";
import { dropRowTriggersSql, rowTriggersSql } from "./1765200000560-kpi-rollup.migration";

/**
 * Week rows in the KPI roll-up (days 1-7, 8-14, 15-21 and 22-28 of each month), so a period cut
 * mid-month reads a few weeks instead of up to a month of day rows at each edge; the centres'
 * roll-up beside it, so a ranking sums one row a centre and period part instead of six; and on
 * PostgreSQL triggers a statement instead of a record, so a bulk insert upserts each roll-up row
 * once. Both are rebuilt from the records, in key order.
 */
export class KpiRollupWeeksCentres1765300000010 implements MigrationInterface {
  name = "KpiRollupWeeksCentres1765300000010";

  async up(q: QueryRunner): Promise<void> {
    const dialect = dialectOf(q);
    await q.query(
      `CREATE TABLE hall_kpi_centre_rollup (
         kind varchar(1) NOT NULL, day date NOT NULL, centre varchar(20) NOT NULL, ${measureColumnsSql(dialect)},
         PRIMARY KEY (${CENTRE_KEY}))`,
    );
    // Room in every page, so adding to a row of today rewrites it in its page (a HOT update)
    // and the rows of a period stay where the rebuild put them, next to each other.
    if (dialect === "postgres")
      for (const table of ROLLUPS) await q.query(`ALTER TABLE ${table} SET (fillfactor = 80)`);
    for (const sql of [...dropRowTriggersSql(dialect), ...rebuildKpiRollupSql(dialect), ...kpiRollupTriggersSql(dialect)])
      await q.query(sql);
    if (dialect === "postgres") for (const table of ROLLUPS) await q.query(`ANALYZE ${table}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const dialect = dialectOf(q);
    for (const sql of dropKpiRollupTriggersSql(dialect)) await q.query(sql);
    await q.query("DROP TABLE hall_kpi_centre_rollup");
    await q.query("DELETE FROM hall_kpi_rollup WHERE kind = 'W'");
    if (dialect === "postgres") await q.query("ALTER TABLE hall_kpi_rollup RESET (fillfactor)");
    for (const sql of rowTriggersSql(dialect)) await q.query(sql);
  }
}

const ROLLUPS = ["hall_kpi_rollup", "hall_kpi_centre_rollup"];

const dialectOf = (q: QueryRunner): Dialect => (q.connection.options.type === "postgres" ? "postgres" : "sqlite");
