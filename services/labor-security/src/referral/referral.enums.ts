import { registerEnumType } from "type-graphql";

export enum ReferralStatus {
  REFERRED = "REFERRED",
  HIRED = "HIRED",
  REJECTED = "REJECTED",
  NO_SHOW = "NO_SHOW",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(ReferralStatus, {
  name: "ReferralStatus",
  description: "Where a referral stands: REFERRED until its outcome is recorded.",
});

export enum ReferralOutcome {
  HIRED = "HIRED",
  REJECTED = "REJECTED",
  NO_SHOW = "NO_SHOW",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(ReferralOutcome, {
  name: "ReferralOutcome",
  description: "What came of a referral. HIRED records the employment; the others give the vacancy back.",
  valuesConfig: {
    HIRED: { description: "The employer took the person on (startDate required)." },
    REJECTED: { description: "The employer turned the person down." },
    NO_SHOW: { description: "The person did not go to the interview." },
    WITHDRAWN: { description: "The person or the centre withdrew the referral." },
  },
});
