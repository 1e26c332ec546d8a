import { defineMessages } from "@onewindow/contracts/i18n";

/**
 * What the window-standard assessment tells a person: a standard version refused on loading, a
 * period or score out of shape, an assessment in the wrong state, and the ledger item a point
 * scored below its bar opens (stored as written, in Chinese).
 */
export const HALL_ASSESSMENT = defineMessages("hall.assessment", {
  versionShape: {
    zh: "版本号“{version}”只能由字母、数字、点、下划线和连字符组成",
    en: 'version "{version}" may hold only letters, digits, dots, underscores and hyphens',
  },
  versionExists: {
    zh: "标准版本 {version} 已经载入，不能重复载入",
    en: "standard version {version} is loaded already",
  },
  countMismatch: {
    zh: "窗口标准应为 {categories} 类 {targets} 项 {points} 个测评点，现为 {actualCategories} 类 {actualTargets} 项 {actualPoints} 个测评点",
    en: "the window standard has {categories} categories, {targets} targets and {points} points, not {actualCategories}, {actualTargets} and {actualPoints}",
  },
  emptyGroup: { zh: "{code} 下至少应有一项", en: "{code} needs at least one entry" },
  codeShape: {
    zh: "编码“{code}”只能由大写字母、数字、下划线和连字符组成",
    en: 'code "{code}" may hold only capital letters, digits, underscores and hyphens',
  },
  codeRepeated: { zh: "编码 {code} 重复出现", en: "code {code} appears more than once" },
  weightNotPositive: {
    zh: "权重应为正整数，现为 {weight}",
    en: "weight must be a positive whole number, not {weight}",
  },
  weightsNot100: { zh: "各类权重之和应为 100，现为 {sum}", en: "the categories' weights add up to {sum}, not 100" },
  weightNotSum: {
    zh: "{code} 的权重为 {weight}，但其下各项权重之和为 {sum}",
    en: "{code} weighs {weight} but its entries add up to {sum}",
  },
  barOutOfRange: {
    zh: "{code} 的合格线应在 0 到 {weight} 分之间（以 0.5 分为单位），现为 {bar}",
    en: "the bar of {code} must lie between 0 and {weight} in steps of 0.5, not {bar}",
  },
  noStandard: { zh: "尚未载入窗口标准，不能开展测评", en: "no window standard is loaded" },
  unknownVersion: { zh: "没有版本为 {version} 的窗口标准", en: "no standard version {version}" },
  unknownKind: { zh: "未知的测评类型：{kind}", en: "unknown assessment kind {kind}" },
  periodShape: {
    zh: "测评期间“{period}”应写作 {expected}",
    en: 'period "{period}" must be written {expected}',
  },
  periodDay: { zh: "某日（如 2026-05-12）", en: "a day (e.g. 2026-05-12)" },
  periodMonth: { zh: "某月（如 2026-05）", en: "a month (e.g. 2026-05)" },
  periodQuarter: { zh: "某季度（如 2026-Q2）", en: "a quarter (e.g. 2026-Q2)" },
  periodYear: { zh: "某年（如 2026）", en: "a year (e.g. 2026)" },
  periodAny: {
    zh: "某日、某月、某季度或某年（如 2026-05-12、2026-05、2026-Q2、2026）",
    en: "a day, month, quarter or year (e.g. 2026-05-12, 2026-05, 2026-Q2, 2026)",
  },
  periodMonthQuarterYear: {
    zh: "某月、某季度或某年（如 2026-05、2026-Q2、2026）",
    en: "a month, quarter or year (e.g. 2026-05, 2026-Q2, 2026)",
  },
  periodNotStarted: {
    zh: "测评期间 {period} 自 {from} 开始，尚未开始",
    en: "period {period} begins on {from}, which is in the future",
  },
  duplicateAssessment: {
    zh: "{centre} 在 {period} 的{kind}已由同一测评人开展（测评编号 {id}）",
    en: "the same assessor already opened the {kind} of {centre} for {period} (assessment {id})",
  },
  notAnAssessmentNumber: { zh: "“{value}”不是测评编号", en: '"{value}" is not an assessment number' },
  noAssessment: { zh: "没有编号为 {id} 的测评", en: "no assessment {id}" },
  assessmentCompleted: {
    zh: "测评 {id} 已于 {completedOn} 完成，不能再修改",
    en: "assessment {id} was completed on {completedOn} already",
  },
  unknownPoint: {
    zh: "标准版本 {version} 中没有编码为 {point} 的测评点",
    en: "standard version {version} has no point {point}",
  },
  scoreOutOfRange: {
    zh: "测评点 {point} 的得分应在 0 到 {weight} 分之间（以 0.5 分为单位），现为 {score}",
    en: "the score of point {point} must lie between 0 and {weight} in steps of 0.5, not {score}",
  },
  pointsUnscored: {
    zh: "尚有 {count} 个测评点未评分（如 {points}），全部评分后才能完成测评",
    en: "{count} points are not scored yet (such as {points}); score every point first",
  },
  // The ledger item a point scored below its bar opens: stored as written, in Chinese.
  belowBar: {
    zh: "窗口标准测评（{centre}，{period}，{kind}，测评编号{id}）：{point}“{text}”得 {score} 分，低于合格线 {bar} 分，待整改",
    en: 'window standard assessment ({centre}, {period}, {kind}, assessment {id}): {point} "{text}" scored {score}, below its bar of {bar}, to be rectified',
  },
});

/** The kinds of assessment, named in the texts above (`{kind}`). */
export const HALL_ASSESSMENT_KIND = defineMessages("hall.assessment.kind", {
  SELF: { zh: "自评", en: "self review" },
  LEADER: { zh: "领导评", en: "leader review" },
  PEER: { zh: "互评", en: "peer review" },
  PATROL: { zh: "日巡查", en: "daily patrol" },
  MONTHLY: { zh: "月通报测评", en: "monthly assessment" },
  QUARTERLY: { zh: "季度评比", en: "quarterly comparison" },
  ANNUAL: { zh: "年度考核", en: "annual assessment" },
});

/** The acts refused by role, in the words of the refusal ("…不能{act}"). */
export const HALL_ASSESSMENT_ACT = defineMessages("hall.assessment.act", {
  actOnKind: { zh: "开展或评分{kind}", en: "open or score a {kind}" },
  otherCentre: { zh: "对其他服务中心开展自评", en: "self-review another centre" },
});
