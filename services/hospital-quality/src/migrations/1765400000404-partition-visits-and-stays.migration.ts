import { TableForeignKey, type MigrationInterface, type QueryRunner } from "typeorm";
import { convertToPartitioned, convertToPlain } from "@onewindow/platform";
import { HOSPITAL_PARTITIONS } from "../partitions";

/**
 * On PostgreSQL, outpatient visits and inpatient stays become tables partitioned by year, rows
 * kept (see `convertToPartitioned`); SQLite keeps them plain. The key becomes (id, date): the one
 * sequence of each table still draws every id, so ids stay unique. A follow-up's reference to its
 * stay can no longer be a foreign key (it would need the stay's date): the service records a
 * follow-up only for a stay it has just read, and stays are never deleted.
 */
export class PartitionVisitsAndStays1765400000404 implements MigrationInterface {
  name = "PartitionVisitsAndStays1765400000404";

  async up(q: QueryRunner): Promise<void> {
    for (const spec of HOSPITAL_PARTITIONS) await convertToPartitioned(q, spec);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== "postgres") return;
    for (const spec of HOSPITAL_PARTITIONS) await convertToPlain(q, spec, ["id"]);
    await q.createForeignKey(
      "follow_up",
      new TableForeignKey({
        columnNames: ["stay_id"],
        referencedTableName: "inpatient_stay",
        referencedColumnNames: ["id"],
      }),
    );
  }
}
