import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Window staff (窗口工作人员): their records with badges and public duties, their public
 * commitments and the reviews of them (践诺评诺); and on every case, ticket and evaluation the
 * staff number of who handled it, with the indexes a person's figures are summed over.
 */
export class WindowStaff1765200000521 implements MigrationInterface {
  name = "WindowStaff1765200000521";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "hall_window_staff",
        columns: [
          { name: "staff_number", type: "varchar", length: "20", isPrimary: true },
          { name: "name", type: "varchar", length: "20" },
          { name: "centre", type: "varchar", length: "20" },
          { name: "window_code", type: "varchar", length: "20" },
          { name: "party_member", type: "boolean" },
          // TypeORM's simple-array (comma-separated codes) and simple-json (the duties' texts).
          { name: "badges", type: "text" },
          { name: "duties", type: "text" },
          { name: "recorded_at", type: "varchar", length: "32" },
        ],
        indices: [new TableIndex({ name: "hall_window_staff_post", columnNames: ["centre", "window_code"] })],
      }),
    );
    await q.createTable(
      new Table({
        name: "hall_staff_commitment",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "staff_number", type: "varchar", length: "20" },
          { name: "text", type: "varchar", length: "200" },
          { name: "made_on", type: "date" },
        ],
        indices: [new TableIndex({ name: "hall_staff_commitment_staff", columnNames: ["staff_number", "made_on"] })],
      }),
    );
    await q.createTable(
      new Table({
        name: "hall_commitment_review",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "commitment_id", type: "integer" },
          { name: "kept", type: "boolean" },
          { name: "reviewer", type: "varchar", length: "40" },
          { name: "note", type: "varchar", length: "200", isNullable: true },
          { name: "reviewed_on", type: "date" },
        ],
        indices: [
          new TableIndex({ name: "hall_commitment_review_commitment", columnNames: ["commitment_id", "reviewed_on"] }),
        ],
      }),
    );
    await q.addColumns("hall_case", [
      new TableColumn({ name: "staff_number", type: "varchar", length: "20", isNullable: true }),
      new TableColumn({ name: "completed_by", type: "varchar", length: "20", isNullable: true }),
    ]);
    await q.addColumn(
      "queue_ticket",
      new TableColumn({ name: "staff_number", type: "varchar", length: "20", isNullable: true }),
    );
    await q.addColumn(
      "hall_evaluation",
      new TableColumn({ name: "staff_number", type: "varchar", length: "20", isNullable: true }),
    );
    await q.createIndex(
      "hall_case",
      new TableIndex({
        name: "hall_case_staff",
        columnNames: ["staff_number", "completed_on", "deadline", "opened_on"],
      }),
    );
    await q.createIndex(
      "queue_ticket",
      new TableIndex({ name: "queue_ticket_staff", columnNames: ["staff_number", "called_on"] }),
    );
    await q.createIndex(
      "hall_evaluation",
      new TableIndex({ name: "hall_evaluation_staff", columnNames: ["staff_number", "evaluated_on", "rating"] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("hall_evaluation", "hall_evaluation_staff");
    await q.dropIndex("queue_ticket", "queue_ticket_staff");
    await q.dropIndex("hall_case", "hall_case_staff");
    await q.dropColumn("hall_evaluation", "staff_number");
    await q.dropColumn("queue_ticket", "staff_number");
    await q.dropColumn("hall_case", "completed_by");
    await q.dropColumn("hall_case", "staff_number");
    await q.dropTable("hall_commitment_review");
    await q.dropTable("hall_staff_commitment");
    await q.dropTable("hall_window_staff");
  }
}
