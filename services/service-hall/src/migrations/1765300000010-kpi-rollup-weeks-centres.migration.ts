import type { MigrationInterface, QueryRunner } from "typeorm";
import {
  DERIVED_ROLLUPS,
  derivedRollupTableSql,
  dropKpiRollupTriggersSql,
  kpiRollupTriggersSql,
  rebuildKpiRollupSql,
  type Dialect,
} from "../kpi/kpi-rollup.sql";
import { dropRowTriggersSql, rowTriggersSql } from "./1765200000560-kpi-rollup.migration";

/**
 * Week rows in the KPI roll-up (days 1-7, 8-14, 15-21 and 22-28 of each month), so a period cut
 * mid-month reads a few weeks instead of up to a month of day rows at each edge; on PostgreSQL
 * the roll-ups per centre and per window of every centre beside it, so a ranking sums one row a
 * centre and period part instead of six, and the city's figures a few rows instead of thousands; and on
 * PostgreSQL triggers a statement instead of a record, so a bulk insert upserts each roll-up row
 * once. All are rebuilt from the records, in key order.
 */
export class KpiRollupWeeksCentres1765300000010 implements MigrationInterface {
  name = "KpiRollupWeeksCentres1765300000010";

  async up(q: QueryRunner): Promise<void> {
    const dialect = dialectOf(q);
    if (dialect === "postgres") {
      for (const rollup of DERIVED_ROLLUPS) await q.query(derivedRollupTableSql(dialect, rollup));
      // Room in every page, so adding to a row of today rewrites it in its page (a HOT update)
      // and the rows of a period stay where the rebuild put them, next to each other.
      for (const table of ROLLUPS) await q.query(`ALTER TABLE ${table} SET (fillfactor = 80)`);
    }
    for (const sql of [
      ...dropRowTriggersSql(dialect),
      ...rebuildKpiRollupSql(dialect),
      ...kpiRollupTriggersSql(dialect),
    ])
      await q.query(sql);
    if (dialect === "postgres") for (const table of ROLLUPS) await q.query(`ANALYZE ${table}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const dialect = dialectOf(q);
    for (const sql of dropKpiRollupTriggersSql(dialect)) await q.query(sql);
    await q.query("DELETE FROM hall_kpi_rollup WHERE kind = 'W'");
    if (dialect === "postgres") {
      for (const { table } of DERIVED_ROLLUPS) await q.query(`DROP TABLE ${table}`);
      await q.query("ALTER TABLE hall_kpi_rollup RESET (fillfactor)");
    }
    for (const sql of rowTriggersSql(dialect)) await q.query(sql);
  }
}

const ROLLUPS = ["hall_kpi_rollup", ...DERIVED_ROLLUPS.map((r) => r.table)];

const dialectOf = (q: QueryRunner): Dialect => (q.connection.options.type === "postgres" ? "postgres" : "sqlite");
