import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { RETIREMENT_AGE_RULES, type RetirementAgeParameters } from "./retirement-age.data";
import { addMonths, lastBirthDateRetiredBy, retirementSchedule, statutoryAgeMonths } from "./retirement-age.schedule";

const rule = (code: string): RetirementAgeParameters => RETIREMENT_AGE_RULES.find((r) => r.code === code)!;
const MALE = rule("MALE");
const CADRE = rule("FEMALE_CADRE");
const WORKER = rule("FEMALE_WORKER");
const ym = (months: number) => [Math.floor(months / 12), months % 12];

test("the tracker's example: a man born 1966-05-15 retires on 2026-10-15 at 60 years 5 months, early from 2026-05-15", () => {
  const s = retirementSchedule("1966-05-15", MALE);
  assert.deepEqual(ym(s.ageMonths), [60, 5]);
  assert.equal(s.statutoryDate, "2026-10-15");
  // Flexible early retirement: three years before 2026-10-15 is 2023-10-15, but never before his original age 60.
  assert.equal(s.earliestDate, "2026-05-15");
  assert.equal(s.originalAgeDate, "2026-05-15");
  assert.equal(s.latestDate, "2029-10-15");
});

test("a man born in 1970 reaches even his earliest date only in 2030", () => {
  for (const birth of ["1970-01-01", "1970-06-30", "1970-12-31"]) {
    const s = retirementSchedule(birth, MALE);
    assert.ok(s.earliestDate >= "2030-01-01", `${birth}: ${s.earliestDate}`);
  }
  // 1970-01: 61 years 4 months (60 months after 1965-01: 15 steps of four, plus the first month).
  assert.deepEqual(ym(statutoryAgeMonths("1970-01-20", MALE)), [61, 4]);
});

test("rows of the decision's three tables, by birth month", () => {
  // [birth date, rule, years, months]: the first and last rows of each table and rows between.
  const rows: [string, RetirementAgeParameters, number, number][] = [
    ["1964-12-31", MALE, 60, 0],
    ["1965-01-01", MALE, 60, 1],
    ["1965-04-30", MALE, 60, 1],
    ["1965-05-01", MALE, 60, 2],
    ["1976-08-31", MALE, 62, 11],
    ["1976-09-01", MALE, 63, 0],
    ["1990-01-01", MALE, 63, 0],
    ["1969-12-31", CADRE, 55, 0],
    ["1970-01-01", CADRE, 55, 1],
    ["1970-05-01", CADRE, 55, 2],
    ["1981-08-31", CADRE, 57, 11],
    ["1981-09-01", CADRE, 58, 0],
    ["1974-12-31", WORKER, 50, 0],
    ["1975-01-01", WORKER, 50, 1],
    ["1975-02-28", WORKER, 50, 1],
    ["1975-03-01", WORKER, 50, 2],
    ["1976-03-10", WORKER, 50, 8],
    ["1984-10-31", WORKER, 54, 11],
    ["1984-11-01", WORKER, 55, 0],
    ["2000-01-01", WORKER, 55, 0],
  ];
  for (const [birth, r, years, months] of rows) {
    assert.deepEqual(
      ym(statutoryAgeMonths(birth, r)),
      [years, months],
      `${birth} ${JSON.stringify(r.startBirthMonth)}`,
    );
  }
  // Men born 1965-01 retire in 2025-02, the first month of the reform's effect.
  assert.equal(retirementSchedule("1965-01-10", MALE).statutoryDate, "2025-02-10");
  // A woman worker born 1976-03-10 reaches 50 years 8 months on 2026-11-10.
  assert.equal(retirementSchedule("1976-03-10", WORKER).statutoryDate, "2026-11-10");
});

test("people born before the reform keep the original age, and early retirement cannot go below it", () => {
  const s = retirementSchedule("1960-07-01", MALE);
  assert.equal(s.statutoryDate, "2020-07-01");
  assert.equal(s.earliestDate, "2020-07-01");
  // A woman cadre born 1985: 58, early retirement from 55 (three years), which is also her original age.
  const c = retirementSchedule("1985-06-06", CADRE);
  assert.equal(c.statutoryDate, "2043-06-06");
  assert.equal(c.earliestDate, "2040-06-06");
});

test("a day the month lacks is its last day", () => {
  assert.equal(addMonths("1965-01-31", 60 * 12 + 1), "2025-02-28");
  assert.equal(addMonths("1972-02-29", 45 * 12), "2017-02-28");
  assert.equal(addMonths("1972-02-29", 48 * 12), "2020-02-29");
  assert.equal(addMonths("2026-10-15", -36), "2023-10-15");
});

test("the birth-date cut-off for lists agrees with the schedule on either side", () => {
  for (const [day, r] of [
    ["2026-11-26", MALE],
    ["2026-11-26", WORKER],
    ["2031-02-28", CADRE],
    ["2025-01-31", MALE],
  ] as const) {
    const cutoff = lastBirthDateRetiredBy(day, r)!;
    assert.ok(retirementSchedule(cutoff, r).statutoryDate <= day, `${day}: ${cutoff}`);
    const next = new Date(`${cutoff}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    assert.ok(retirementSchedule(next.toISOString().slice(0, 10), r).statutoryDate > day, `${day}: after ${cutoff}`);
  }
  // On 2026-11-26 the last man to have reached it was born 1966-06-26 (60 years 5 months, that very day).
  assert.equal(lastBirthDateRetiredBy("2026-11-26", MALE), "1966-06-26");
  assert.equal(lastBirthDateRetiredBy("1930-01-01", MALE), null);
});
