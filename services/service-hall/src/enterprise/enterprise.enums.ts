import { registerEnumType } from "type-graphql";

/**
 * What a building station does for a company (the station's "六进服务" as the hall records them):
 * each visit or act is one record, counted by `enterpriseServiceTotals`.
 */
export enum EnterpriseServiceKind {
  COMPLIANCE_REVIEW = "COMPLIANCE_REVIEW",
  CONTACT_CARD = "CONTACT_CARD",
  PUBLICITY = "PUBLICITY",
  PROXY = "PROXY",
  PLACEMENT = "PLACEMENT",
  TRAINING = "TRAINING",
}
registerEnumType(EnterpriseServiceKind, {
  name: "EnterpriseServiceKind",
  description: "A kind of service a building station gives a company.",
  valuesConfig: {
    COMPLIANCE_REVIEW: {
      description: "A written review of the company's labor compliance (书面审查): contracts, wages, insurance.",
    },
    CONTACT_CARD: { description: "A service contact card left with the company (服务联系卡)." },
    PUBLICITY: { description: "A publicity session on labor law and policy at the company (宣传)." },
    PROXY: { description: "A formality done for the company by the station (代理服务), e.g. insurance registration." },
    PLACEMENT: { description: "Job placement for the company's vacancies (职业介绍)." },
    TRAINING: { description: "Vocational training arranged for the company's staff (职业培训)." },
  },
});

/** Every kind, in the order the totals list them. */
export const ENTERPRISE_SERVICE_KINDS: readonly EnterpriseServiceKind[] = Object.values(EnterpriseServiceKind);
