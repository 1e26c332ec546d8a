import { defineMessages } from "@onewindow/contracts/i18n";

/**
 * What hospital quality tells a person: wrong input in the records of visits, stays, calls and
 * evaluations, in the metrics periods and the hospital directory, and the prescriber-statistics
 * grant flow (统方). Chinese for the clerk at the hospital office, English for API clients.
 */
export const HOSPITAL = defineMessages("hospital", {
  dateNotExisting: { zh: "日期 {date} 不存在", en: "date {date} does not exist" },
  periodReversed: { zh: "开始日期 {from} 晚于结束日期 {to}", en: "{from} is after to {to}" },
  periodTooLong: { zh: "统计期间最长 {years} 年", en: "the period may span at most {years} years" },
  unknownComparison: { zh: "未知的比较方式：{comparison}", en: "unknown comparison {comparison}" },
  trendTooLong: {
    zh: "趋势将有 {points} 个点，最多 {max} 个：请缩短期间或选择更大的时间单位",
    en: "the trend would have {points} points; at most {max}",
  },
  hospitalCodeShape: {
    zh: "医院代码“{value}”应为 2 至 20 位字母、数字或连字符",
    en: 'hospital code "{value}" must be 2 to 20 letters, digits or dashes',
  },
  hospitalNotRegistered: { zh: "医院代码 {code} 未登记", en: "no hospital is registered with code {code}" },
  hospitalRegistered: { zh: "医院 {code} 已登记，不能重复登记", en: "hospital {code} is already registered" },
  gradeWithoutLevel: { zh: "填写医院等次须同时填写医院等级", en: "a grade needs a level" },
  drugCostOverTotal: {
    zh: "药品费用 {drugCost} 元超过总费用 {totalCost} 元",
    en: "drug cost {drugCost} exceeds the total cost {totalCost}",
  },
  dischargeBeforeAdmission: {
    zh: "出院日期 {dischargedOn} 早于入院日期 {admittedOn}",
    en: "discharge {dischargedOn} is before admission {admittedOn}",
  },
  notAStayId: { zh: "“{value}”不是住院记录编号", en: '"{value}" is not an inpatient stay id' },
  unknownOutcome: { zh: "未知的回访结果：{outcome}", en: "unknown outcome {outcome}" },
  noStay: { zh: "没有编号为 {stayId} 的住院记录", en: "no inpatient stay with id {stayId}" },
  callBeforeDischarge: {
    zh: "回访日期 {calledOn} 早于出院日期 {dischargedOn}",
    en: "the call on {calledOn} is before the discharge on {dischargedOn}",
  },
  unknownChannel: { zh: "未知的评价渠道：{channel}", en: "unknown channel {channel}" },
  trueOrFalse: { zh: "应为 true（满意）或 false（不满意）", en: "must be true or false" },
  ownApproval: {
    zh: "申请人不能审批本人的申请，须由另一名医务管理（medical_affairs）人员审批",
    en: "the requester cannot approve their own request: a different medical_affairs user must approve it",
  },
  approveNotPending: {
    zh: "统方授权 {grant} 的状态为 {status}，只有待审批（PENDING）的申请才能审批",
    en: "grant {grant} is {status}; only a PENDING request can be approved",
  },
  noLongerPending: {
    zh: "统方授权 {grant} 已不是待审批状态",
    en: "grant {grant} is no longer PENDING",
  },
  revokeNotOpen: {
    zh: "统方授权 {grant} 的状态为 {status}，只有待审批（PENDING）或生效中（ACTIVE）的授权才能撤销",
    en: "grant {grant} is {status}; only a PENDING or ACTIVE grant can be revoked",
  },
  grantChanged: {
    zh: "统方授权 {grant} 刚被他人更改，请重新查看后再办理",
    en: "grant {grant} changed meanwhile; read it again",
  },
  noGrant: { zh: "没有编号为 {grant} 的统方授权", en: "no prescriber statistics grant {grant}" },
  statsNeedGrant: {
    zh:
      "查阅医院 {hospital} {from} 至 {to} 的统方数据须有生效中的授权：请先提出申请（requestPrescriberStatsAccess），" +
      "并由另一名医务管理（medical_affairs）人员审批；授权最长有效 30 分钟",
    en:
      "prescriber statistics of {hospital} for {from}..{to} need a live access grant: request one with " +
      "requestPrescriberStatsAccess and have a different medical_affairs user approve it (it stays open for at most 30 minutes)",
  },
});

/** The acts a refusal names; `{hospital}` is the hospital code the act is about. */
export const HOSPITAL_ACT = defineMessages("hospital.act", {
  recordEvaluations: { zh: "录入医院 {hospital} 的患者评价", en: "record evaluations of hospital {hospital}" },
  recordFollowUps: { zh: "录入医院 {hospital} 的出院回访", en: "record follow-up calls of hospital {hospital}" },
  recordStays: { zh: "录入医院 {hospital} 的住院记录", en: "record stays of hospital {hospital}" },
  recordVisits: { zh: "录入医院 {hospital} 的门诊记录", en: "record visits of hospital {hospital}" },
  registerHospital: {
    zh: "登记医院 {hospital} 的名录信息",
    en: "register the directory entry of hospital {hospital}",
  },
  readMetrics: { zh: "查阅医院 {hospital} 的质量指标", en: "read the quality metrics of hospital {hospital}" },
  readTrend: { zh: "查阅医院 {hospital} 的指标趋势", en: "read the metric trend of hospital {hospital}" },
  readDepartments: { zh: "查阅医院 {hospital} 的科室", en: "read the departments of hospital {hospital}" },
  readWorklist: {
    zh: "查阅医院 {hospital} 的待回访名单",
    en: "read the follow-up worklist of hospital {hospital}",
  },
  requestStats: {
    zh: "申请查阅医院 {hospital} 的统方数据",
    en: "request the prescriber statistics of hospital {hospital}",
  },
  approveStats: {
    zh: "审批医院 {hospital} 统方数据的查阅授权",
    en: "approve access to the prescriber statistics of hospital {hospital}",
  },
  revokeStats: {
    zh: "撤销医院 {hospital} 统方数据的查阅授权",
    en: "revoke access to the prescriber statistics of hospital {hospital}",
  },
  listGrants: {
    zh: "查看医院 {hospital} 的统方授权记录",
    en: "list the prescriber statistics grants of hospital {hospital}",
  },
  readStats: {
    zh: "查阅医院 {hospital} 的统方数据",
    en: "read the prescriber statistics of hospital {hospital}",
  },
  // A grant binds named users: a token without a user (a service's, a shared one) cannot take part.
  requestStatsUnnamed: {
    zh: "以未实名的登录凭证申请统方数据",
    en: "request prescriber statistics without a named user",
  },
  approveStatsUnnamed: {
    zh: "以未实名的登录凭证审批统方数据授权",
    en: "approve prescriber statistics without a named user",
  },
  revokeStatsUnnamed: {
    zh: "以未实名的登录凭证撤销统方数据授权",
    en: "revoke prescriber statistics without a named user",
  },
  readStatsUnnamed: {
    zh: "以未实名的登录凭证查阅统方数据",
    en: "read prescriber statistics without a named user",
  },
});
