import { defineMessages } from "@onewindow/contracts/i18n";

/**
 * What notifications tells a person about contact channels, consents, templates and broadcasts.
 * `{placeholder}`-like values filled in here (a template's `{月份}`) are the template's own
 * placeholders, shown as they are written.
 */
export const NOTIFICATIONS = defineMessages("notifications", {
  mobileNumber: {
    zh: "手机号码应为 11 位大陆手机号",
    en: "must be an 11-digit mainland mobile number",
  },
  emailAddress: {
    zh: "电子邮箱格式不正确（最长 100 个字符）",
    en: "must be an e-mail address of at most 100 characters",
  },
  noSmsChannel: { zh: "该人员没有登记手机号码", en: "no SMS channel recorded" },
  noEmailChannel: { zh: "该人员没有登记电子邮箱", en: "no EMAIL channel recorded" },
  unknownAssistanceCategory: {
    zh: "未知的援助类别 {category}",
    en: "unknown assistance category {category}",
  },
  serviceNoticesTakeNoAudience: {
    zh: "办事通知不按社区或援助类别发送，请不要填写社区或援助类别",
    en: "a SERVICE_NOTICES consent takes no community or assistance category",
  },
  noServiceNoticesConsent: {
    zh: "该人员未同意接收办事通知",
    en: "no SERVICE_NOTICES consent was given",
  },
  noNewsConsent: { zh: "该人员未同意接收资讯", en: "no NEWS consent was given" },
  noTemplate: { zh: "没有消息模板 {code}", en: "no message template {code}" },
  unknownPlaceholders: {
    zh: "模板中的变量 {unknown} 不可用，可用变量：{available}",
    en: "unknown placeholder {unknown}; the template may use {available}",
  },
  unknownPlaceholdersNoneAvailable: {
    zh: "模板中的变量 {unknown} 不可用，此模板不能使用变量",
    en: "unknown placeholder {unknown}; the template may use none",
  },
  audienceRequired: {
    zh: "请指定社区或援助类别",
    en: "name a community or an assistance category",
  },
  notNewsTemplate: {
    zh: "模板 {code} 不是资讯模板，不能用于群发",
    en: "template {code} is not a NEWS template",
  },
  scheduledAtRange: {
    zh: "发送时间应在现在至 {days} 天内",
    en: "must be from now to {days} days ahead",
  },
  tooManyVariables: {
    zh: "变量最多 {max} 个，现为 {count} 个",
    en: "at most {max} variables, got {count}",
  },
  noSuchVariable: {
    zh: "模板没有变量 {placeholder}",
    en: "the template has no placeholder {placeholder}",
  },
  variablesMissing: {
    zh: "缺少变量 {missing} 的值",
    en: "placeholders without a value: {missing}",
  },
});

/** The acts a refusal of notifications names. */
export const NOTIFICATIONS_ACT = defineMessages("notifications.act", {
  readOthersMessages: { zh: "查阅他人的消息", en: "read another person's messages" },
  recordOthersContacts: {
    zh: "登记他人的联系方式或授权",
    en: "record another person's contacts or consents",
  },
});
