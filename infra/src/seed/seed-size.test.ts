import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { parseSeedArgs } from "./seed-size";

test("seed arguments scale the data set and refuse nonsense", () => {
  assert.equal(parseSeedArgs(["--citizens", "1000000"]).citizens, 1_000_000);
  assert.throws(() => parseSeedArgs(["--citizens", "-5"]), /usage/);
  assert.throws(() => parseSeedArgs(["--people", "5"]), /usage/);
});

test("--visits and --cases add outpatient visits and service-hall cases; none by default", () => {
  const size = parseSeedArgs(["--citizens", "1000000", "--visits", "10000000", "--cases", "10000000"]);
  assert.deepEqual([size.citizens, size.extraVisits, size.extraCases], [1_000_000, 10_000_000, 10_000_000]);
  assert.deepEqual([parseSeedArgs([]).extraVisits, parseSeedArgs([]).extraCases], [0, 0]);
  assert.throws(() => parseSeedArgs(["--cases", "many"]), /--cases N/);
});
