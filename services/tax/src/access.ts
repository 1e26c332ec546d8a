import type { Role } from "@onewindow/contracts";

/*
 * Who may read and write what in tax. `@Authorized` on each field names the roles;
 * `ctx.access.read` (`_entities`, mutations) then limits a `citizen` to their own records,
 * demands a purpose and records the read. Nothing here is public but the employer's credit
 * code, the key that the gateway hops on.
 */

/** Roles that may read the personal data held here at all (the subgraph definition's `personalDataReaders`). */
export const PERSONAL_DATA_READERS: readonly Role[] = ["window_clerk", "tax_officer"];

/** A person's returns and yearly tax position: the clerk, the tax officer and the person. */
export const TAX_RECORD_READERS: readonly Role[] = [...PERSONAL_DATA_READERS, "citizen"];

/** An employer's withholding returns, standing and arrears (tax secrecy: not the public's). */
export const EMPLOYER_TAX_READERS: readonly Role[] = ["window_clerk", "tax_officer"];

/** Every tax mutation. */
export const TAX_WRITERS: readonly Role[] = ["tax_officer"];

/** The limits set by notice are published law: the officers and the clerks read them (and any citizen, about their own return). */
export const TAX_LIMIT_READERS: readonly Role[] = ["window_clerk", "tax_officer", "citizen"];

/** Changing a limit is the tax administration's act, after a notice. */
export const TAX_LIMIT_WRITERS: readonly Role[] = ["tax_officer"];
