import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { maintainPartitions } from "@onewindow/platform";
import type { DataSource } from "typeorm";
import { CATALOGUE } from "./catalogue/catalogue.data";
import { HallDepartment } from "./catalogue/catalogue.enums";
import { HallEvaluationChannel, HallRating } from "./evaluation/evaluation.enums";
import { PartitionCasesEvaluationsTickets1765400000580 } from "./migrations/1765400000580-partition-cases-evaluations-tickets.migration";
import { HALL_PARTITIONS } from "./partitions";
import { openTestHall, person } from "./service-hall.fixture";

const pgTest = process.env.DATABASE_URL ? test : test.skip;

const TABLES = ["hall_case", "hall_evaluation", "queue_ticket", "case_task", "hall_kpi_rollup"];
const everything = (db: DataSource) =>
  Promise.all(
    TABLES.map((table) =>
      db.query(`SELECT * FROM ${table} ORDER BY ${table === "hall_kpi_rollup" ? "1, 2, 3, 4, 5, 6" : "id"}`),
    ),
  );

async function partitionOf(db: DataSource, table: string, id: number): Promise<string> {
  const [row] = (await db.query(`SELECT tableoid::regclass::text AS p FROM ${table} WHERE id = $1`, [id])) as {
    p: string;
  }[];
  return row.p;
}

pgTest(
  "cases, evaluations and tickets: the migration partitions them with their rows, inserts land in their period's partition, and the job moves old rows out of the default without counting them twice",
  async () => {
    const { db, s, setNow } = await openTestHall("2026-01-20T09:00:00+08:00");
    const q = db.createQueryRunner();
    const migration = new PartitionCasesEvaluationsTickets1765400000580();
    const item = CATALOGUE.find((i) => i.confirmedBy === "")!.code;
    try {
      // A database from before the migration, with rows.
      await migration.down(q);
      for (const table of ["hall_case", "hall_evaluation", "queue_ticket"])
        assert.equal((await db.query("SELECT relkind FROM pg_class WHERE relname = $1", [table]))[0].relkind, "r");
      const ticket = await s.queue.take({ category: HallDepartment.TAX });
      await s.queue.callNext({ window: "01" });
      const c = await s.cases.open({ idNumber: person(1), itemCode: item, window: "01" });
      await s.cases.complete({ caseId: String(c.id) });
      await s.evaluations.submit({
        caseId: String(c.id),
        channel: HallEvaluationChannel.DEVICE,
        rating: HallRating.SATISFIED,
      });
      const before = await everything(db);
      await migration.up(q);
      assert.deepEqual(await everything(db), before);
      assert.equal(await partitionOf(db, "hall_case", c.id), "hall_case_y2026");
      assert.equal(await partitionOf(db, "queue_ticket", ticket.id), "queue_ticket_m202601");
    } finally {
      await q.release();
    }

    // The hall works on as before: the queue's numbering, the KPI triggers, a case's evaluation.
    const second = await s.queue.take({ category: HallDepartment.TAX });
    assert.equal(second.number, "F002");
    setNow("2025-12-15T09:00:00+08:00");
    const old = await s.cases.open({ idNumber: person(2), itemCode: item, window: "02" });
    await s.cases.complete({ caseId: String(old.id) });
    const oldTicket = await s.queue.take({ category: HallDepartment.TAX });
    assert.equal(await partitionOf(db, "hall_case", old.id), "hall_case_default");
    assert.equal(await partitionOf(db, "queue_ticket", oldTicket.id), "queue_ticket_default");
    assert.ok(old.id > second.id - 10, "ids come from the one sequence");

    const before = await everything(db);
    const lines: string[] = [];
    await maintainPartitions(db, HALL_PARTITIONS, { retentionDays: 180, progress: (line) => lines.push(line) });
    assert.equal(await partitionOf(db, "hall_case", old.id), "hall_case_y2025");
    assert.equal(await partitionOf(db, "queue_ticket", oldTicket.id), "queue_ticket_m202512");
    // Moved, not inserted again: the roll-up, which the triggers keep, did not move.
    assert.deepEqual(await everything(db), before);
    assert.ok(
      lines.some((line) => line.startsWith("hall_case: created hall_case_y2025, moved 1 row")),
      lines.join("\n"),
    );
  },
);
