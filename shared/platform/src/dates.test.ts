import { afterEach, test } from "@jest/globals";
import assert from "node:assert/strict";
import { loadBaseConfig } from "./config";
import { ageOn, today, todayBy } from "./dates";

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
