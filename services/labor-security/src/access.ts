import type { Role } from "@onewindow/contracts";

/*
 * Who may read and write what in labor security. `@Authorized` on each field names the roles;
 * `ctx.access.read` (root fields, `_entities`) then limits a `citizen` to their own records,
 * demands a purpose and records the read. Fields without `@Authorized` are public: the job
 * board, and an employer's credit code and name (both on the public business licence) and
 * its postings. Public root fields: the job board, the training courses on offer, the statutory
 * retirement ages and the unemployment benefit levels (published law and standards).
 */

/** Roles that may read personal data held here at all (the subgraph definition's `personalDataReaders`). */
export const PERSONAL_DATA_READERS: readonly Role[] = [
  "window_clerk",
  "labor_officer",
  "insurance_officer",
  "tax_officer",
];

/** Identity (ID number, name, gender, birth date): every department's officers need it to serve a person. */
export const IDENTITY_READERS: readonly Role[] = [...PERSONAL_DATA_READERS, "citizen"];

/** Labor's own records of a person (residence, jobs, unemployment, assistance, retirement). */
export const LABOR_RECORD_READERS: readonly Role[] = ["window_clerk", "labor_officer", "citizen"];

/** The list of citizens: readers of identity, and analysts for its `totalCount` (its nodes are refused them). */
export const CITIZEN_LIST_READERS: readonly Role[] = [...PERSONAL_DATA_READERS, "analyst"];

/** An employer's registration beyond its public name and credit code. */
export const EMPLOYER_READERS: readonly Role[] = ["window_clerk", "labor_officer", "insurance_officer", "tax_officer"];

/**
 * Who looks an employer up by credit code: the readers of its registration, and analysts, who
 * then see only what is public (name, credit code, postings) and the counts of its cases.
 */
export const EMPLOYER_FINDERS: readonly Role[] = [...EMPLOYER_READERS, "analyst"];

/**
 * An employer's inspection and mediation cases (kept from the service hall's events): the labor
 * officer; analysts the inspections (no person in them) and the disputes' `totalCount` only (a
 * dispute names its worker: read with a purpose, audited).
 */
export const EMPLOYER_CASE_READERS: readonly Role[] = ["labor_officer", "analyst"];

/** Every labor mutation. */
export const LABOR_WRITERS: readonly Role[] = ["labor_officer"];

/**
 * Who changes the department's rule tables (statutory retirement ages). Labor security has no
 * administrator role of its own in the security model, so it is the labor officer, and every
 * change is a mutation on the audit trail with the notice it cites.
 */
export const LABOR_RULE_ADMINS: readonly Role[] = ["labor_officer"];

/** Employment aid (送岗位): job-seeker profiles, referrals and their outcomes are kept at the window and by the officers. */
export const EMPLOYMENT_AID_WRITERS: readonly Role[] = ["window_clerk", "labor_officer"];

/** Referral statistics: counts with no person in them, so analysts too. */
export const REFERRAL_STATS_READERS: readonly Role[] = ["window_clerk", "labor_officer", "analyst"];
/** Who claims unemployment benefit for a person: the labor officer, and the window clerk who takes the claim. */
export const BENEFIT_CLAIMERS: readonly Role[] = ["window_clerk", "labor_officer"];

/** Who runs the monthly benefit payments. */
export const BENEFIT_RUNNERS: readonly Role[] = ["labor_officer"];

/** The list of a month's benefit payments: the labor officer; analysts its `totalCount` only. */
export const BENEFIT_PAYMENT_READERS: readonly Role[] = ["labor_officer", "analyst"];

/** Who sets the monthly benefit level from a provincial notice (audited). */
export const BENEFIT_LEVEL_SETTERS: readonly Role[] = ["admin", "labor_officer"];

/** Who opens relief campaigns, flags hardship and grants relief. */
export const RELIEF_WRITERS: readonly Role[] = ["labor_officer"];

/** Who reads relief campaigns and totals (no person in them): officers, clerks and analysts. */
export const RELIEF_TOTAL_READERS: readonly Role[] = ["window_clerk", "labor_officer", "analyst"];

/** The outreach list of a community (送政策/民情直通车): clerks and officers; analysts its `totalCount` only. */
export const OUTREACH_LIST_READERS: readonly Role[] = ["window_clerk", "labor_officer", "analyst"];
