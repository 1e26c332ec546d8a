import { defineMessages } from "@onewindow/contracts/i18n";

/** What medical insurance tells a person about enrolments and claims. */
export const INSURANCE = defineMessages("insurance", {
  creditCodeRequired: {
    zh: "参加职工基本医疗保险须填写用人单位的统一社会信用代码",
    en: "is required for the EMPLOYEE scheme",
  },
  creditCodeNotForScheme: {
    zh: "只有职工基本医疗保险登记用人单位，该险种不填统一社会信用代码",
    en: "must be empty for the {scheme} scheme; only EMPLOYEE has an employer",
  },
  contributionBaseNotForScheme: {
    zh: "只有职工基本医疗保险按缴费基数缴费，该险种不填缴费基数",
    en: "must be empty for the {scheme} scheme; only EMPLOYEE contributes on a base",
  },
  contributionBaseZero: { zh: "缴费基数应大于 0", en: "must be greater than 0" },
  alreadyEnrolled: {
    zh: "{idNumber} 已参加该险种，不能重复参保",
    en: "citizen {idNumber} already has an active enrolment in this scheme",
  },
  alreadyEnrolledWithEmployer: {
    zh: "{idNumber} 已通过用人单位 {creditCode} 参加该险种，不能重复参保",
    en: "citizen {idNumber} already has an active enrolment in this scheme with employer {creditCode}",
  },
  sinceBeforeCurrent: {
    zh: "当前参保自 {currentSince} 起，新的参保日期 {since} 不能早于该日",
    en: "the current {scheme} enrolment started on {currentSince}, after {since}",
  },
  drugCostAboveTotal: {
    zh: "药品费用 {drugCost} 元不能超过总费用 {totalCost} 元",
    en: "must not exceed totalCost {totalCost}, got {drugCost}",
  },
  neverEnrolled: {
    zh: "{idNumber} 从未参加医疗保险，请先办理参保登记再提交报销申请",
    en: "citizen {idNumber} has never been enrolled in medical insurance; enrol them before submitting a claim",
  },
});
