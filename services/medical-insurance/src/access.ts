import type { Role } from "@onewindow/contracts";

/*
 * Who may read and write what in medical insurance. `@Authorized` on each field names the roles;
 * `ctx.access.read` (`_entities`, mutations) then limits a `citizen` to their own records,
 * demands a purpose and records the read. Nothing here is public but the keys that the gateway
 * hops on (an employer's credit code, a hospital's code).
 */

/** Roles that may read the personal data held here at all (the subgraph definition's `personalDataReaders`). */
export const PERSONAL_DATA_READERS: readonly Role[] = ["window_clerk", "insurance_officer"];

/** A person's enrolment and claims: the clerk, the insurance officer and the person. */
export const INSURANCE_RECORD_READERS: readonly Role[] = [...PERSONAL_DATA_READERS, "citizen"];

/** An employer's insured employees and contributions. */
export const EMPLOYER_INSURANCE_READERS: readonly Role[] = ["window_clerk", "insurance_officer"];

/** Every medical-insurance mutation. */
export const INSURANCE_WRITERS: readonly Role[] = ["insurance_officer"];
