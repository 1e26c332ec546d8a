import type { LocalizedText } from "@onewindow/contracts/i18n";
import { LABOR_GROUNDS } from "../messages";
import { EarlyRetirementGround } from "./retirement-age.enums";

/** The parameters of one of the decision's tables (a row of `retirement_age_rule`). */
export interface RetirementAgeParameters {
  /** The age before the reform, whole years (60, 55, 50): also the floor of flexible early retirement. */
  originalAgeYears: number;
  /** The first birth month (YYYY-MM) whose retirement age is raised. */
  startBirthMonth: string;
  /** Every this many birth months, the retirement age rises by one month. */
  stepBirthMonths: number;
  /** The age at which the rise stops, whole years (63, 58, 55). */
  targetAgeYears: number;
  /** Flexible early retirement: at most this many months before the statutory date. */
  maxEarlyMonths: number;
  /** Flexible delay, agreed with the employer: at most this many months after the statutory date. */
  maxDelayMonths: number;
}

/** A seeded row of `retirement_age_rule`. */
export interface RetirementAgeRuleRow extends RetirementAgeParameters {
  code: string;
  gender: "MALE" | "FEMALE";
  /** Null: the row applies to every category (men). */
  category: "WORKER" | "CADRE" | null;
  source: string;
}

const DECISION =
  "《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》（2024年9月13日）所附《国务院关于渐进式延迟法定退休年龄的办法》第一条（自2025年1月1日起逐步延迟）、第三条（弹性提前退休最长三年且不低于原法定退休年龄，弹性延迟退休最长三年）";

/**
 * The statutory retirement ages as the decision of 2024-09-13 sets them, seeded by the migration;
 * changed afterwards only through `updateRetirementAgeRule` (audited), because the State Council
 * may adjust them by notice ("国家另有规定的，从其规定").
 */
export const RETIREMENT_AGE_RULES: readonly RetirementAgeRuleRow[] = [
  {
    code: "MALE",
    gender: "MALE",
    category: null,
    originalAgeYears: 60,
    startBirthMonth: "1965-01",
    stepBirthMonths: 4,
    targetAgeYears: 63,
    maxEarlyMonths: 36,
    maxDelayMonths: 36,
    source: `${DECISION}；附件1《男职工延迟法定退休年龄对照表》`,
  },
  {
    code: "FEMALE_CADRE",
    gender: "FEMALE",
    category: "CADRE",
    originalAgeYears: 55,
    startBirthMonth: "1970-01",
    stepBirthMonths: 4,
    targetAgeYears: 58,
    maxEarlyMonths: 36,
    maxDelayMonths: 36,
    source: `${DECISION}；附件2《原法定退休年龄五十五周岁的女职工延迟法定退休年龄对照表》`,
  },
  {
    code: "FEMALE_WORKER",
    gender: "FEMALE",
    category: "WORKER",
    originalAgeYears: 50,
    startBirthMonth: "1975-01",
    stepBirthMonths: 2,
    targetAgeYears: 55,
    maxEarlyMonths: 36,
    maxDelayMonths: 36,
    source: `${DECISION}；附件3《原法定退休年龄五十周岁的女职工延迟法定退休年龄对照表》`,
  },
];

/** What one early-retirement ground demands. */
export interface EarlyRetirementGroundRule {
  /** Its name, as a clerk reads it in a message (from the catalogue). */
  name: LocalizedText;
  /** The youngest lawful age on the retirement day, whole years, by gender; null: no minimum. */
  minAgeYears: { MALE: number | null; FEMALE: number | null };
  /** What the clerk must record as `groundReference` (the approval or appraisal document). */
  evidence: LocalizedText;
  source: string;
}

/**
 * Early retirement before the flexible date is lawful only on these grounds, which the decision
 * keeps ("国家另有规定的，从其规定", 办法 第一条、第三条). 劳部发〔1999〕8号 (《关于制止和纠正违反国家
 * 规定办理企业职工提前退休有关问题的通知》) restates them and forbids early retirement on any other.
 * A national notice that changes them changes this file and its README row.
 */
export const EARLY_RETIREMENT_GROUNDS: Readonly<Record<EarlyRetirementGround, EarlyRetirementGroundRule>> = {
  [EarlyRetirementGround.SPECIAL_TYPE_WORK]: {
    name: LABOR_GROUNDS.specialTypeWork,
    minAgeYears: { MALE: 55, FEMALE: 45 },
    evidence: LABOR_GROUNDS.specialTypeWorkEvidence,
    source:
      "国发〔1978〕104号《国务院关于工人退休、退职的暂行办法》第一条第（二）项；劳部发〔1999〕8号第一条；《国务院关于渐进式延迟法定退休年龄的办法》第一条",
  },
  [EarlyRetirementGround.ILLNESS_COMPLETE_DISABILITY]: {
    name: LABOR_GROUNDS.illnessCompleteDisability,
    minAgeYears: { MALE: 50, FEMALE: 45 },
    evidence: LABOR_GROUNDS.illnessCompleteDisabilityEvidence,
    source:
      "国发〔1978〕104号《国务院关于工人退休、退职的暂行办法》第一条第（三）项；劳部发〔1999〕8号第一条；《国务院关于渐进式延迟法定退休年龄的办法》第一条",
  },
};
