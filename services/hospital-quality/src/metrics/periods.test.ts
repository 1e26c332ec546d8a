import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { ComparisonBasis, PeriodComparison } from "./metrics.enums";
import { comparisonPeriod } from "./periods";

const { PREVIOUS_PERIOD: 环比, SAME_PERIOD_LAST_YEAR: 同比 } = PeriodComparison;
const compared = (from: string, to: string, c: PeriodComparison) => {
  const p = comparisonPeriod(from, to, c);
  return [p.from, p.to, p.basis];
};

test("a calendar year is compared with the calendar year before, 环比 and 同比 alike", () => {
  // 2012 is a leap year: "the same number of days before" would have given 2012-01-02..2012-12-31.
  assert.deepEqual(compared("2013-01-01", "2013-12-31", 环比), [
    "2012-01-01",
    "2012-12-31",
    ComparisonBasis.PREVIOUS_YEAR,
  ]);
  assert.deepEqual(compared("2013-01-01", "2013-12-31", 同比), [
    "2012-01-01",
    "2012-12-31",
    ComparisonBasis.PREVIOUS_YEAR,
  ]);
  assert.deepEqual(compared("2013-01-01", "2013-12-31", 环比), compared("2013-01-01", "2013-12-31", 同比));
});

test("a calendar month is compared with the whole month before (环比), leap years included", () => {
  assert.deepEqual(compared("2013-03-01", "2013-03-31", 环比), [
    "2013-02-01",
    "2013-02-28",
    ComparisonBasis.PREVIOUS_MONTH,
  ]);
  assert.deepEqual(compared("2024-03-01", "2024-03-31", 环比), [
    "2024-02-01",
    "2024-02-29",
    ComparisonBasis.PREVIOUS_MONTH,
  ]);
  assert.deepEqual(compared("2024-02-01", "2024-02-29", 环比), [
    "2024-01-01",
    "2024-01-31",
    ComparisonBasis.PREVIOUS_MONTH,
  ]);
  // January goes back into December of the year before.
  assert.deepEqual(compared("2010-01-01", "2010-01-31", 环比), [
    "2009-12-01",
    "2009-12-31",
    ComparisonBasis.PREVIOUS_MONTH,
  ]);
});

test("a calendar month or quarter 同比 is the same unit a year earlier; February follows the year's length", () => {
  assert.deepEqual(compared("2013-03-01", "2013-03-31", 同比), [
    "2012-03-01",
    "2012-03-31",
    ComparisonBasis.SAME_MONTH_LAST_YEAR,
  ]);
  assert.deepEqual(compared("2025-02-01", "2025-02-28", 同比), [
    "2024-02-01",
    "2024-02-29",
    ComparisonBasis.SAME_MONTH_LAST_YEAR,
  ]);
  assert.deepEqual(compared("2024-02-01", "2024-02-29", 同比), [
    "2023-02-01",
    "2023-02-28",
    ComparisonBasis.SAME_MONTH_LAST_YEAR,
  ]);
  assert.deepEqual(compared("2010-04-01", "2010-06-30", 同比), [
    "2009-04-01",
    "2009-06-30",
    ComparisonBasis.SAME_QUARTER_LAST_YEAR,
  ]);
});

test("a calendar quarter is compared with the quarter before (环比)", () => {
  assert.deepEqual(compared("2010-04-01", "2010-06-30", 环比), [
    "2010-01-01",
    "2010-03-31",
    ComparisonBasis.PREVIOUS_QUARTER,
  ]);
  assert.deepEqual(compared("2010-01-01", "2010-03-31", 环比), [
    "2009-10-01",
    "2009-12-31",
    ComparisonBasis.PREVIOUS_QUARTER,
  ]);
  // February to April is three whole months (89 days) but not a calendar quarter.
  assert.deepEqual(compared("2010-02-01", "2010-04-30", 环比), [
    "2009-11-04",
    "2010-01-31",
    ComparisonBasis.PREVIOUS_DAYS,
  ]);
});

test("other ranges keep the same number of days just before, or the same dates a year earlier", () => {
  assert.deepEqual(compared("2024-03-10", "2024-03-19", 环比), [
    "2024-02-29",
    "2024-03-09",
    ComparisonBasis.PREVIOUS_DAYS,
  ]);
  // A month's worth that does not start on the first.
  assert.deepEqual(compared("2024-03-02", "2024-04-01", 环比), [
    "2024-01-31",
    "2024-03-01",
    ComparisonBasis.PREVIOUS_DAYS,
  ]);
  // Two whole years are not one calendar year.
  assert.deepEqual(compared("2009-01-01", "2010-12-31", 环比), [
    "2007-01-02",
    "2008-12-31",
    ComparisonBasis.PREVIOUS_DAYS,
  ]);
  assert.deepEqual(compared("2024-03-10", "2024-03-19", 同比), [
    "2023-03-10",
    "2023-03-19",
    ComparisonBasis.SAME_DAYS_LAST_YEAR,
  ]);
  // 29 February has no twin a year earlier: it becomes 28 February.
  assert.deepEqual(compared("2024-02-10", "2024-02-29", 同比), [
    "2023-02-10",
    "2023-02-28",
    ComparisonBasis.SAME_DAYS_LAST_YEAR,
  ]);
  assert.deepEqual(compared("2024-02-29", "2024-02-29", 环比), [
    "2024-02-28",
    "2024-02-28",
    ComparisonBasis.PREVIOUS_DAYS,
  ]);
});
