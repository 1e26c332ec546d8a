import { defineMessages } from "@onewindow/contracts/i18n";

/** What the hall tells a station worker about buildings, their companies and enterprise services. */
export const HALL_ENTERPRISE = defineMessages("hall.enterprise", {
  notABuildingNumber: { zh: "“{value}”不是楼宇编号", en: '"{value}" is not a building number' },
  noBuilding: { zh: "没有编号为 {id} 的楼宇", en: "no building {id}" },
  companyNotInBuilding: {
    zh: "企业 {creditCode} 不在任何楼宇服务站的服务范围内，请先登记其所在楼宇",
    en: "company {creditCode} is in no building a station serves; place it in its building first",
  },
  unknownKind: { zh: "未知的企业服务类别：{kind}", en: "unknown enterprise service kind {kind}" },
  dateNotExisting: { zh: "日期 {date} 不存在", en: "date {date} does not exist" },
  periodReversed: { zh: "开始日期 {from} 晚于结束日期 {to}", en: "{from} is after to {to}" },
});
