import { defineMessages } from "@onewindow/contracts/i18n";

/**
 * What the hall tells a person about its window staff: their records, badges, commitments and
 * the reviews of them (践诺评诺), their KPIs and the month's service stars.
 */
export const HALL_STAFF = defineMessages("hall.staff", {
  badStaffNumber: {
    zh: "工号“{value}”格式不正确，应为 1 至 20 位字母、数字、连字符或下划线",
    en: 'staff number "{value}" must be 1 to 20 letters, digits, "-" or "_"',
  },
  unknownStaff: { zh: "没有工号为 {staffNumber} 的窗口工作人员", en: "no window staff member {staffNumber}" },
  unknownBadge: { zh: "未知的窗口称号：{badge}", en: "unknown badge {badge}" },
  partyBadgeNeedsMember: {
    zh: "“{badgeName}”称号只能授予中共党员",
    en: "the badge {badge} ({badgeName}) is for Party members only",
  },
  tooManyDuties: {
    zh: "岗位职责最多 {max} 条",
    en: "at most {max} duties",
  },
  notACommitmentNumber: { zh: "“{value}”不是承诺编号", en: '"{value}" is not a commitment number' },
  unknownCommitment: { zh: "没有编号为 {id} 的服务承诺", en: "no commitment {id}" },
  notAMonth: { zh: "“{value}”不是月份，应写作 2026-11", en: '"{value}" is not a month like 2026-11' },
  madeInFuture: { zh: "承诺日期 {madeOn} 晚于今天", en: "{madeOn} is in the future" },
});
