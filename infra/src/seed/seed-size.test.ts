import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { parseSeedArgs } from "./seed-size";

test("seed arguments scale the data set and refuse nonsense", () => {
  assert.equal(parseSeedArgs(["--citizens", "1000000"]).citizens, 1_000_000);
  assert.throws(() => parseSeedArgs(["--citizens", "-5"]), /usage/);
  assert.throws(() => parseSeedArgs(["--people", "5"]), /usage/);
});
