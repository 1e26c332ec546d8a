import { registerEnumType } from "type-graphql";
import { EducationLevel } from "../citizen/citizen.enums";
import type { LocalizedText } from "@onewindow/contracts/i18n";
import { LABOR_EDUCATION } from "../messages";

export enum Availability {
  IMMEDIATE = "IMMEDIATE",
  WITHIN_MONTH = "WITHIN_MONTH",
  LATER = "LATER",
  NOT_SEEKING = "NOT_SEEKING",
}
registerEnumType(Availability, {
  name: "Availability",
  description: "When the job seeker can start; NOT_SEEKING gets no matches.",
});

/**
 * Education levels in order, for "at least" requirements: vocational secondary school (中专/职高)
 * stands level with senior high school: both are 高中阶段教育, upper-secondary education, in the
 * national education system (教育部 教育统计 的学历层次).
 */
export const EDUCATION_RANK: Record<EducationLevel, number> = {
  [EducationLevel.PRIMARY]: 1,
  [EducationLevel.JUNIOR_HIGH]: 2,
  [EducationLevel.SENIOR_HIGH]: 3,
  [EducationLevel.VOCATIONAL]: 3,
  [EducationLevel.JUNIOR_COLLEGE]: 4,
  [EducationLevel.BACHELOR]: 5,
  [EducationLevel.POSTGRADUATE]: 6,
};

/** How a clerk names each level aloud (from the catalogue). */
export const EDUCATION_NAME: Record<EducationLevel, LocalizedText> = {
  [EducationLevel.PRIMARY]: LABOR_EDUCATION.primary,
  [EducationLevel.JUNIOR_HIGH]: LABOR_EDUCATION.juniorHigh,
  [EducationLevel.SENIOR_HIGH]: LABOR_EDUCATION.seniorHigh,
  [EducationLevel.VOCATIONAL]: LABOR_EDUCATION.vocational,
  [EducationLevel.JUNIOR_COLLEGE]: LABOR_EDUCATION.juniorCollege,
  [EducationLevel.BACHELOR]: LABOR_EDUCATION.bachelor,
  [EducationLevel.POSTGRADUATE]: LABOR_EDUCATION.postgraduate,
};

/** The levels that meet a requirement of at least `level` (what a person of `level` may apply to is the reverse). */
export function levelsAtMost(level: EducationLevel): EducationLevel[] {
  return (Object.keys(EDUCATION_RANK) as EducationLevel[]).filter((l) => EDUCATION_RANK[l] <= EDUCATION_RANK[level]);
}
