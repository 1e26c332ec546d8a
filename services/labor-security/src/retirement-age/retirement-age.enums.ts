import { registerEnumType } from "type-graphql";

/**
 * Which of the decision's tables a woman's retirement age follows. The 1978 rules (国发〔1978〕104号
 * 《国务院关于工人退休、退职的暂行办法》 and 《国务院关于安置老弱病残干部的暂行办法》) set 50 for women
 * workers and 55 for women cadres; the 2024 decision raises each from there. Men have one table.
 */
export enum RetirementCategory {
  WORKER = "WORKER",
  CADRE = "CADRE",
}
registerEnumType(RetirementCategory, {
  name: "RetirementCategory",
  description: "Post category that decides a woman's original statutory retirement age (工人 50, 干部 55).",
  valuesConfig: {
    WORKER: { description: "Worker (工人): women's original statutory retirement age 50; the default for women." },
    CADRE: { description: "Cadre or managerial/technical post (干部、管理技术岗位): women's original age 55." },
  },
});

/**
 * Lawful grounds for retiring before the flexible early date. The list and each ground's
 * minimum ages are in `retirement-age.data.ts` (EARLY_RETIREMENT_GROUNDS), with their sources.
 */
export enum EarlyRetirementGround {
  SPECIAL_TYPE_WORK = "SPECIAL_TYPE_WORK",
  ILLNESS_COMPLETE_DISABILITY = "ILLNESS_COMPLETE_DISABILITY",
}
registerEnumType(EarlyRetirementGround, {
  name: "EarlyRetirementGround",
  description: "A lawful ground for retirement before the flexible early-retirement date (国家另有规定).",
  valuesConfig: {
    SPECIAL_TYPE_WORK: {
      description:
        "特殊工种: underground, high-altitude, high-temperature, especially heavy or otherwise harmful work for the required years (国发〔1978〕104号 第一条第(二)项; 劳部发〔1999〕8号): men from 55, women from 45.",
    },
    ILLNESS_COMPLETE_DISABILITY: {
      description:
        "完全丧失劳动能力: illness or non-work injury, confirmed by a labor capacity appraisal (劳动能力鉴定) (国发〔1978〕104号 第一条第(三)项; 劳部发〔1999〕8号): men from 50, women from 45.",
    },
  },
});
