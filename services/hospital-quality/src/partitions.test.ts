import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { maintainPartitions } from "@onewindow/platform";
import { openDepartmentDatabase } from "@onewindow/testing";
import type { DataSource } from "typeorm";
import { hospitalQuality } from "./index";
import { PartitionVisitsAndStays1765400000404 } from "./migrations/1765400000404-partition-visits-and-stays.migration";
import { HOSPITAL_PARTITIONS } from "./partitions";

const pgTest = process.env.DATABASE_URL ? test : test.skip;

const everything = (db: DataSource) =>
  Promise.all(
    ["outpatient_visit", "inpatient_stay", "follow_up", "daily_rollup"].map((table) =>
      db.query(`SELECT * FROM ${table} ORDER BY ${table === "daily_rollup" ? "1, 2, 3" : "id"}`),
    ),
  );

async function partitionOf(db: DataSource, table: string, id: number): Promise<string> {
  const [row] = (await db.query(`SELECT tableoid::regclass::text AS p FROM ${table} WHERE id = $1`, [id])) as {
    p: string;
  }[];
  return row.p;
}

pgTest(
  "visits and stays: the migration partitions them by year with their rows, a visit of 2011 waits in the default partition until the job gives it its year",
  async () => {
    const { db, services: s } = await openDepartmentDatabase(hospitalQuality);
    await s.hospitals.register({ code: "T01", name: "Test hospital" });
    const q = db.createQueryRunner();
    const migration = new PartitionVisitsAndStays1765400000404();
    try {
      await migration.down(q);
      const visit = await s.outpatient.record({
        hospitalCode: "T01",
        visitDate: "2024-03-01",
        department: "内科",
        totalCost: 100,
        drugCost: 40,
      });
      const stay = await s.inpatient.record({
        hospitalCode: "T01",
        admittedOn: "2023-12-28",
        dischargedOn: "2024-01-03",
        department: "外科",
        totalCost: 5000,
        drugCost: 1500.5,
      });
      const before = await everything(db);
      await migration.up(q);
      assert.deepEqual(await everything(db), before);
      assert.equal(await partitionOf(db, "outpatient_visit", visit.id), "outpatient_visit_y2024");
      assert.equal(await partitionOf(db, "inpatient_stay", stay.id), "inpatient_stay_y2024");
    } finally {
      await q.release();
    }
    const metrics = () => s.metrics.qualityMetrics("T01", "2011-01-01", "2024-12-31");
    const old = await s.outpatient.record({
      hospitalCode: "T01",
      visitDate: "2011-06-01",
      department: "内科",
      totalCost: 60,
      drugCost: 30,
    });
    assert.equal(await partitionOf(db, "outpatient_visit", old.id), "outpatient_visit_default");
    const figures = await metrics();
    const before = await everything(db);
    await maintainPartitions(db, HOSPITAL_PARTITIONS, { retentionDays: 180 });
    assert.equal(await partitionOf(db, "outpatient_visit", old.id), "outpatient_visit_y2011");
    assert.deepEqual(await everything(db), before);
    assert.deepEqual(await metrics(), figures);
    // Idempotent.
    const again = await maintainPartitions(db, HOSPITAL_PARTITIONS, { retentionDays: 180 });
    assert.deepEqual(
      again.map((r) => r.created),
      [[], []],
    );
  },
);
