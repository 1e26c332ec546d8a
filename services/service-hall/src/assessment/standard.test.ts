import { describe, expect, test } from "@jest/globals";
import { BadUserInputError } from "@onewindow/platform";
import { AssessmentKind } from "./assessment.enums";
import {
  meanScores,
  parsePeriod,
  pointsOf,
  scoreAssessment,
  STANDARD_SHAPE,
  validateStandard,
  type StandardData,
} from "./standard";
import { DRAFT_STANDARD } from "./standard.draft";

const copy = (): StandardData => structuredClone(DRAFT_STANDARD);

function refused(change: (s: StandardData) => void, field: string, message: RegExp): void {
  const s = copy();
  change(s);
  let error: unknown;
  try {
    validateStandard(s);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(BadUserInputError);
  const e = error as BadUserInputError;
  expect(e.extensions.field).toBe(field);
  expect(e.message).toMatch(message);
}

describe("the window standard's validation", () => {
  test("the demo version passes: 4 categories, 17 targets, 38 points, weights adding up to 100, marked as a draft", () => {
    const s = validateStandard(copy());
    expect(s.categories).toHaveLength(STANDARD_SHAPE.categories);
    expect(s.categories.flatMap((c) => c.targets)).toHaveLength(STANDARD_SHAPE.targets);
    expect(pointsOf(s)).toHaveLength(STANDARD_SHAPE.points);
    expect(pointsOf(s).reduce((sum, p) => sum + p.weight, 0)).toBe(100);
    expect(s.draft).toBe(true);
    expect(s.sourceNote).toMatch(/自行拟定/);
  });

  test("a version of another shape is refused, with the counts", () => {
    refused((s) => s.categories[0].targets[0].points.pop(), "categories", /38 points, not 4, 17 and 37/);
    refused((s) => s.categories.pop(), "categories", /not 3, /);
  });

  test("codes must be unique across the version, whatever their level", () => {
    refused(
      (s) => (s.categories[1].targets[0].points[0].code = "P01"),
      "categories[1].targets[0].points[0].code",
      /P01 appears more than once/,
    );
    refused((s) => (s.categories[1].code = "T01"), "categories[1].code", /T01 appears more than once/);
    refused((s) => (s.categories[0].code = "c1"), "categories[0].code", /capital letters/);
  });

  test("weights: the categories add up to 100, each level is the sum of what lies under it", () => {
    // Moving two marks from one category to another keeps the sum but breaks its targets' sum.
    refused(
      (s) => ((s.categories[0].weight = 22), (s.categories[1].weight = 28)),
      "categories[0].weight",
      /C1 weighs 22 but its entries add up to 20/,
    );
    refused(
      (s) => (s.categories[0].targets[0].weight = 6),
      "categories[0].targets[0].weight",
      /T01 weighs 6 but its entries add up to 5/,
    );
    refused(
      (s) => {
        // Consistent all the way down, but the whole is 101.
        const p = s.categories[0].targets[0].points[0];
        p.weight = 4;
        s.categories[0].targets[0].weight = 6;
        s.categories[0].weight = 21;
      },
      "categories",
      /add up to 101, not 100/,
    );
    refused(
      (s) => (s.categories[0].targets[0].points[0].weight = 2.5),
      "categories[0].targets[0].points[0].weight",
      /positive whole number/,
    );
  });

  test("a bar lies between 0 and the point's weight, in half points", () => {
    refused(
      (s) => (s.categories[0].targets[0].points[0].bar = 4),
      "categories[0].targets[0].points[0].bar",
      /between 0 and 3/,
    );
    refused(
      (s) => (s.categories[0].targets[0].points[0].bar = 1.25),
      "categories[0].targets[0].points[0].bar",
      /steps of 0.5/,
    );
    expect(() => validateStandard({ ...copy(), version: "2026 正式" })).toThrow(/version/);
  });

  test("the refusal speaks Chinese too", () => {
    try {
      validateStandard({ ...copy(), categories: copy().categories.slice(1) });
      throw new Error("not refused");
    } catch (e) {
      expect((e as BadUserInputError).extensions.localizedMessage).toBe(
        "窗口标准应为 4 类 17 项 38 个测评点，现为 3 类 13 项 30 个测评点",
      );
    }
  });
});

describe("scoring arithmetic", () => {
  const s = validateStandard(copy());
  const full = new Map(pointsOf(s).map((p) => [p.code, p.weight]));

  test("full marks everywhere total 100, each category its weight", () => {
    const r = scoreAssessment(s, full);
    expect(r.total).toBe(100);
    expect(r.scoredPoints).toBe(38);
    expect(r.belowBar).toBe(0);
    expect(r.categories.map((c) => [c.code, c.score, c.rate])).toEqual([
      ["C1", 20, 1],
      ["C2", 30, 1],
      ["C3", 25, 1],
      ["C4", 25, 1],
    ]);
  });

  test("deductions in half points subtract, a score under its bar is counted, unscored points count for nothing yet", () => {
    const scores = new Map(full);
    scores.set("P01", 1); // bar 2: below
    scores.set("P09", 2.5); // bar 2: fine
    scores.set("P23", 3.5); // bar 4: below (integrity is all or nothing)
    scores.delete("P38");
    const r = scoreAssessment(s, scores);
    expect(r.total).toBe(100 - 2 - 0.5 - 0.5 - 2);
    expect(r.belowBar).toBe(2);
    expect(r.scoredPoints).toBe(37);
    const c4 = r.categories.find((c) => c.code === "C4")!;
    expect([c4.score, c4.scoredWeight, c4.rate]).toEqual([23, 23, 1]);
    const c1 = r.categories.find((c) => c.code === "C1")!;
    expect([c1.score, c1.rate]).toEqual([18, 0.9]);
  });

  test("a report takes the mean of its assessments, by category and in total", () => {
    const a = scoreAssessment(s, full);
    const b = scoreAssessment(s, new Map([...full].map(([code, w]) => [code, code === "P01" ? 0 : w])));
    const m = meanScores([a, b]);
    expect(m.total).toBe(98.5);
    expect(m.categories[0]).toEqual({ code: "C1", name: s.categories[0].name, weight: 20, score: 18.5, rate: 0.925 });
    expect(meanScores([])).toEqual({ categories: [], total: null });
  });
});

describe("periods", () => {
  test("each kind its shape of period, as days", () => {
    expect(parsePeriod("2026-05-12", AssessmentKind.PATROL)).toEqual({
      period: "2026-05-12",
      from: "2026-05-12",
      to: "2026-05-12",
      unit: "DAY",
    });
    expect(parsePeriod("2024-02", AssessmentKind.MONTHLY)).toMatchObject({ from: "2024-02-01", to: "2024-02-29" });
    expect(parsePeriod("2026-q4", AssessmentKind.QUARTERLY)).toMatchObject({
      period: "2026-Q4",
      from: "2026-10-01",
      to: "2026-12-31",
    });
    expect(parsePeriod("2026", AssessmentKind.ANNUAL)).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
    expect(parsePeriod("2026-Q2", AssessmentKind.SELF).unit).toBe("QUARTER");
    expect(parsePeriod("2026-05-12", null).unit).toBe("DAY");
  });

  test("a period of the wrong shape for its kind, or no period at all, is refused", () => {
    expect(() => parsePeriod("2026-05", AssessmentKind.PATROL)).toThrow(/must be written a day/);
    expect(() => parsePeriod("2026-05-12", AssessmentKind.SELF)).toThrow(/a month, quarter or year/);
    expect(() => parsePeriod("2026-13", null)).toThrow(/a day, month, quarter or year/);
    expect(() => parsePeriod("2026-02-30", AssessmentKind.PATROL)).toThrow(BadUserInputError);
  });
});
