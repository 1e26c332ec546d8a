import type { Role } from "@onewindow/contracts";

/*
 * Who may read and write what in labor security. `@Authorized` on each field names the roles;
 * `ctx.access.read` (root fields, `_entities`) then limits a `citizen` to their own records,
 * demands a purpose and records the read. Fields without `@Authorized` are public: the job
 * board, and an employer's credit code and name (both on the public business licence) and
 * its postings.
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
