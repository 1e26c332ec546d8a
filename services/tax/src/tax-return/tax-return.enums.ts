import { registerEnumType } from "type-graphql";

/**
 * The special additional deductions (专项附加扣除, 个人所得税法 art. 6; 国发〔2018〕41号, 国发〔2022〕8号,
 * 国发〔2023〕13号) and the personal pension deducted at the reconciliation (财政部 税务总局公告2022年第34号).
 */
export enum AdditionalDeductionCategory {
  CHILD_EDUCATION = "CHILD_EDUCATION",
  INFANT_CARE = "INFANT_CARE",
  CONTINUING_EDUCATION = "CONTINUING_EDUCATION",
  SERIOUS_ILLNESS = "SERIOUS_ILLNESS",
  HOUSING_LOAN_INTEREST = "HOUSING_LOAN_INTEREST",
  HOUSING_RENT = "HOUSING_RENT",
  ELDERLY_SUPPORT = "ELDERLY_SUPPORT",
  PERSONAL_PENSION = "PERSONAL_PENSION",
}

/** The three rent levels of 国发〔2018〕41号 (住房租金). */
export enum RentCityTier {
  TIER_1 = "TIER_1",
  TIER_2 = "TIER_2",
  TIER_3 = "TIER_3",
}

/** Degree study (学历/学位, per month) or a vocational certificate (职业资格, once in its year). */
export enum ContinuingEducationKind {
  DEGREE = "DEGREE",
  CERTIFICATE = "CERTIFICATE",
}

registerEnumType(AdditionalDeductionCategory, {
  name: "AdditionalDeductionCategory",
  description: "A special additional deduction (专项附加扣除), or the personal pension deducted at the reconciliation.",
  valuesConfig: {
    CHILD_EDUCATION: { description: "子女教育: per child, from age 3 to the end of full-time education." },
    INFANT_CARE: { description: "3岁以下婴幼儿照护: per child under 3 (from 2022)." },
    CONTINUING_EDUCATION: { description: "继续教育: degree study per month, or a vocational certificate in its year." },
    SERIOUS_ILLNESS: { description: "大病医疗: out-of-pocket medical expense above the threshold, up to the cap." },
    HOUSING_LOAN_INTEREST: { description: "住房贷款利息: first home loan, per month." },
    HOUSING_RENT: {
      description: "住房租金: per month, by city tier; not in the same months as housing loan interest.",
    },
    ELDERLY_SUPPORT: { description: "赡养老人: per month, an only child in full, siblings sharing." },
    PERSONAL_PENSION: { description: "个人养老金: contributions to the personal pension account (from 2022)." },
  },
});
registerEnumType(RentCityTier, {
  name: "RentCityTier",
  description: "The city level of a rent deduction (国发〔2018〕41号, 住房租金).",
  valuesConfig: {
    TIER_1: {
      description:
        "Municipalities, provincial capitals, cities specially designated in the plan, and others the State Council names.",
    },
    TIER_2: { description: "Other cities whose districts have more than one million registered residents." },
    TIER_3: { description: "Other cities, one million registered residents or fewer." },
  },
});
registerEnumType(ContinuingEducationKind, {
  name: "ContinuingEducationKind",
  description: "The kind of continuing education deducted.",
  valuesConfig: {
    DEGREE: { description: "Degree study (学历/学位继续教育), per month, for at most the months the law allows." },
    CERTIFICATE: { description: "A vocational qualification certificate (职业资格), in the year it is obtained." },
  },
});
