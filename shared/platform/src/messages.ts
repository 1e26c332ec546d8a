import { defineMessages } from "@onewindow/contracts/i18n";

/** What the platform itself tells a person: inputs every department checks alike, and refusals. */
export const PLATFORM = defineMessages("platform", {
  notACursor: {
    zh: "分页游标无效：请使用上一页返回的游标",
    en: "is not a cursor this list gave out",
  },
  pageSize: { zh: "每页条数应在 0 到 {max} 之间，现为 {got}", en: "must be between 0 and {max}, got {got}" },
  dateNotExisting: {
    zh: "日期 {value} 不存在（格式 YYYY-MM-DD）",
    en: "date {value} does not exist (expected YYYY-MM-DD)",
  },
  dateInFuture: { zh: "日期 {value} 晚于今天 {today}", en: "date {value} is in the future (today is {today})" },
  dateScalar: {
    zh: "日期应为实际存在的日历日期，格式 YYYY-MM-DD，现为 {value}",
    en: "Date must be an existing calendar date as YYYY-MM-DD, got {value}",
  },
  dateScalarNotString: { zh: "日期应为 YYYY-MM-DD 格式的字符串", en: "Date must be a string YYYY-MM-DD" },
  dateTimeScalar: { zh: "时间应为 ISO 8601 格式，现为 {value}", en: "DateTime must be ISO 8601, got {value}" },
  dateTimeScalarNotString: { zh: "时间应为 ISO 8601 格式的字符串", en: "DateTime must be an ISO 8601 string" },
  amountNotNumber: { zh: "金额应为数字", en: "amount must be a number" },
  amountNegative: { zh: "金额不能为负数，现为 {amount}", en: "amount must not be negative, got {amount}" },
  amountDecimals: { zh: "金额 {amount} 超过两位小数", en: "amount {amount} has more than two decimals" },
  amountTooLarge: { zh: "金额 {amount} 过大", en: "amount {amount} is too large" },
  textEmpty: { zh: "不能为空", en: "must not be empty" },
  textTooLong: {
    zh: "最多 {max} 个字符，现为 {length} 个",
    en: "must be at most {max} characters, got {length}",
  },
  wholeNumberRange: {
    zh: "应为 {min} 到 {max} 之间的整数，现为 {value}",
    en: "must be a whole number from {min} to {max}, got {value}",
  },
  signIn: { zh: "请先登录，才能{what}", en: "sign in to {what}" },
  roleMayNot: { zh: "当前角色（{roles}）无权{what}", en: "role {roles} may not {what}" },
  actRun: { zh: "办理 {field}", en: "run {field}" },
  actRead: { zh: "查阅 {type}.{field}", en: "read {type}.{field}" },
  actReadList: {
    zh: "查阅{department}所持名单中的人员（{field}）；仅统计总数（totalCount）不受限",
    en: "read the persons in a list ({field}) held by {department}; totalCount is an aggregate and allowed",
  },
  actReadOthers: { zh: "查阅他人的记录", en: "read another person's records" },
  actReadPersonalData: {
    zh: "查阅{department}所持的公民个人信息（{field}）",
    en: "read citizens' personal data ({field}) held by {department}",
  },
  actReadWholeTrail: { zh: "查阅全部审计记录", en: "read the whole audit trail" },
  actReadOthersTrail: { zh: "查阅他人信息被谁查阅过", en: "read who looked at another person's records" },
  actVerifyTrail: { zh: "校验审计记录", en: "verify the audit trail" },
  purposeForRead: {
    zh: "查阅公民个人信息须说明用途：请发送 {header} 请求头（案件编号或简短说明）",
    en: "reading a citizen's personal data needs a stated purpose: send the {header} header (a case id or a few words)",
  },
  purposeForWrite: {
    zh: "{what} 涉及公民个人信息，须说明用途：请发送 {header} 请求头（案件编号或简短说明）",
    en: "a write that names a person needs a stated purpose ({what}): send the {header} header",
  },
  signInToRun: { zh: "请先登录再办理：{mutation}", en: "sign in to run {mutation}" },
  hourlyPersonCap: {
    zh: "本小时查阅的人数已达上限（{cap} 人），请下一个小时再查",
    en: "this user may read at most {cap} distinct persons an hour in {department}",
  },
  gatewayOnly: {
    zh: "{department} 只接受 OneWindow 网关发来的请求",
    en: "{department} answers only the OneWindow gateway: {why}",
  },
  auditorWithReader: {
    zh: "同一令牌不能同时持有审计员角色和可查阅个人信息的角色（{roles}）",
    en: "a token cannot hold auditor together with a role that reads personal data ({roles})",
  },
  hospitalTokenScope: { zh: "{role} 令牌必须指明所属医院", en: "{article} {role} token must name its hospital" },
  citizenTokenScope: { zh: "公民令牌必须含有本人身份证号码", en: "a citizen token must carry the citizen's idNumber" },
  auditWriteFailed: {
    zh: "此次操作未能记入审计记录，故不返回数据",
    en: "the act could not be recorded in the audit trail, so no data is returned",
  },
});

/** What the HTTP layer answers before GraphQL runs. */
export const HTTP = defineMessages("http", {
  bodyNotJson: { zh: "请求内容不是有效的 JSON", en: "Request body is not valid JSON" },
  bodyTooLarge: {
    zh: "请求内容超过 {limit} 字节的上限",
    en: "the request body is larger than the limit of {limit} bytes",
  },
  operationNameTooLong: {
    zh: "操作名长 {length} 个字符，超过上限 {limit}",
    en: "operationName is {length} characters long, more than the limit of {limit}",
  },
});
