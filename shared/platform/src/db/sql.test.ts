import "reflect-metadata";
import { test } from "@jest/globals";
import { afterThisTest, openTestDatabase } from "@onewindow/testing";
import assert from "node:assert/strict";
import { Table, type MigrationInterface, type QueryRunner } from "typeorm";
import { poolFor } from "./read-routing";
import { anyOf, runPrepared } from "./sql";

class CreateLookupSample1700000000001 implements MigrationInterface {
  name = "CreateLookupSample1700000000001";
  async up(q: QueryRunner) {
    await q.createTable(
      new Table({
        name: "lookup_sample",
        columns: [
          { name: "code", type: "varchar", length: "18", isPrimary: true },
          { name: "name", type: "varchar", length: "20" },
        ],
      }),
    );
    await q.query("INSERT INTO lookup_sample (code, name) VALUES ('A1', '甲'), ('B2', '乙'), ('C3', '丙')");
  }
  async down(q: QueryRunner) {
    await q.dropTable("lookup_sample");
  }
}

const open = async () => {
  const { db, close } = await openTestDatabase({
    service: "sql-lookup",
    entities: [],
    migrations: [CreateLookupSample1700000000001],
  });
  afterThisTest(close);
  return db;
};

test("anyOf finds exactly the rows of one value or of several, whatever the number", async () => {
  const db = await open();
  const names = async (codes: string[]) => {
    const where = anyOf(db, "s.code", codes);
    const rows = await runPrepared<{ name: string }>(
      db,
      `SELECT s.name AS name FROM lookup_sample s WHERE ${where.sql} ORDER BY s.code`,
      where.params,
    );
    return rows.map((r) => r.name);
  };
  assert.deepEqual(await names(["B2"]), ["乙"]);
  assert.deepEqual(await names(["nobody"]), []);
  assert.deepEqual(await names(["C3", "A1"]), ["甲", "丙"]);
  assert.deepEqual(await names(["A1", "nobody", "B2", "C3"]), ["甲", "乙", "丙"]);
  // Asked again after several (another text on PostgreSQL), one value is still one row.
  assert.deepEqual(await names(["A1"]), ["甲"]);
});

const postgresOnly = !process.env.DATABASE_URL && "PostgreSQL only (DATABASE_URL): plans of prepared statements";

(postgresOnly ? test.skip : test)(
  "on PostgreSQL a lookup of one value is planned once per connection, not at every execution",
  async () => {
    const db = await open();
    const where = anyOf(db, "s.code", ["B2"]);
    const text = `SELECT s.name AS name FROM lookup_sample s WHERE ${where.sql.replace("?", "$1")}`;
    // One connection of the data source's pool, held for the test: plans are per connection.
    const client = await (await poolFor(db, text)).connect();
    try {
      for (let i = 0; i < 8; i++) {
        const { rows } = await client.query({ name: "lookup_one", text, values: where.params });
        assert.deepEqual(rows, [{ name: "乙" }]);
      }
      const { rows } = await client.query(
        "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'lookup_one'",
      );
      // Custom plans for the first five executions (PostgreSQL's rule), then its generic plan.
      assert.ok(Number(rows[0].generic_plans) >= 3, JSON.stringify(rows));
    } finally {
      client.release();
    }
  },
);
