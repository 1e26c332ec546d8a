import type { GraphQLResolveInfo } from "graphql";
import type { Role } from "@onewindow/contracts";
import { maskIdNumber, type RequestContext } from "@onewindow/platform";

/*
 * Who may do what at the service hall. `@Authorized` on each root field and on `Citizen.cases`
 * names the roles; the resolvers then call `ctx.access.read` for the cases they return, which
 * limits a `citizen` to their own, demands a purpose and records the read for the audit trail.
 * Fields without `@Authorized` are public: the guide, the queue screen and the ticket machine
 * (PUBLIC_ROOT_FIELDS; schema.test.ts fails for any other root field left unannotated).
 */

/**
 * Who may read persons' data held here at all (`personalDataReaders`): the window clerk, and the
 * labor officer for the parties of the inspection and mediation cases they handle (the fields
 * that name a person still say which roles reach them: `Citizen.cases` is the clerk's and the
 * citizen's only).
 */
export const PERSONAL_DATA_READERS: readonly Role[] = ["window_clerk", "labor_officer"];

/** Labor inspection and dispute mediation cases: the labor officer, and the clerk at a centre or station window. */
export const DISPUTE_WRITERS: readonly Role[] = ["window_clerk", "labor_officer"];

/**
 * The inspection and mediation case lists: their writers, and analysts, who see the rows (an
 * employer's credit code, dates, status, claim) but never the persons (`worker`, `complainant`).
 */
export const DISPUTE_READERS: readonly Role[] = ["window_clerk", "labor_officer", "analyst"];

/** Who works the windows: the queue, cases and the rectification ledger. */
export const HALL_WRITERS: readonly Role[] = ["window_clerk"];

/** A person's cases: the window clerk, and the citizen (their own, checked by `ctx.access`). */
export const CASE_READERS: readonly Role[] = ["window_clerk", "citizen"];

/**
 * Aggregates (KPIs, the rectification ledger and its counts): the clerk and analysts. The
 * ledger names windows and problems, never a person.
 */
export const AGGREGATE_READERS: readonly Role[] = ["window_clerk", "analyst"];

/**
 * The overdue list, a manager's dashboard: the clerk sees the persons; an analyst sees the same
 * rows with every ID number masked (see {@link shownIdNumber}), which are not personal reads.
 */
export const OVERDUE_READERS: readonly Role[] = ["window_clerk", "analyst"];

/**
 * Evaluations: the satisfaction evaluator at the window runs under the window clerk's session
 * (DEVICE and FORM are entered there), and a signed-in citizen rates their own case (ONLINE).
 * No anonymous channel: every UNSATISFIED rating opens a rectification item with a deadline, so
 * an anonymous endpoint would let anyone fill the ledger.
 */
export const EVALUATORS: readonly Role[] = ["window_clerk", "citizen"];

/**
 * The holiday schedules (rules the State Council changes by notice each year): the administrator
 * alone, never a clerk whose deadlines they move.
 */
export const CALENDAR_ADMINS: readonly Role[] = ["admin"];

/**
 * The hall's own rules kept as data (a centre's recall window, the appointment schedules): the
 * administrator, as for the holiday schedules.
 */
export const HALL_SETTING_ADMINS: readonly Role[] = ["admin"];

/**
 * Appointments: a citizen books, cancels and checks in their own (checked in the resolver); a
 * window clerk does so for anyone, with a purpose. Analysts get the counts (AGGREGATE_READERS).
 */
export const APPOINTMENT_HOLDERS: readonly Role[] = ["window_clerk", "citizen"];

/**
 * Window staff records (who works where, Party membership, commitments): the administrator
 * writes them, as the other rules kept as data.
 */
export const STAFF_ADMINS: readonly Role[] = ["admin"];

/** A staff member's whole record and their commitments ledger with its reviews: the administrator and analysts. */
export const STAFF_READERS: readonly Role[] = ["admin", "analyst"];

/** A staff member's figures and the month's service stars: the clerks, analysts and the administrator. */
export const STAFF_KPI_READERS: readonly Role[] = ["window_clerk", "analyst", "admin"];

/** The root fields anyone may use without signing in; every other root field carries `@Authorized`. */
export const PUBLIC_ROOT_FIELDS: readonly string[] = [
  "Query.serviceItems",
  "Query.queueBoard",
  // The centres with their recall windows, and the free places of the appointment slots: posted in the hall.
  "Query.hallCentres",
  "Query.appointmentSlots",
  // The signs on the windows (亮身份、亮职责、亮承诺): name, window, badges, duties, commitments.
  "Query.staffBadges",
  "Mutation.takeQueueTicket",
  // The published holiday calendar, and the deadline the guide promises for an item.
  "Query.workingCalendar",
  "Query.deadline",
  // Federation's own: the gateway reads the SDL, and `_entities` guards every entity it resolves
  // (Citizen by the shared helper, Case by caseReference).
  "Query._service",
  "Query._entities",
];

/**
 * The ID number as this caller may see it: in full for a reader or the person themselves,
 * masked (`330102********1234`) for everyone else who reaches the row (an analyst's list).
 */
export function shownIdNumber(ctx: RequestContext, idNumber: string): string {
  return ctx.access.maySee(idNumber) ? idNumber : maskIdNumber(idNumber);
}

/**
 * Checks and records the read of the page of cases of `idNumbers` (its edges, cursors, pageInfo
 * and the case fields selected); rows the caller may not see unmasked are left out (they are
 * not personal reads: their ID numbers come masked, their cursors are sealed offsets). Callers
 * that may only see their own cases are refused by `ctx.access` itself for any other row, so
 * call this only where masking is the rule (the overdue list).
 */
export function readShownCases(ctx: RequestContext, idNumbers: readonly string[], info: GraphQLResolveInfo): void {
  ctx.access.readPage(
    idNumbers.filter((id) => ctx.access.maySee(id)),
    info,
    "Case",
  );
}
