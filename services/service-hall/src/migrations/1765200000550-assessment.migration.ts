import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { standardItemRows } from "../assessment/standard";
import { DRAFT_STANDARD } from "../assessment/standard.draft";

/**
 * The window-standard assessment: the standard's versions and their entries (categories, targets,
 * points), the assessments of a centre for a period and their points' scores, and on a ledger item
 * the assessment that opened it. Seeds the demo version (drafted, marked so) as reference data
 * every installation needs to assess at all; the official text comes as a new version.
 */
export class Assessment1765200000550 implements MigrationInterface {
  name = "Assessment1765200000550";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "hall_assessment_standard",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "version", type: "varchar", length: "40", isUnique: true },
          { name: "title", type: "varchar", length: "100" },
          { name: "draft", type: "boolean" },
          { name: "source_note", type: "varchar", length: "500" },
          { name: "loaded_on", type: "date" },
          { name: "loaded_by", type: "varchar", length: "64", isNullable: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "hall_assessment_standard_item",
        columns: [
          { name: "version", type: "varchar", length: "40", isPrimary: true },
          { name: "code", type: "varchar", length: "10", isPrimary: true },
          { name: "level", type: "varchar", length: "10" },
          { name: "parent", type: "varchar", length: "10", isNullable: true },
          { name: "position", type: "integer" },
          { name: "text", type: "varchar", length: "200" },
          { name: "weight", type: "integer" },
          { name: "bar", type: "real", isNullable: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "hall_assessment",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "centre", type: "varchar", length: "20" },
          { name: "kind", type: "varchar", length: "10" },
          { name: "period", type: "varchar", length: "10" },
          { name: "period_from", type: "date" },
          { name: "period_to", type: "date" },
          { name: "standard_version", type: "varchar", length: "40" },
          { name: "status", type: "varchar", length: "10" },
          { name: "assessor", type: "varchar", length: "64" },
          { name: "opened_on", type: "date" },
          { name: "completed_on", type: "date", isNullable: true },
        ],
        indices: [
          new TableIndex({
            name: "hall_assessment_unique",
            columnNames: ["centre", "kind", "period", "assessor"],
            isUnique: true,
          }),
          new TableIndex({ name: "hall_assessment_period", columnNames: ["centre", "period_from", "period_to"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "hall_assessment_score",
        columns: [
          { name: "assessment_id", type: "integer", isPrimary: true },
          { name: "point_code", type: "varchar", length: "10", isPrimary: true },
          { name: "score", type: "real" },
          { name: "note", type: "varchar", length: "500", isNullable: true },
          { name: "scored_by", type: "varchar", length: "64" },
          { name: "scored_on", type: "date" },
          { name: "rectification_id", type: "integer", isNullable: true },
        ],
      }),
    );
    await q.addColumn(
      "hall_rectification",
      new TableColumn({ name: "assessment_id", type: "integer", isNullable: true }),
    );

    // Plain SQL rather than the entities: a migration must keep working when they change later.
    const postgres = q.connection.options.type === "postgres";
    const params = (n: number) => Array.from({ length: n }, (_, i) => (postgres ? `$${i + 1}` : "?")).join(", ");
    const s = DRAFT_STANDARD;
    await q.query(
      `INSERT INTO hall_assessment_standard (version, title, draft, source_note, loaded_on, loaded_by) VALUES (${params(6)})`,
      [s.version, s.title, postgres ? s.draft : s.draft ? 1 : 0, s.sourceNote, "2025-12-01", null],
    );
    for (const r of standardItemRows(s))
      await q.query(
        `INSERT INTO hall_assessment_standard_item (version, code, level, parent, position, text, weight, bar) VALUES (${params(8)})`,
        [r.version, r.code, r.level, r.parent, r.position, r.text, r.weight, r.bar],
      );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("hall_rectification", "assessment_id");
    await q.dropTable("hall_assessment_score");
    await q.dropTable("hall_assessment");
    await q.dropTable("hall_assessment_standard_item");
    await q.dropTable("hall_assessment_standard");
  }
}
