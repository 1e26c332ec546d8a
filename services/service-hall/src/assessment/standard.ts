import { BadUserInputError, isValidDate, requiredText } from "@onewindow/platform";
import { AssessmentKind } from "./assessment.enums";
import { HALL_ASSESSMENT } from "./assessment.messages";

/*
 * The window standard (窗口服务标准) as data, and the arithmetic of scoring against it. Pure
 * functions: the service stores and reads, these check and count.
 */

/**
 * The shape of Hangzhou's window standard as the source texts give it: 4 categories, 17 targets,
 * 38 points (4 大类 17 项 38 个测评点). A version of another shape is refused on loading; an
 * official text that changes the shape changes these numbers with its citation.
 */
export const STANDARD_SHAPE = { categories: 4, targets: 17, points: 38 } as const;

/** The categories' weights add up to this: a completed assessment's total is out of 100. */
export const STANDARD_TOTAL_WEIGHT = 100;

export interface StandardPointData {
  code: string;
  text: string;
  /** The point's full marks. */
  weight: number;
  /** The minimum acceptable score: a score below it opens a rectification item. */
  bar: number;
}

export interface StandardTargetData {
  code: string;
  text: string;
  weight: number;
  points: StandardPointData[];
}

export interface StandardCategoryData {
  code: string;
  name: string;
  weight: number;
  targets: StandardTargetData[];
}

export interface StandardData {
  version: string;
  title: string;
  /** True while the wording is the project's own drafting, to be replaced by the official text. */
  draft: boolean;
  /** Where the wording comes from. */
  sourceNote: string;
  categories: StandardCategoryData[];
}

const VERSION_SHAPE = /^[A-Za-z0-9._-]{1,40}$/;
const CODE_SHAPE = /^[A-Z0-9_-]{1,10}$/;

/** A score or a bar: 0..weight in steps of half a point (扣 0.5 分 is the finest deduction). */
export function isHalfPointIn(value: number, max: number): boolean {
  return typeof value === "number" && Number.isInteger(value * 2) && value >= 0 && value <= max;
}

function checkWeight(weight: number, field: string): number {
  if (!Number.isInteger(weight) || weight <= 0)
    throw new BadUserInputError(HALL_ASSESSMENT.weightNotPositive.with({ weight: String(weight) }), field);
  return weight;
}

function checkSum(code: string, weight: number, parts: readonly { weight: number }[], field: string): void {
  const sum = parts.reduce((s, p) => s + p.weight, 0);
  if (sum !== weight) throw new BadUserInputError(HALL_ASSESSMENT.weightNotSum.with({ code, weight, sum }), field);
}

/**
 * Checks a standard version as an administrator loads it and returns it trimmed: its shape
 * ({@link STANDARD_SHAPE}), codes unique across the version, each weight a positive whole number,
 * the categories' weights adding up to 100, each category's and target's weight the sum of what
 * lies under it, each bar between 0 and the point's weight. BAD_USER_INPUT on the first fault.
 */
export function validateStandard(input: StandardData): StandardData {
  const version = requiredText(input.version, "version", 40);
  if (!VERSION_SHAPE.test(version))
    throw new BadUserInputError(HALL_ASSESSMENT.versionShape.with({ version }), "version");
  const categories = input.categories ?? [];
  const targets = categories.flatMap((c) => c.targets ?? []);
  const points = targets.flatMap((t) => t.points ?? []);
  if (
    categories.length !== STANDARD_SHAPE.categories ||
    targets.length !== STANDARD_SHAPE.targets ||
    points.length !== STANDARD_SHAPE.points
  )
    throw new BadUserInputError(
      HALL_ASSESSMENT.countMismatch.with({
        ...STANDARD_SHAPE,
        actualCategories: categories.length,
        actualTargets: targets.length,
        actualPoints: points.length,
      }),
      "categories",
    );
  const seen = new Set<string>();
  const code = (value: string, field: string): string => {
    const text = requiredText(value, field, 10);
    if (!CODE_SHAPE.test(text)) throw new BadUserInputError(HALL_ASSESSMENT.codeShape.with({ code: text }), field);
    if (seen.has(text)) throw new BadUserInputError(HALL_ASSESSMENT.codeRepeated.with({ code: text }), field);
    seen.add(text);
    return text;
  };
  const checked: StandardCategoryData[] = categories.map((c, ci) => {
    const cf = `categories[${ci}]`;
    const cCode = code(c.code, `${cf}.code`);
    if (!c.targets?.length)
      throw new BadUserInputError(HALL_ASSESSMENT.emptyGroup.with({ code: cCode }), `${cf}.targets`);
    const category: StandardCategoryData = {
      code: cCode,
      name: requiredText(c.name, `${cf}.name`, 100),
      weight: checkWeight(c.weight, `${cf}.weight`),
      targets: c.targets.map((t, ti) => {
        const tf = `${cf}.targets[${ti}]`;
        const tCode = code(t.code, `${tf}.code`);
        if (!t.points?.length)
          throw new BadUserInputError(HALL_ASSESSMENT.emptyGroup.with({ code: tCode }), `${tf}.points`);
        const target: StandardTargetData = {
          code: tCode,
          text: requiredText(t.text, `${tf}.text`, 200),
          weight: checkWeight(t.weight, `${tf}.weight`),
          points: t.points.map((p, pi) => {
            const pf = `${tf}.points[${pi}]`;
            const pCode = code(p.code, `${pf}.code`);
            const weight = checkWeight(p.weight, `${pf}.weight`);
            if (!isHalfPointIn(p.bar, weight))
              throw new BadUserInputError(
                HALL_ASSESSMENT.barOutOfRange.with({ code: pCode, weight, bar: String(p.bar) }),
                `${pf}.bar`,
              );
            return { code: pCode, text: requiredText(p.text, `${pf}.text`, 200), weight, bar: p.bar };
          }),
        };
        checkSum(tCode, target.weight, target.points, `${tf}.weight`);
        return target;
      }),
    };
    checkSum(cCode, category.weight, category.targets, `${cf}.weight`);
    return category;
  });
  const sum = checked.reduce((s, c) => s + c.weight, 0);
  if (sum !== STANDARD_TOTAL_WEIGHT)
    throw new BadUserInputError(HALL_ASSESSMENT.weightsNot100.with({ sum }), "categories");
  return {
    version,
    title: requiredText(input.title, "title", 100),
    draft: input.draft === true,
    sourceNote: requiredText(input.sourceNote, "sourceNote", 500),
    categories: checked,
  };
}

/** A category, target or point of a version as stored, one row each; `parent` is the code it lies under. */
export interface StandardItemRow {
  version: string;
  code: string;
  level: "CATEGORY" | "TARGET" | "POINT";
  parent: string | null;
  position: number;
  text: string;
  weight: number;
  bar: number | null;
}

/** The flat rows of a standard version, in order (the migration seeding the demo version writes the same). */
export function standardItemRows(s: StandardData): StandardItemRow[] {
  const rows: StandardItemRow[] = [];
  let position = 0;
  const row = (r: Omit<StandardItemRow, "version" | "position">) =>
    rows.push({ version: s.version, position: ++position, ...r });
  for (const c of s.categories) {
    row({ code: c.code, level: "CATEGORY", parent: null, text: c.name, weight: c.weight, bar: null });
    for (const t of c.targets) {
      row({ code: t.code, level: "TARGET", parent: c.code, text: t.text, weight: t.weight, bar: null });
      for (const p of t.points)
        row({ code: p.code, level: "POINT", parent: t.code, text: p.text, weight: p.weight, bar: p.bar });
    }
  }
  return rows;
}

/** Every point of a standard with its category, in the standard's order. */
export function pointsOf(standard: StandardData): (StandardPointData & { category: string; target: string })[] {
  return standard.categories.flatMap((c) =>
    c.targets.flatMap((t) => t.points.map((p) => ({ ...p, category: c.code, target: t.code }))),
  );
}

/** One category's score in an assessment. */
export interface CategoryScore {
  code: string;
  name: string;
  weight: number;
  /** Sum of the scores of its points scored so far. */
  score: number;
  /** Sum of the weights of the points scored so far (the weight once all are scored). */
  scoredWeight: number;
  /** score / scoredWeight, 0..1; null before any point is scored. */
  rate: number | null;
}

/** An assessment's scores by category and in total: the total is the sum of the points' scores, out of 100. */
export interface AssessmentScores {
  categories: CategoryScore[];
  total: number;
  scoredPoints: number;
  /** Points scored below their bar. */
  belowBar: number;
}

/** Scores an assessment: `scores` maps a point's code to its score. Unscored points count for nothing yet. */
export function scoreAssessment(standard: StandardData, scores: ReadonlyMap<string, number>): AssessmentScores {
  let scoredPoints = 0;
  let belowBar = 0;
  const categories = standard.categories.map((c): CategoryScore => {
    let score = 0;
    let scoredWeight = 0;
    for (const p of c.targets.flatMap((t) => t.points)) {
      const s = scores.get(p.code);
      if (s === undefined) continue;
      score += s;
      scoredWeight += p.weight;
      scoredPoints += 1;
      if (s < p.bar) belowBar += 1;
    }
    return { code: c.code, name: c.name, weight: c.weight, score, scoredWeight, rate: ratio(score, scoredWeight) };
  });
  return { categories, total: categories.reduce((s, c) => s + c.score, 0), scoredPoints, belowBar };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** Rounds to two decimals (a mean of scores in half points). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** One category of a report: the mean of the completed assessments' scores. */
export interface CategoryMean {
  code: string;
  name: string;
  weight: number;
  /** Mean score over the assessments, out of the weight; null without assessments. */
  score: number | null;
  rate: number | null;
}

/**
 * Combines completed assessments into a report: each category's mean score, and the mean total.
 * Categories are matched by code; names and weights are the last assessment's (the newest version).
 */
export function meanScores(list: readonly AssessmentScores[]): { categories: CategoryMean[]; total: number | null } {
  if (list.length === 0) return { categories: [], total: null };
  const byCode = new Map<string, { c: CategoryScore; sum: number; weightSum: number; n: number }>();
  for (const a of list)
    for (const c of a.categories) {
      const seen = byCode.get(c.code);
      if (seen)
        Object.assign(seen, { c, sum: seen.sum + c.score, weightSum: seen.weightSum + c.scoredWeight, n: seen.n + 1 });
      else byCode.set(c.code, { c, sum: c.score, weightSum: c.scoredWeight, n: 1 });
    }
  const categories = [...byCode.values()].map(({ c, sum, weightSum, n }) => ({
    code: c.code,
    name: c.name,
    weight: c.weight,
    score: round2(sum / n),
    rate: ratio(sum, weightSum),
  }));
  return { categories, total: round2(list.reduce((s, a) => s + a.total, 0) / list.length) };
}

/** A period of assessment, as written and as the days it covers. */
export interface AssessmentPeriod {
  period: string;
  from: string;
  to: string;
  unit: "DAY" | "MONTH" | "QUARTER" | "YEAR";
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A period written as a day (2026-05-12), a month (2026-05), a quarter (2026-Q2) or a year (2026); null otherwise. */
export function readPeriod(text: string): AssessmentPeriod | null {
  const period = (text ?? "").trim().toUpperCase();
  if (/^\d{4}-\d{2}-\d{2}$/.test(period))
    return isValidDate(period) ? { period, from: period, to: period, unit: "DAY" } : null;
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    return { period, from: `${period}-01`, to: `${period}-${pad(lastDay(y, mo))}`, unit: "MONTH" };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    const first = (q - 1) * 3 + 1;
    return {
      period,
      from: `${y}-${pad(first)}-01`,
      to: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}`,
      unit: "QUARTER",
    };
  }
  if (/^\d{4}$/.test(period)) return { period, from: `${period}-01-01`, to: `${period}-12-31`, unit: "YEAR" };
  return null;
}

/** The shapes of period each kind takes: a patrol is daily, a bulletin monthly, and so on. */
const PERIOD_UNITS: Record<AssessmentKind, readonly AssessmentPeriod["unit"][]> = {
  [AssessmentKind.SELF]: ["MONTH", "QUARTER", "YEAR"],
  [AssessmentKind.LEADER]: ["MONTH", "QUARTER", "YEAR"],
  [AssessmentKind.PEER]: ["MONTH", "QUARTER", "YEAR"],
  [AssessmentKind.PATROL]: ["DAY"],
  [AssessmentKind.MONTHLY]: ["MONTH"],
  [AssessmentKind.QUARTERLY]: ["QUARTER"],
  [AssessmentKind.ANNUAL]: ["YEAR"],
};

/** The period of an assessment of `kind` (any shape when kind is null, as a report takes it); BAD_USER_INPUT otherwise. */
export function parsePeriod(text: string, kind: AssessmentKind | null, field = "period"): AssessmentPeriod {
  const parsed = readPeriod(text);
  const units = kind ? PERIOD_UNITS[kind] : null;
  if (parsed && (!units || units.includes(parsed.unit))) return parsed;
  const expected = !units
    ? HALL_ASSESSMENT.periodAny
    : units.length > 1
      ? HALL_ASSESSMENT.periodMonthQuarterYear
      : {
          DAY: HALL_ASSESSMENT.periodDay,
          MONTH: HALL_ASSESSMENT.periodMonth,
          QUARTER: HALL_ASSESSMENT.periodQuarter,
          YEAR: HALL_ASSESSMENT.periodYear,
        }[units[0]];
  throw new BadUserInputError(
    HALL_ASSESSMENT.periodShape.with({ period: String(text), expected: { zh: expected.zh, en: expected.en } }),
    field,
  );
}
