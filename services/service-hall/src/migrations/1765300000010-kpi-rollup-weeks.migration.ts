import type { MigrationInterface, QueryRunner } from "typeorm";
import { dropKpiRollupTriggersSql, kpiRollupTriggersSql, rebuildKpiRollupSql, type Dialect } from "../kpi/kpi-rollup.sql";
import { dropRowTriggersSql, rowTriggersSql } from "./1765200000560-kpi-rollup.migration";

/**
 * Week rows in the KPI roll-up (days 1-7, 8-14, 15-21 and 22-28 of each month), so a period cut
 * mid-month reads a few weeks instead of up to a month of day rows at each edge; and on
 * PostgreSQL triggers a statement instead of a record, so a bulk insert upserts each roll-up row
 * once. The roll-up is rebuilt from the records with its weeks.
 */
export class KpiRollupWeeks1765300000010 implements MigrationInterface {
  name = "KpiRollupWeeks1765300000010";

  async up(q: QueryRunner): Promise<void> {
    const dialect = dialectOf(q);
    for (const sql of [...dropRowTriggersSql(dialect), ...rebuildKpiRollupSql(dialect), ...kpiRollupTriggersSql(dialect)])
      await q.query(sql);
    if (dialect === "postgres") await q.query("ANALYZE hall_kpi_rollup");
  }

  async down(q: QueryRunner): Promise<void> {
    const dialect = dialectOf(q);
    for (const sql of dropKpiRollupTriggersSql(dialect)) await q.query(sql);
    await q.query("DELETE FROM hall_kpi_rollup WHERE kind = 'W'");
    for (const sql of rowTriggersSql(dialect)) await q.query(sql);
  }
}

const dialectOf = (q: QueryRunner): Dialect => (q.connection.options.type === "postgres" ? "postgres" : "sqlite");
