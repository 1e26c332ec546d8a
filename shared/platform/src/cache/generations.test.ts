import { describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { addDays } from "../dates";
import { SeededRandom } from "@onewindow/contracts/demo";
import { dayGenerations, MAX_PERIOD_GENERATIONS, periodGenerations } from "./generations";

const S = "h:JD001";

describe("generations over dates", () => {
  test("a change on a day moves the scope, its year, its month and the day", () => {
    assert.deepEqual(dayGenerations(S, "2010-03-15"), [S, `${S}/2010`, `${S}/2010-03`, `${S}/2010-03-15`]);
    assert.deepEqual(dayGenerations(S, "2010-02-30"), [S], "a day that does not exist moves the whole scope");
  });

  test("a read depends on whole years, whole months and the days left over", () => {
    assert.deepEqual(periodGenerations(S, "2010-01-01", "2010-12-31"), [`${S}/2010`]);
    assert.deepEqual(periodGenerations(S, "2010-03-01", "2010-03-31"), [`${S}/2010-03`]);
    assert.deepEqual(periodGenerations(S, "2012-02-01", "2012-02-29"), [`${S}/2012-02`], "a leap February");
    assert.deepEqual(periodGenerations(S, "2009-12-01", "2011-01-31"), [`${S}/2010`, `${S}/2009-12`, `${S}/2011-01`]);
    assert.deepEqual(periodGenerations(S, "2010-03-30", "2010-04-02"), [
      `${S}/2010-03-30`,
      `${S}/2010-03-31`,
      `${S}/2010-04-01`,
      `${S}/2010-04-02`,
    ]);
    assert.deepEqual(
      periodGenerations(S, "2010-01-15", "2010-03-31"),
      [`${S}/2010-02`, `${S}/2010-03`, ...Array.from({ length: 17 }, (_, i) => `${S}/2010-01-${15 + i}`)],
      "the second half of January by its days",
    );
  });

  test("more keys than the limit: partial months by their month, then partial years by their year, then the scope", () => {
    // 26 + 16 days and a whole month: over 40 keys, so the cut months depend on their months.
    assert.deepEqual(periodGenerations(S, "2010-01-06", "2010-03-16"), [
      `${S}/2010-02`,
      `${S}/2010-01`,
      `${S}/2010-03`,
    ]);
    assert.deepEqual(periodGenerations(S, "2010-01-06", "2010-03-16", 2), [`${S}/2010`]);
    assert.equal(periodGenerations(S, "1990-01-01", "2019-12-31").length, 30, "thirty whole years");
    assert.deepEqual(periodGenerations(S, "1900-01-01", "1999-12-31"), [S], "a century: the scope");
    assert.deepEqual(periodGenerations(S, "2010-03-02", "2010-03-01"), [S], "reversed: the scope");
    assert.deepEqual(periodGenerations(S, "2010-02-30", "2010-03-01"), [S], "no such day: the scope");
  });

  test("every change inside a period moves one of its keys; changes in other years or months do not", () => {
    const random = new SeededRandom(7);
    for (let run = 0; run < 400; run++) {
      const from = addDays("2008-01-01", random.int(0, 1500));
      const to = addDays(from, random.int(0, run % 4 === 0 ? 1200 : 70));
      const keys = new Set(periodGenerations(S, from, to));
      assert.ok(keys.size <= MAX_PERIOD_GENERATIONS);
      for (let d = addDays(from, -40); d <= addDays(to, 40); d = addDays(d, random.int(1, 5))) {
        const moved = dayGenerations(S, d).some((g) => keys.has(g));
        if (d >= from && d <= to) assert.ok(moved, `a change on ${d} inside ${from}..${to} moves a key`);
        else if (moved) {
          const coarse = [S, `${S}/${d.slice(0, 4)}`, `${S}/${d.slice(0, 7)}`].some((g) => keys.has(g));
          assert.ok(coarse, `a change on ${d} outside ${from}..${to} moves only a coarser key`);
          const otherYear = d.slice(0, 4) < from.slice(0, 4) || d.slice(0, 4) > to.slice(0, 4);
          assert.ok(!otherYear || keys.has(S), `a change in another year than ${from}..${to}'s leaves it alone`);
        }
      }
    }
  });
});
