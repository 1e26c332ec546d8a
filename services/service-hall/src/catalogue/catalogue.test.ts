import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { ServiceHallCaseDueAndVatLaw1763800000504, ServiceHallHolidaySchedule1763800000503 } from "../index";
import { openTestHall } from "../service-hall.fixture";

const basisOf = async (db: Awaited<ReturnType<typeof openTestHall>>["db"], code: string) =>
  (await db.query(`SELECT legal_basis FROM service_item WHERE code = '${code}'`))[0].legal_basis;

test("the guide's VAT item cites the VAT Law (in force 2026-01-01), not the Provisional Regulations it replaced", async () => {
  const { s } = await openTestHall();
  const items = await s.catalogue.search("增值税");
  const tx003 = items.find((i) => i.code === "TX003")!;
  assert.equal(tx003.legalBasis, "《中华人民共和国增值税法》");
  assert.deepEqual(
    (await s.catalogue.search()).filter((i) => i.legalBasis.includes("增值税暂行条例")).map((i) => i.code),
    [],
  );
});

test("the hall's new migrations go down and up again on this database", async () => {
  const { db } = await openTestHall();
  const q = db.createQueryRunner();
  try {
    const vat = new ServiceHallCaseDueAndVatLaw1763800000504();
    await vat.down(q);
    assert.equal(await basisOf(db, "TX003"), "《中华人民共和国增值税暂行条例》");
    await vat.up(q);
    assert.equal(await basisOf(db, "TX003"), "《中华人民共和国增值税法》");
    const schedules = new ServiceHallHolidaySchedule1763800000503();
    await schedules.down(q);
    assert.equal(await q.hasTable("hall_holiday_schedule"), false);
    await schedules.up(q);
    const years = (await db.query("SELECT year FROM hall_holiday_schedule ORDER BY year")).map((r: { year: number }) =>
      Number(r.year),
    );
    assert.deepEqual(
      years,
      Array.from({ length: 23 }, (_, i) => 2004 + i),
    );
  } finally {
    await q.release();
  }
});
