import { afterEach, test } from "@jest/globals";
import assert from "node:assert/strict";
import { loadBaseConfig } from "./config";
import { ageOn, isValidDate, today, todayBy } from "./dates";

const saved = process.env.TIME_ZONE;
afterEach(() => {
  if (saved === undefined) delete process.env.TIME_ZONE;
  else process.env.TIME_ZONE = saved;
});

test("today is read in Asia/Shanghai by default, whatever the machine's zone", () => {
  delete process.env.TIME_ZONE;
  // 17:30 UTC on 25 November is 01:30 on 26 November in Hangzhou.
  assert.equal(today(new Date("2026-11-25T17:30:00Z")), "2026-11-26");
  assert.equal(today(new Date("2026-11-25T15:59:59Z")), "2026-11-25");
  assert.equal(
    todayBy(() => new Date("2026-12-31T16:00:00Z")),
    "2027-01-01",
  );
});

test("TIME_ZONE moves the calendar, and an unknown zone is refused at start-up", () => {
  process.env.TIME_ZONE = "UTC";
  assert.equal(today(new Date("2026-11-25T17:30:00Z")), "2026-11-25");
  assert.throws(() => loadBaseConfig({ TIME_ZONE: "Mars/Olympus" }), /TIME_ZONE .*not a time zone/);
});

test("a birthday in Hangzhou counts from midnight there", () => {
  delete process.env.TIME_ZONE;
  const day = today(new Date("2026-05-14T16:00:00Z"));
  assert.equal(ageOn("1966-05-15", day), 60);
});

test("isValidDate accepts exactly the days the calendar has, leap days included", () => {
  // Every day of four centuries (each leap rule), checked against the calendar of `Date`.
  const day = new Date(Date.UTC(1896, 0, 1));
  while (day.getUTCFullYear() < 2404) {
    assert.equal(isValidDate(day.toISOString().slice(0, 10)), true, day.toISOString());
    day.setUTCDate(day.getUTCDate() + 1);
  }
  for (const bad of [
    "1900-02-29",
    "2100-02-29",
    "2023-02-29",
    "2024-02-30",
    "2024-04-31",
    "2024-13-01",
    "2024-00-10",
    "2024-01-00",
    "2024-01-32",
    "0099-01-01",
    "2024-1-01",
    "2024-01-01T00:00:00Z",
    " 2024-01-01",
    "",
  ])
    assert.equal(isValidDate(bad), false, bad);
  for (const good of ["2000-02-29", "2400-02-29", "0100-01-01", "9999-12-31"])
    assert.equal(isValidDate(good), true, good);
});
