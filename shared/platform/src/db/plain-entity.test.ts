import "reflect-metadata";
import { test } from "@jest/globals";
import { afterThisTest, openTestDatabase } from "@onewindow/testing";
import assert from "node:assert/strict";
import { Column, Entity, PrimaryGeneratedColumn, Table, type MigrationInterface, type QueryRunner } from "typeorm";
import { bigintTransformer } from "../money";
import { plainEntity } from "./plain-entity";
import { runSql } from "./sql";

@Entity("plain_sample")
class Sample {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 20 })
  name: string;

  @Column({ type: "varchar", length: 20, nullable: true })
  note: string | null;

  @Column({ type: "date", name: "born_on" })
  bornOn: string;

  @Column({ type: "date", name: "left_on", nullable: true })
  leftOn: string | null;

  @Column({ type: "boolean", default: false })
  active: boolean;

  @Column({ type: "integer" })
  count: number;

  @Column({ type: "bigint", name: "amount_fen", transformer: bigintTransformer })
  amountFen: number;

  @Column({
    type: "text",
    nullable: true,
    transformer: {
      to: (v: string[]) => (v.length ? v.join("|") : null),
      from: (v: string | null) => (v ? v.split("|") : []),
    },
  })
  tags: string[];

  get label(): string {
    return `${this.name} (${this.count})`;
  }
}

class CreateSample1700000000000 implements MigrationInterface {
  name = "CreateSample1700000000000";
  async up(q: QueryRunner) {
    await q.createTable(
      new Table({
        name: "plain_sample",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "name", type: "varchar", length: "20" },
          { name: "note", type: "varchar", length: "20", isNullable: true },
          { name: "born_on", type: "date" },
          { name: "left_on", type: "date", isNullable: true },
          { name: "active", type: "boolean", default: false },
          { name: "count", type: "integer" },
          { name: "amount_fen", type: "bigint" },
          { name: "tags", type: "text", isNullable: true },
        ],
      }),
    );
  }
  async down(q: QueryRunner) {
    await q.dropTable("plain_sample");
  }
}

test("an entity read in plain SQL is what TypeORM reads: class, transformers, dates and booleans", async () => {
  const { db, close } = await openTestDatabase({
    service: "plain-entity",
    entities: [Sample],
    migrations: [CreateSample1700000000000],
  });
  afterThisTest(close);
  const repo = db.getRepository(Sample);
  await repo.insert([
    {
      name: "甲",
      note: null,
      bornOn: "1975-03-07",
      leftOn: null,
      active: true,
      count: 3,
      amountFen: 12_345_678_901,
      tags: ["a", "b"],
    },
    {
      name: "乙",
      note: "x",
      bornOn: "2000-12-31",
      leftOn: "2026-01-01",
      active: false,
      count: 0,
      amountFen: 0,
      tags: [],
    },
  ]);
  const plain = plainEntity(db, Sample);
  const rows = await runSql(db.manager, `SELECT ${plain.columns("s", "p_")} FROM plain_sample s ORDER BY s.id`);
  const read = rows.map((row) => plain.from(row, "p_")!);
  const typeorm = await repo.find({ order: { id: "ASC" } });
  assert.deepEqual(read, typeorm);
  assert.ok(read[0] instanceof Sample);
  assert.equal(read[0].label, "甲 (3)");
  assert.equal(read[1].active, false);
  assert.deepEqual(read[1].tags, []);
  // The same object for the same data source and entity; an outer join's missing row is null.
  assert.equal(plainEntity(db, Sample), plain);
  assert.equal(plain.from({ p_id: null }, "p_"), null);
});
