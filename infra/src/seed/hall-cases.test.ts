import { test } from "@jest/globals";
import assert from "node:assert/strict";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { demoPerson } from "@onewindow/contracts/demo";
import { createLogger, loadBaseConfig, runSql } from "@onewindow/platform";
import { CentreLevel, ServiceCentre, serviceHall } from "@onewindow/service-hall";
import { fixedClock, openDepartmentDatabase } from "@onewindow/testing";
import { EXTRA_CASES_YEAR, seedHallCases } from "./hall-cases";
import { seedAll } from "./seed-all";

const onPostgres = !!process.env.DATABASE_URL;

test("extra cases: spread over the centres below the districts and the year, for the people given, with evaluations and tickets of those cases, in the KPIs; a second load is refused", async () => {
  const { db, services } = await openDepartmentDatabase(serviceHall, { clock: fixedClock("2026-11-20") });
  if (!onPostgres) return; // PostgreSQL alone bulk-loads them: the refusal on SQLite is the next test.
  const centres = db.getRepository(ServiceCentre);
  await centres.insert({
    code: "D1",
    name: "第一区",
    level: CentreLevel.DISTRICT,
    district: "第一区",
    recallWindowMinutes: 30,
  });
  await centres.update({ code: "KAIXUAN" }, { parentCode: "D1", level: CentreLevel.STREET, district: "第一区" });
  for (const code of ["KX_C1", "KX_C2"])
    await centres.insert({
      code,
      name: code,
      level: CentreLevel.COMMUNITY,
      parentCode: "KAIXUAN",
      district: "第一区",
      recallWindowMinutes: 30,
    });
  const people = Array.from({ length: 97 }, (_, i) => demoPerson(i, 10, "2026-11-20").idNumber);
  const url = (db.options as { url?: string }).url!;

  const counts = await seedHallCases(url, 5_000, people);
  assert.deepEqual(counts, { cases: 5_000, evaluations: 1_500, tickets: 4_000 });
  const one = async (sql: string) => (await runSql<Record<string, unknown>>(db.manager, sql))[0];
  const year = `BETWEEN '${EXTRA_CASES_YEAR}-01-01' AND '${EXTRA_CASES_YEAR}-12-31'`;
  const cases = await one(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS ids, COUNT(DISTINCT id_number) AS people, COUNT(DISTINCT centre) AS centres,
         COUNT(DISTINCT opened_on) AS days, SUM(CASE WHEN completed_on > deadline THEN 1 ELSE 0 END) AS late,
         SUM(CASE WHEN completed_on = opened_on THEN 1 ELSE 0 END) AS on_spot
       FROM hall_case WHERE opened_on ${year}`,
  );
  assert.deepEqual(
    [cases.n, cases.ids, cases.people, cases.centres, cases.days].map(Number),
    [5_000, 5_000, 97, 3, 365],
  );
  assert.ok(Number(cases.late) > 0 && Number(cases.late) < 500, `${cases.late} late`);
  assert.ok(Number(cases.on_spot) >= 1_250, `${cases.on_spot} on the spot`);
  const strangers = await one(
    `SELECT COUNT(*) AS n FROM hall_case WHERE opened_on ${year} AND (centre NOT IN ('KAIXUAN', 'KX_C1', 'KX_C2')
         OR id_number <> ALL (ARRAY[${people.map((p) => `'${p}'`).join(", ")}]))`,
  );
  assert.equal(Number(strangers.n), 0);
  // Every evaluation is of one of the cases, agreeing with it; so is every ticket's day and centre.
  const evaluations = await one(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT e.case_id) AS cases, SUM(CASE WHEN c.id IS NULL OR c.centre <> e.centre
         OR c.window_code <> e.window_code OR c.department <> e.department OR c.completed_on <> e.evaluated_on THEN 1 ELSE 0 END) AS wrong
       FROM hall_evaluation e LEFT JOIN hall_case c ON c.id = e.case_id`,
  );
  assert.deepEqual([evaluations.n, evaluations.cases, evaluations.wrong].map(Number), [1_500, 1_500, 0]);
  const tickets = await one(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT centre) AS centres, SUM(CASE WHEN status <> 'CALLED' THEN 1 ELSE 0 END) AS uncalled
       FROM queue_ticket WHERE day ${year}`,
  );
  assert.deepEqual([tickets.n, tickets.centres, tickets.uncalled].map(Number), [4_000, 3, 0]);
  // New cases get the next numbers.
  const [{ next }] = await runSql<{ next: unknown }>(
    db.manager,
    "SELECT nextval(pg_get_serial_sequence('hall_case', 'id')) AS next",
  );
  assert.ok(Number(next) > 5_000);

  // The roll-ups were rebuilt: the district's KPIs over the year count every record (cases and
  // evaluations by the day of completion, a few of which fall in the next year's first days).
  const kpis = await services.kpis.hallKpis(`${EXTRA_CASES_YEAR}-01-01`, `${EXTRA_CASES_YEAR}-12-31`, "D1", true);
  const completed = await one(`SELECT COUNT(*) AS n FROM hall_case WHERE completed_on ${year}`);
  const evaluated = await one(`SELECT COUNT(*) AS n FROM hall_evaluation WHERE evaluated_on ${year}`);
  assert.ok(Number(completed.n) > 4_900 && Number(evaluated.n) > 1_450);
  assert.deepEqual(
    [kpis.casesHandled, kpis.evaluations, kpis.ticketsCalled],
    [Number(completed.n), Number(evaluated.n), 4_000],
  );

  await assert.rejects(seedHallCases(url, 10, people), /already holds cases of 2011/);
}, 120_000);

test("extra cases need PostgreSQL: on SQLite the seed refuses before writing anything", async () => {
  if (onPostgres) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-seed-"));
  try {
    const config = loadBaseConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    await assert.rejects(
      seedAll(config, createLogger("seed", "silent"), {
        citizens: 10,
        employers: 1,
        jobPostings: 1,
        extraVisits: 0,
        extraCases: 10,
      }),
      /DATABASE_URL/,
    );
    assert.deepEqual(fs.readdirSync(dataDir), []);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
