import { TableForeignKey, type MigrationInterface, type QueryRunner } from "typeorm";
import { convertToPartitioned, convertToPlain } from "@onewindow/platform";
import { HALL_PARTITIONS } from "../partitions";

/**
 * On PostgreSQL, cases, evaluations and queue tickets become partitioned tables, rows kept (see
 * `convertToPartitioned`); SQLite keeps them plain. Each key becomes (id, date): one sequence per
 * table still draws every id, so ids stay unique; the queue's unique number per day, centre and
 * category already holds the day. The KPI roll-up's statement triggers move to the partitioned
 * tables and fire for rows of every partition. References to a case (a task's, an evaluation's)
 * can no longer be foreign keys (they would need the case's date): the service writes them only
 * for a case it has just read, and cases are never deleted.
 */
export class PartitionCasesEvaluationsTickets1765400000580 implements MigrationInterface {
  name = "PartitionCasesEvaluationsTickets1765400000580";

  async up(q: QueryRunner): Promise<void> {
    for (const spec of HALL_PARTITIONS) await convertToPartitioned(q, spec);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== "postgres") return;
    for (const spec of HALL_PARTITIONS) await convertToPlain(q, spec, ["id"]);
    for (const table of ["case_task", "hall_evaluation"])
      await q.createForeignKey(
        table,
        new TableForeignKey({
          columnNames: ["case_id"],
          referencedTableName: "hall_case",
          referencedColumnNames: ["id"],
        }),
      );
  }
}
