import { registerEnumType } from "type-graphql";

/**
 * The amounts of individual income tax that the State Council, the Ministry of Finance and the
 * State Taxation Administration set and change by notice. Each has rows in `tax_limit` (seeded by
 * migration, changed by `setTaxLimit`) with the years it applies to and its source.
 */
export enum TaxLimitItem {
  CHILD_EDUCATION = "CHILD_EDUCATION",
  INFANT_CARE = "INFANT_CARE",
  CONTINUING_EDUCATION_DEGREE = "CONTINUING_EDUCATION_DEGREE",
  CONTINUING_EDUCATION_DEGREE_MONTHS = "CONTINUING_EDUCATION_DEGREE_MONTHS",
  CONTINUING_EDUCATION_CERTIFICATE = "CONTINUING_EDUCATION_CERTIFICATE",
  SERIOUS_ILLNESS = "SERIOUS_ILLNESS",
  SERIOUS_ILLNESS_THRESHOLD = "SERIOUS_ILLNESS_THRESHOLD",
  HOUSING_LOAN_INTEREST = "HOUSING_LOAN_INTEREST",
  HOUSING_RENT_TIER_1 = "HOUSING_RENT_TIER_1",
  HOUSING_RENT_TIER_2 = "HOUSING_RENT_TIER_2",
  HOUSING_RENT_TIER_3 = "HOUSING_RENT_TIER_3",
  ELDERLY_SUPPORT = "ELDERLY_SUPPORT",
  ELDERLY_SUPPORT_SIBLING_SHARE = "ELDERLY_SUPPORT_SIBLING_SHARE",
  PERSONAL_PENSION = "PERSONAL_PENSION",
  RECONCILIATION_EXEMPT_INCOME = "RECONCILIATION_EXEMPT_INCOME",
  RECONCILIATION_EXEMPT_TOP_UP = "RECONCILIATION_EXEMPT_TOP_UP",
}

/** How a limit's value reads. */
export enum TaxLimitUnit {
  YUAN_PER_MONTH = "YUAN_PER_MONTH",
  YUAN_PER_YEAR = "YUAN_PER_YEAR",
  MONTHS = "MONTHS",
}

/** The unit of each item: part of what the item is, so it lives here and not in the table. */
export const UNIT_OF: Record<TaxLimitItem, TaxLimitUnit> = {
  CHILD_EDUCATION: TaxLimitUnit.YUAN_PER_MONTH,
  INFANT_CARE: TaxLimitUnit.YUAN_PER_MONTH,
  CONTINUING_EDUCATION_DEGREE: TaxLimitUnit.YUAN_PER_MONTH,
  CONTINUING_EDUCATION_DEGREE_MONTHS: TaxLimitUnit.MONTHS,
  CONTINUING_EDUCATION_CERTIFICATE: TaxLimitUnit.YUAN_PER_YEAR,
  SERIOUS_ILLNESS: TaxLimitUnit.YUAN_PER_YEAR,
  SERIOUS_ILLNESS_THRESHOLD: TaxLimitUnit.YUAN_PER_YEAR,
  HOUSING_LOAN_INTEREST: TaxLimitUnit.YUAN_PER_MONTH,
  HOUSING_RENT_TIER_1: TaxLimitUnit.YUAN_PER_MONTH,
  HOUSING_RENT_TIER_2: TaxLimitUnit.YUAN_PER_MONTH,
  HOUSING_RENT_TIER_3: TaxLimitUnit.YUAN_PER_MONTH,
  ELDERLY_SUPPORT: TaxLimitUnit.YUAN_PER_MONTH,
  ELDERLY_SUPPORT_SIBLING_SHARE: TaxLimitUnit.YUAN_PER_MONTH,
  PERSONAL_PENSION: TaxLimitUnit.YUAN_PER_YEAR,
  RECONCILIATION_EXEMPT_INCOME: TaxLimitUnit.YUAN_PER_YEAR,
  RECONCILIATION_EXEMPT_TOP_UP: TaxLimitUnit.YUAN_PER_YEAR,
};

registerEnumType(TaxLimitItem, {
  name: "TaxLimitItem",
  description:
    "An amount of individual income tax set by notice (a deduction's cap, a threshold of the reconciliation).",
  valuesConfig: {
    CHILD_EDUCATION: { description: "子女教育: per child and month." },
    INFANT_CARE: { description: "3岁以下婴幼儿照护: per child under 3 and month (from 2022)." },
    CONTINUING_EDUCATION_DEGREE: { description: "继续教育 (学历/学位): per month of study." },
    CONTINUING_EDUCATION_DEGREE_MONTHS: {
      description: "继续教育 (学历/学位): months one degree programme may be deducted.",
    },
    CONTINUING_EDUCATION_CERTIFICATE: {
      description: "继续教育 (职业资格): in the year the certificate is obtained.",
    },
    SERIOUS_ILLNESS: { description: "大病医疗: the most deducted in a year." },
    SERIOUS_ILLNESS_THRESHOLD: {
      description:
        "大病医疗: the out-of-pocket medical expense (within the insurance catalogue) above which it is deducted.",
    },
    HOUSING_LOAN_INTEREST: { description: "住房贷款利息: per month, first home loan." },
    HOUSING_RENT_TIER_1: {
      description:
        "住房租金: per month in municipalities, provincial capitals, cities specially designated in the plan and others the State Council names.",
    },
    HOUSING_RENT_TIER_2: {
      description:
        "住房租金: per month in other cities whose districts have more than one million registered residents.",
    },
    HOUSING_RENT_TIER_3: {
      description: "住房租金: per month in other cities (one million registered residents or fewer).",
    },
    ELDERLY_SUPPORT: { description: "赡养老人: per month, an only child's whole amount, shared among siblings." },
    ELDERLY_SUPPORT_SIBLING_SHARE: {
      description: "赡养老人: the most one sibling (not an only child) may take per month.",
    },
    PERSONAL_PENSION: { description: "个人养老金: contributions deducted per year (from 2022)." },
    RECONCILIATION_EXEMPT_INCOME: {
      description: "年度汇算免于补税: annual comprehensive income (收入) at or below which a top-up is waived.",
    },
    RECONCILIATION_EXEMPT_TOP_UP: { description: "年度汇算免于补税: a top-up at or below which it is waived." },
  },
});

registerEnumType(TaxLimitUnit, {
  name: "TaxLimitUnit",
  description: "How a tax limit's value reads.",
  valuesConfig: {
    YUAN_PER_MONTH: { description: "Yuan per month." },
    YUAN_PER_YEAR: { description: "Yuan per year." },
    MONTHS: { description: "A number of months." },
  },
});
