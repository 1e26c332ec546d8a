import { defineMessages } from "@onewindow/contracts/i18n";

/**
 * What the hall tells the clerk or labor officer about labor inspection and dispute mediation
 * cases: wrong input, and steps taken out of order.
 */
export const HALL_DISPUTES = defineMessages("hall.disputes", {
  noInspectionCase: { zh: "没有编号为 {caseId} 的劳动保障监察案件", en: "no inspection case {caseId}" },
  noMediationCase: { zh: "没有编号为 {caseId} 的劳动争议调解案件", en: "no mediation case {caseId}" },
  unknownKind: {
    zh: "案件来源“{kind}”无效，应为 COMPLAINT（举报投诉）或 ROUTINE（日常巡视检查）",
    en: 'unknown inspection kind "{kind}": COMPLAINT or ROUTINE',
  },
  routineWithComplainant: {
    zh: "日常巡视检查没有举报人，请勿填写举报人身份证号码",
    en: "a routine inspection has no complainant",
  },
  inspectionClosed: {
    zh: "劳动保障监察案件 {caseId} 已于 {closedOn} 结案",
    en: "inspection case {caseId} was closed on {closedOn}",
  },
  findingsAfterOrder: {
    zh: "劳动保障监察案件 {caseId} 已下达责令改正，检查结果不再变更",
    en: "inspection case {caseId} has a rectification order; its findings no longer change",
  },
  orderWithoutViolation: {
    zh: "劳动保障监察案件 {caseId} 未查实违法行为，不能责令改正",
    en: "inspection case {caseId} found no violation to order rectified",
  },
  orderTwice: {
    zh: "劳动保障监察案件 {caseId} 已于 {issuedOn} 责令改正",
    en: "inspection case {caseId} got its rectification order on {issuedOn}",
  },
  closeWithoutFindings: {
    zh: "劳动保障监察案件 {caseId} 尚未记录检查结果，不能结案",
    en: "inspection case {caseId} has no findings yet and cannot be closed",
  },
  workingDaysRange: {
    zh: "整改期限应为 {min} 至 {max} 个工作日，现为 {value}",
    en: "the time limit must be {min} to {max} working days, not {value}",
  },
  mediationClosed: {
    zh: "劳动争议调解案件 {caseId} 已于 {closedOn} 结案",
    en: "mediation case {caseId} was closed on {closedOn}",
  },
  sessionBeforeApplication: {
    zh: "调解日期 {heldOn} 早于收到申请之日 {appliedOn}",
    en: "the session on {heldOn} is before the application of {appliedOn}",
  },
  unknownOutcome: {
    zh: "调解结果“{outcome}”无效，应为 AGREEMENT、FAILED_REFERRED_TO_ARBITRATION 或 WITHDRAWN",
    en: 'unknown mediation outcome "{outcome}"',
  },
  agreementWithoutSession: {
    zh: "劳动争议调解案件 {caseId} 尚未召开调解会，不能以达成调解协议结案",
    en: "mediation case {caseId} has had no session, so no agreement can close it",
  },
  agreementNeedsTerms: {
    zh: "达成调解协议的，请填写协议内容",
    en: "an agreement needs its terms in the note",
  },
});
