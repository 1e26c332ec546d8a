import { expect, test } from "@jest/globals";
import { rankCentres } from "./assessment.service";

test("centres are placed by total, equal totals sharing a place, centres without one last and unplaced", () => {
  const row = (centre: string, total: number | null) => ({
    centre,
    name: centre,
    completed: total === null ? 0 : 1,
    total,
  });
  const ranked = rankCentres([row("D", null), row("A", 90), row("B", 95.5), row("C", 90), row("E", 80)]);
  expect(ranked.map((r) => [r.centre, r.rank])).toEqual([
    ["B", 1],
    ["A", 2],
    ["C", 2],
    ["E", 4],
    ["D", null],
  ]);
});
