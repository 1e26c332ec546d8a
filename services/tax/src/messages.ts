import { defineMessages } from "@onewindow/contracts/i18n";

/** What tax tells a person about returns, withholding returns, the limits table and pension records. */
export const TAX = defineMessages("tax", {
  itemiseDeductions: {
    zh: "专项附加扣除请按类别逐项申报，不再接受合计金额，以便按法定上限逐项核对",
    en: "itemise special additional deductions in additionalDeductionClaims so that their caps can be checked",
  },
  yearOutOfRange: {
    zh: "年度应为 {first} 至 {last} 年，现为 {year}",
    en: "must be a year from {first} to {last}, got {year}",
  },
  // 个人所得税法 art. 11 and 实施条例 art. 25: the reconciliation settles a finished year, from
  // 1 March to 30 June of the next.
  taxYearNotEnded: {
    zh: "{year}年度尚未结束，该年度的汇算在{next}年3月1日至6月30日办理",
    en: "the tax year {year} has not ended; it is reconciled from 1 March to 30 June {next}",
  },
  returnFiledConcurrently: {
    zh: "身份证号码 {idNumber} 的{year}年度汇算申报刚有另一份同时提交，请刷新后重新申报",
    en: "another return for {idNumber}, {year} was filed at the same moment; reload and file again",
  },
  withholdingFiledConcurrently: {
    zh: "统一社会信用代码 {creditCode} 的 {period} 扣缴申报刚有另一份同时提交，请刷新后重新申报",
    en: "another return for {creditCode}, {period} was filed at the same moment; reload and file again",
  },
  periodFormat: {
    zh: "所属期应为 YYYY-MM 格式的月份（月份为 01 至 12），现为“{value}”",
    en: 'must be a month as YYYY-MM (month 01-12), got "{value}"',
  },
  periodTooEarly: {
    zh: "所属期不能早于 {first}（累计预扣法自该月起实行），现为 {period}",
    en: "must be {first} or later, got {period}",
  },
  periodInFuture: {
    zh: "所属期 {period} 晚于本月 {thisMonth}",
    en: "month {period} is in the future (current month {thisMonth})",
  },
  unknownLimitItem: { zh: "未知的限额项目 {item}", en: "unknown item {item}" },
  pensionAmount: {
    zh: "养老金金额应为非负整数（单位：分），现为 {amountFen}",
    en: "must be a non-negative whole number of fen, got {amountFen}",
  },
});

/**
 * What the check of special additional deductions against their caps says (国发〔2018〕41号 and the
 * notices after it, see additional-deductions.policy.ts): the refusals, and `basis`, how a line's
 * cap was reached, which a return keeps and shows (in Chinese).
 */
export const TAX_DEDUCTIONS = defineMessages("tax.deductions", {
  unknownCategory: { zh: "未知的扣除类别 {category}", en: "unknown category {category}" },
  notInYear: { zh: "{name}：{year}年度没有这项扣除", en: "{name}: no such deduction in {year}" },
  oneLineOnly: { zh: "{name}只能申报一行", en: "{name}: only one line per category" },
  educationKindRequired: {
    zh: "继续教育需要填写继续教育类型（学历继续教育或职业资格）",
    en: "educationKind is required for CONTINUING_EDUCATION",
  },
  degreeStartMonthRequired: {
    zh: "学历继续教育需要填写入学年月",
    en: "degreeStartMonth is required for CONTINUING_EDUCATION",
  },
  outOfPocketRequired: {
    zh: "大病医疗需要填写医保目录范围内的自付金额",
    en: "outOfPocket is required for SERIOUS_ILLNESS",
  },
  cityTierRequired: { zh: "住房租金需要填写城市类别", en: "cityTier is required for HOUSING_RENT" },
  onlyChildRequired: { zh: "赡养老人需要填写是否独生子女", en: "onlyChild is required for ELDERLY_SUPPORT" },
  degreeStartMonthFormat: {
    zh: "入学年月应为 YYYY-MM 格式，现为“{value}”",
    en: 'must be YYYY-MM, got "{value}"',
  },
  degreeMonthsBeyondTerm: {
    zh: "继续教育：{start}入学，{year}年度在{span}个月期限内的只有{open}个月，申报了{months}个月（{source}）",
    en: "continuing education begun {start}: only {open} months of {year} fall within the {span}-month limit, {months} claimed ({source})",
  },
  aboveCap: {
    zh: "{name}申报{amount}元，超过上限{cap}元：{basis}",
    en: "{name} claims {amount} yuan, above its cap of {cap} yuan: {basis}",
  },
  // 国发〔2018〕41号 (住房租金): loan interest and rent are not deducted for the same months.
  loanAndRentSameMonths: {
    zh: "住房贷款利息（{loan}个月）和住房租金（{rent}个月）不能在同一月份同时扣除（国发〔2018〕41号）",
    en: "housing loan interest ({loan} months) and rent ({rent} months) cannot be deducted for the same months (State Council notice Guofa [2018] No. 41)",
  },
  perChildBasis: {
    zh: "每个子女每月{monthly}元 × {children}名 × {months}个月（{source}）",
    en: "{monthly} yuan a month per child × {children} × {months} months ({source})",
  },
  certificateBasis: {
    zh: "取得证书当年定额{amount}元（{source}）",
    en: "a fixed {amount} yuan in the year the certificate is obtained ({source})",
  },
  degreeBasis: {
    zh: "每月{monthly}元 × {months}个月，同一学历最长{span}个月（{source}）",
    en: "{monthly} yuan a month × {months} months, at most {span} months for one degree ({source})",
  },
  seriousIllnessBasis: {
    zh: "自付{paid}元超过{threshold}元的部分，最多{max}元（{source}）",
    en: "the part of {paid} yuan paid out of pocket above {threshold} yuan, at most {max} yuan ({source})",
  },
  monthlyBasis: {
    zh: "每月{monthly}元 × {months}个月（{source}）",
    en: "{monthly} yuan a month × {months} months ({source})",
  },
  rentBasis: {
    zh: "{tier}每月{monthly}元 × {months}个月（{source}）",
    en: "{tier}: {monthly} yuan a month × {months} months ({source})",
  },
  onlyChildBasis: {
    zh: "独生子女每月{monthly}元 × {months}个月（{source}）",
    en: "an only child: {monthly} yuan a month × {months} months ({source})",
  },
  siblingBasis: {
    zh: "非独生子女每人最多每月{monthly}元 × {months}个月（{source}）",
    en: "not an only child: at most {monthly} yuan a month each × {months} months ({source})",
  },
  yearlyBasis: { zh: "每年最多{max}元（{source}）", en: "at most {max} yuan a year ({source})" },
});

/** The names of the special additional deductions (专项附加扣除) and the personal pension, by category. */
export const TAX_DEDUCTION_CATEGORIES = defineMessages("tax.deductionCategory", {
  CHILD_EDUCATION: { zh: "子女教育", en: "child education" },
  INFANT_CARE: { zh: "3岁以下婴幼儿照护", en: "infant care" },
  CONTINUING_EDUCATION: { zh: "继续教育", en: "continuing education" },
  SERIOUS_ILLNESS: { zh: "大病医疗", en: "serious illness" },
  HOUSING_LOAN_INTEREST: { zh: "住房贷款利息", en: "housing loan interest" },
  HOUSING_RENT: { zh: "住房租金", en: "housing rent" },
  ELDERLY_SUPPORT: { zh: "赡养老人", en: "elderly support" },
  PERSONAL_PENSION: { zh: "个人养老金", en: "personal pension" },
});

/** The three city levels of the rent deduction, as 国发〔2018〕41号 (住房租金) names them. */
export const TAX_RENT_TIERS = defineMessages("tax.rentTier", {
  TIER_1: { zh: "直辖市、省会（首府）城市、计划单列市等", en: "municipalities, provincial capitals and the like" },
  TIER_2: { zh: "市辖区户籍人口超过100万的城市", en: "cities of more than one million registered residents" },
  TIER_3: { zh: "市辖区户籍人口不超过100万的城市", en: "cities of one million registered residents or fewer" },
});

/**
 * Why a top-up is waived at the reconciliation (the notice in force for the year: 财政部 税务总局公告
 * 2019年第94号, 2021年第42号, 2023年第32号), which a return keeps and shows (in Chinese).
 */
export const TAX_EXEMPTION = defineMessages("tax.exemption", {
  lowIncome: {
    zh: "年度综合所得收入{income}元不超过{limit}元，免于补税{topUp}元（{source}）",
    en: "annual comprehensive income of {income} yuan is at most {limit} yuan: the top-up of {topUp} yuan is waived ({source})",
  },
  smallTopUp: {
    zh: "补税金额{topUp}元不超过{limit}元，免于补税（{source}）",
    en: "the top-up of {topUp} yuan is at most {limit} yuan and is waived ({source})",
  },
});
