import type { LocalizedText } from "@onewindow/contracts/i18n";
import { LABOR_GROUNDS } from "../messages";
import { GenderRequirementGround } from "./job-posting.enums";

/** What a gender-requirement ground is and which requirement it can justify. */
export interface GenderRequirementGroundRule {
  /** The listed work, as the regulation words it (from the catalogue). */
  name: LocalizedText;
  /** The only requirement the ground justifies: these are all work forbidden to women. */
  justifies: "MALE";
  source: string;
}

const APPENDIX = "《女职工劳动保护特别规定》（国务院令第619号）附录《女职工禁忌从事的劳动范围》第一项";

/**
 * 就业促进法 第二十七条 and 妇女权益保障法 (2022) 第四十三条 forbid an employer to restrict a job to
 * one gender or to refuse women, except for work the state lists as unsuitable for women; that list
 * is the regulation's appendix. Only these items name work forbidden to every woman employee (the
 * other items cover menstruation, pregnancy and nursing, which are about a person at a time, not
 * about a job). A new national list changes this file, the enum and their README row.
 */
export const GENDER_REQUIREMENT_GROUNDS: Readonly<Record<GenderRequirementGround, GenderRequirementGroundRule>> = {
  [GenderRequirementGround.MINING_UNDERGROUND]: {
    name: LABOR_GROUNDS.miningUnderground,
    justifies: "MALE",
    source: `${APPENDIX}（一）`,
  },
  [GenderRequirementGround.PHYSICAL_LABOR_INTENSITY_LEVEL_4]: {
    name: LABOR_GROUNDS.physicalLaborIntensityLevel4,
    justifies: "MALE",
    source: `${APPENDIX}（二）；GB 3869《体力劳动强度分级》`,
  },
  [GenderRequirementGround.HEAVY_LOAD_BEARING]: {
    name: LABOR_GROUNDS.heavyLoadBearing,
    justifies: "MALE",
    source: `${APPENDIX}（三）`,
  },
};
