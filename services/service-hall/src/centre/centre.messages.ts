import { defineMessages } from "@onewindow/contracts/i18n";

/**
 * What the service hall tells a person about service centres: escalating a case from a
 * community station to its street centre (站站互通), and the scope of the KPIs.
 */
export const HALL_CENTRE = defineMessages("hall.centre", {
  notAStation: {
    zh: "办件 {caseId} 属于{level}“{centre}”，只有社区服务站或楼宇服务站的办件可以上报街道",
    en: "case {caseId} belongs to {centre} ({level}); only a community or building station escalates a case",
  },
  noStreetAbove: {
    zh: "“{centre}”没有上级街道服务中心，办件无法上报",
    en: "{centre} has no street centre above it to escalate to",
  },
  notTheParent: {
    zh: "办件只能上报所属街道服务中心“{parent}”，不能上报“{named}”",
    en: "a case is escalated to the station's own street centre {parent}, not {named}",
  },
  caseNotOpen: {
    zh: "办件 {caseId} 已办结，无须上报",
    en: "case {caseId} is completed and cannot be escalated",
  },
});
