import { Table, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Outreach (送政策 / 民情直通车): the centre's contacts with a person. The index by person and day
 * gives the last contact that orders the outreach list.
 */
export class Outreach1765100000007 implements MigrationInterface {
  name = "Outreach1765100000007";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "outreach_visit",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "id_number", type: "varchar", length: "18" },
          { name: "kind", type: "varchar", length: "10" },
          { name: "channel", type: "varchar", length: "10" },
          { name: "outcome", type: "varchar", length: "200", isNullable: true },
          { name: "note", type: "varchar", length: "500", isNullable: true },
          { name: "visited_on", type: "date" },
          { name: "community", type: "varchar", length: "60", isNullable: true },
        ],
        indices: [{ name: "outreach_visit_person_day", columnNames: ["id_number", "visited_on"] }],
        foreignKeys: [
          { columnNames: ["id_number"], referencedTableName: "citizen", referencedColumnNames: ["id_number"] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("outreach_visit");
  }
}
