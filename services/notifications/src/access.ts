import type { Role } from "@onewindow/contracts";

/*
 * Who may read and write what in notifications. `@Authorized` on each field names the roles;
 * `ctx.access` (`_entities`, mutations) then limits a `citizen` to their own records, demands a
 * purpose and records the read. A person's numbers, consents and messages are personal data.
 */

/** Roles that may read any person's contact channels, consents and messages (the subgraph's `personalDataReaders`). */
export const PERSONAL_DATA_READERS: readonly Role[] = ["window_clerk"];

/** A person's channels, consents and messages: the window clerk, and the person (their own). */
export const CONTACT_READERS: readonly Role[] = [...PERSONAL_DATA_READERS, "citizen"];

/**
 * Recording a number, an address or a consent, and opting out: the clerk for a person at the
 * window (with a purpose), or the citizen for themselves (checked in the resolver).
 */
export const CONTACT_WRITERS: readonly Role[] = ["window_clerk", "citizen"];

/** The templates' wording is the administration's to set; clerks and officers read it to know what goes out. */
export const TEMPLATE_READERS: readonly Role[] = ["admin", "window_clerk", "labor_officer"];

/** Changing a template's wording (a notice changes what is said): the administrator. */
export const TEMPLATE_WRITERS: readonly Role[] = ["admin"];

/**
 * A broadcast (job fairs, training, policy news) to those who consented to news in a community or
 * an assistance group: the labor officers who run the street's employment services. It names no
 * person and reads nobody's data; the answer is a count.
 */
export const BROADCASTERS: readonly Role[] = ["labor_officer"];
