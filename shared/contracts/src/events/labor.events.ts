/** The events labor security publishes. */
export const LaborEvents = {
  citizenRegistered: "onewindow.labor.citizen.registered",
  employerRegistered: "onewindow.labor.employer.registered",
  employmentRecorded: "onewindow.labor.employment.recorded",
  unemploymentRegistered: "onewindow.labor.unemployment.registered",
  retirementApproved: "onewindow.labor.retirement.approved",
  jobPosted: "onewindow.labor.job.posted",
  referralMade: "onewindow.labor.referral.made",
  referralOutcome: "onewindow.labor.referral.outcome",
  benefitPaid: "onewindow.labor.benefit.paid",
  reliefGranted: "onewindow.labor.relief.granted",
} as const;

/** Their payloads (version 1). Dates are YYYY-MM-DD, money integer fen. */
export interface LaborEventPayloads {
  "onewindow.labor.citizen.registered": { idNumber: string; name: string; birthDate: string; gender: string };
  "onewindow.labor.employer.registered": { creditCode: string; name: string; industry: string | null };
  "onewindow.labor.employment.recorded": {
    idNumber: string;
    creditCode: string;
    startDate: string;
    position: string | null;
    /** True when this job closed an open unemployment registration. */
    unemploymentClosed: boolean;
  };
  "onewindow.labor.unemployment.registered": { idNumber: string; registeredOn: string; reason: string | null };
  "onewindow.labor.retirement.approved": { idNumber: string; retiredOn: string; monthlyPensionFen: number | null };
  "onewindow.labor.job.posted": { id: number; creditCode: string; title: string; vacancies: number };
  /** The street centre sent a job seeker to a posting (送岗位). */
  "onewindow.labor.referral.made": {
    referralId: number;
    idNumber: string;
    postingId: number;
    creditCode: string;
    title: string;
    referredOn: string;
  };
  /** What came of a referral; HIRED also records the employment (its own `employment.recorded` event). */
  "onewindow.labor.referral.outcome": {
    referralId: number;
    idNumber: string;
    postingId: number;
    creditCode: string;
    outcome: "HIRED" | "REJECTED" | "NO_SHOW" | "WITHDRAWN";
    recordedOn: string;
    /** First day of work, HIRED only. */
    startDate: string | null;
  };
  /** One month of unemployment benefit (失业保险金) paid by the monthly run; `month` is YYYY-MM. */
  "onewindow.labor.benefit.paid": {
    idNumber: string;
    claimId: number;
    month: string;
    amountFen: number;
    /** Months of the entitlement left after this payment. */
    monthsLeft: number;
  };
  /** A relief grant (夏送清凉 / 冬送温暖) to a retiree in hardship. */
  "onewindow.labor.relief.granted": {
    idNumber: string;
    campaignId: number;
    campaignName: string;
    season: "SUMMER" | "WINTER";
    amountFen: number;
    grantedOn: string;
  };
}
