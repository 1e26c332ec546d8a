import { TableColumn, type MigrationInterface, type QueryRunner, type Table } from "typeorm";

/**
 * A chain per writer process: `writer` names the chain a row (and a signed head) belongs to, and
 * ids count from 1 in each chain, so the key becomes (writer, id). Rows and heads written before
 * are the chain `''`, the one a department with a single process writes, and keep their ids and
 * hashes (`writer` is in no hash: moving a row to another chain leaves a gap in its own).
 */
export class AuditWriters1765300000000 implements MigrationInterface {
  name = "AuditWriters1765300000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["audit_entry", "audit_head"]) {
      const writer = new TableColumn({ name: "writer", type: "varchar", length: "40", default: "''" });
      await queryRunner.addColumn(table, writer);
      const loaded = (await queryRunner.getTable(table))!;
      if (queryRunner.connection.options.type === "postgres")
        // The chain first: a writer's newest row, and its rows in order, are one index range.
        await queryRunner.updatePrimaryKeys(loaded, [
          loaded.findColumnByName("writer")!,
          loaded.findColumnByName("id")!,
        ]);
      else await rekeySqlite(queryRunner, loaded);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["audit_head", "audit_entry"]) {
      const loaded = (await queryRunner.getTable(table))!;
      if (queryRunner.connection.options.type === "postgres")
        await queryRunner.updatePrimaryKeys(loaded, [loaded.findColumnByName("id")!]);
      // On SQLite, dropping the column rebuilds the table with the key that is left: id.
      await queryRunner.dropColumn(table, "writer");
    }
  }
}

/**
 * SQLite cannot change a table's key in place (and TypeORM's `updatePrimaryKeys` does nothing
 * there): a copy keyed (writer, id) replaces the table, with its indexes.
 */
async function rekeySqlite(queryRunner: QueryRunner, loaded: Table): Promise<void> {
  const name = loaded.name;
  // Read now: dropping the table empties TypeORM's description of it.
  const indexes = loaded.indices.map(
    (index) =>
      `CREATE INDEX "${index.name}" ON "${name}" (${index.columnNames.map((c) => `"${c}"`).join(", ")})${index.where ? ` WHERE ${index.where}` : ""}`,
  );
  const copy = loaded.clone();
  copy.name = `${loaded.name}_chained`;
  copy.indices = [];
  const writer = copy.columns.find((c) => c.name === "writer")!;
  copy.columns = [writer, ...copy.columns.filter((c) => c !== writer)];
  for (const column of copy.columns) column.isPrimary = column.name === "writer" || column.name === "id";
  await queryRunner.createTable(copy);
  const columns = loaded.columns.map((c) => `"${c.name}"`).join(", ");
  await queryRunner.query(`INSERT INTO "${copy.name}" (${columns}) SELECT ${columns} FROM "${name}"`);
  await queryRunner.dropTable(name);
  await queryRunner.renameTable(copy.name, name);
  for (const index of indexes) await queryRunner.query(index);
}
