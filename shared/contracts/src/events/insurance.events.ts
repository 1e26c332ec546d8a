/** The events medical insurance publishes. */
export const InsuranceEvents = {
  enrolmentChanged: "onewindow.insurance.enrolment.changed",
  claimSubmitted: "onewindow.insurance.claim.submitted",
} as const;

/** Their payloads (version 1). Dates are YYYY-MM-DD, money integer fen. */
export interface InsuranceEventPayloads {
  "onewindow.insurance.enrolment.changed": {
    idNumber: string;
    scheme: string;
    creditCode: string | null;
    since: string;
    monthlyContributionFen: number;
    employerMonthlyContributionFen: number;
    previous: { scheme: string; creditCode: string | null; endedOn: string } | null;
  };
  "onewindow.insurance.claim.submitted": {
    id: number;
    idNumber: string;
    hospitalCode: string;
    visitDate: string;
    totalCostFen: number;
    drugCostFen: number;
  };
}
