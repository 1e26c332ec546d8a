import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { fenToYuan, yuanToFen } from "./money";
import { ageOn, addDays, isValidDate, parsePastDate } from "./dates";

test("yuan to fen keeps exact cents and refuses bad amounts", () => {
  assert.equal(yuanToFen(106.52, "x"), 10652);
  assert.equal(yuanToFen(0.1 + 0.2, "x"), 30);
  assert.equal(fenToYuan("448353"), 4483.53);
  for (const bad of [-0.01, 1.234, Number.NaN, 1e14]) {
    assert.throws(
      () => yuanToFen(bad, "totalCost"),
      (err: any) => err.extensions.code === "BAD_USER_INPUT" && err.extensions.field === "totalCost",
    );
  }
});

test("dates: existence, ages, arithmetic, no future", () => {
  assert.equal(isValidDate("2024-02-29"), true);
  assert.equal(isValidDate("2023-02-29"), false);
  assert.equal(ageOn("1980-06-15", "2020-06-14"), 39);
  assert.equal(ageOn("1980-06-15", "2020-06-15"), 40);
  assert.equal(addDays("2024-12-31", 1), "2025-01-01");
  assert.throws(() => parsePastDate("2999-01-01", "visitDate"), /in the future/);
});
