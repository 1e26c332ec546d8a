import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/** The hall's own centre as it stands in the hierarchy (values repeated: a migration keeps its own). */
const HOME = { code: "KAIXUAN", level: "STREET", district: "江干区", street: "凯旋街道" };

/**
 * Service centres: the centre rows get their place in the city's hierarchy (level, parent,
 * district, street), and every case, evaluation and rectification item its centre, the hall's
 * own (KAIXUAN) for every row written before (tickets have had theirs since 1765100000505).
 * A case escalated by a community station to its street centre (站站互通) keeps where it came from.
 * The indexes lead with the centre, so that one centre's KPIs read only its own rows.
 */
export class ServiceCentres1765200000510 implements MigrationInterface {
  name = "ServiceCentres1765200000510";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns("hall_centre_setting", [
      new TableColumn({ name: "level", type: "varchar", length: "20", default: "'STREET'" }),
      new TableColumn({ name: "parent_code", type: "varchar", length: "20", isNullable: true }),
      new TableColumn({ name: "district", type: "varchar", length: "30", isNullable: true }),
      new TableColumn({ name: "street", type: "varchar", length: "30", isNullable: true }),
    ]);
    const postgres = q.connection.options.type === "postgres";
    await q.query(
      postgres
        ? "UPDATE hall_centre_setting SET level = $1, district = $2, street = $3 WHERE code = $4"
        : "UPDATE hall_centre_setting SET level = ?, district = ?, street = ? WHERE code = ?",
      [HOME.level, HOME.district, HOME.street, HOME.code],
    );
    await q.createIndex(
      "hall_centre_setting",
      new TableIndex({ name: "hall_centre_parent", columnNames: ["parent_code"] }),
    );
    await q.createIndex(
      "hall_centre_setting",
      new TableIndex({ name: "hall_centre_level", columnNames: ["level", "code"] }),
    );

    await q.addColumns("hall_case", [
      new TableColumn({ name: "centre", type: "varchar", length: "20", default: `'${HOME.code}'` }),
      new TableColumn({ name: "escalated_from", type: "varchar", length: "20", isNullable: true }),
      new TableColumn({ name: "escalated_on", type: "date", isNullable: true }),
    ]);
    await q.addColumn(
      "hall_evaluation",
      new TableColumn({ name: "centre", type: "varchar", length: "20", default: `'${HOME.code}'` }),
    );
    await q.addColumn(
      "hall_rectification",
      new TableColumn({ name: "centre", type: "varchar", length: "20", default: `'${HOME.code}'` }),
    );
    for (const [table, index] of INDEXES) await q.createIndex(table, index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, index] of INDEXES) await q.dropIndex(table, index.name!);
    await q.dropColumn("hall_rectification", "centre");
    await q.dropColumn("hall_evaluation", "centre");
    for (const column of ["escalated_on", "escalated_from", "centre"]) await q.dropColumn("hall_case", column);
    await q.dropIndex("hall_centre_setting", "hall_centre_level");
    await q.dropIndex("hall_centre_setting", "hall_centre_parent");
    // Only the hall's own centre existed before: the others' rows go with the hierarchy.
    const postgres = q.connection.options.type === "postgres";
    await q.query(`DELETE FROM hall_centre_setting WHERE code <> ${postgres ? "$1" : "?"}`, [HOME.code]);
    for (const column of ["street", "district", "parent_code", "level"])
      await q.dropColumn("hall_centre_setting", column);
  }
}

/** The KPI aggregates of one centre, or of every centre grouped, each covered by its index. */
const INDEXES: [string, TableIndex][] = [
  [
    "hall_case",
    new TableIndex({
      name: "hall_case_centre_completed",
      columnNames: ["centre", "completed_on", "opened_on", "window_code", "department"],
    }),
  ],
  [
    "hall_case",
    new TableIndex({
      name: "hall_case_centre_due",
      columnNames: ["centre", "deadline", "completed_on", "window_code", "department"],
    }),
  ],
  ["hall_case", new TableIndex({ name: "hall_case_centre_open", columnNames: ["centre", "status", "deadline"] })],
  [
    "hall_evaluation",
    new TableIndex({
      name: "hall_evaluation_centre",
      columnNames: ["centre", "evaluated_on", "window_code", "department", "channel", "rating"],
    }),
  ],
  [
    "hall_rectification",
    new TableIndex({
      name: "hall_rectification_centre",
      columnNames: ["centre", "deadline", "window_code", "resolved_on"],
    }),
  ],
  [
    "queue_ticket",
    new TableIndex({
      name: "queue_ticket_centre_called",
      columnNames: ["centre", "called_on", "window_code", "category", "wait_seconds"],
    }),
  ],
];
