import { Table, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Training (送培训): courses with their seats, the count of seats taken (so that one conditional
 * UPDATE takes a seat) and their subsidy as the approving notice sets it; enrolments, one per
 * person and course.
 */
export class Training1765100000006 implements MigrationInterface {
  name = "Training1765100000006";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "training_course",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "provider", type: "varchar", length: "100" },
          { name: "title", type: "varchar", length: "100" },
          { name: "trade", type: "varchar", length: "40" },
          { name: "certificates", type: "text" },
          { name: "start_date", type: "date" },
          { name: "end_date", type: "date" },
          { name: "seats", type: "integer" },
          { name: "enrolled", type: "integer" },
          { name: "subsidy_fen", type: "bigint" },
          { name: "subsidy_source", type: "varchar", length: "300" },
        ],
        // Outreach looks up the open courses of a person's trades.
        indices: [{ name: "training_course_trade", columnNames: ["trade", "end_date"] }],
      }),
    );
    await q.createTable(
      new Table({
        name: "training_enrolment",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "course_id", type: "integer" },
          { name: "id_number", type: "varchar", length: "18" },
          { name: "enrolled_on", type: "date" },
          { name: "status", type: "varchar", length: "10" },
          { name: "result_on", type: "date", isNullable: true },
          { name: "certificate", type: "varchar", length: "60", isNullable: true },
        ],
        indices: [
          { name: "training_enrolment_once", columnNames: ["course_id", "id_number"], isUnique: true },
          { name: "training_enrolment_person", columnNames: ["id_number"] },
        ],
        foreignKeys: [
          { columnNames: ["course_id"], referencedTableName: "training_course", referencedColumnNames: ["id"] },
          { columnNames: ["id_number"], referencedTableName: "citizen", referencedColumnNames: ["id_number"] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("training_enrolment");
    await q.dropTable("training_course");
  }
}
