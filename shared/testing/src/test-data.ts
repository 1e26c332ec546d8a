import assert from "node:assert/strict";
import type { DataSource } from "typeorm";
import { sqlQueries, type AuditRead, type Clock } from "@onewindow/platform";

/*
 * What the departments' tests check over and over: that a refused input wrote nothing, with
 * which error it was refused, how many SQL statements a read cost, on which day "today" is.
 */

/** Rows in each of `tables` (`{ enrolment: 1, outbox_event: 1 }`): a rejected input must change none. */
export async function rowCounts(db: DataSource, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await db.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}

/** A GraphQL error as the services throw it (`OneWindowError`): a message and its `extensions`. */
export interface Rejection {
  message: string;
  extensions: Record<string, unknown>;
}

/**
 * Asserts that `act` (a promise, or a function returning one) rejects with a GraphQL error whose
 * `extensions.code` is `code` and, when given, whose `extensions.field` and `extensions.reason`
 * are `field` and `reason` and whose message matches `message`; returns the error for further
 * checks. `about` names the case in a failure (a loop's input).
 */
export async function rejectsWith(
  act: Promise<unknown> | (() => Promise<unknown>),
  code: string,
  expected: { field?: string; reason?: string; message?: RegExp; about?: string } = {},
): Promise<Rejection> {
  const about = expected.about ? `${expected.about}: ` : "";
  let error: Rejection | undefined;
  try {
    await (typeof act === "function" ? act() : act);
  } catch (e) {
    error = e as Rejection;
  }
  if (!error) assert.fail(`${about}expected a rejection with ${code}, but it fulfilled`);
  const got = error.extensions ?? {};
  assert.equal(got.code, code, `${about}expected ${code}, got ${String(got.code)}: ${error.message}`);
  if (expected.field !== undefined)
    assert.equal(got.field, expected.field, `${about}expected field ${expected.field}: ${error.message}`);
  if (expected.reason !== undefined)
    assert.equal(got.reason, expected.reason, `${about}expected reason ${expected.reason}: ${error.message}`);
  if (expected.message) assert.match(error.message, expected.message, about || undefined);
  return error;
}

/** SQL statements sent so far by the data sources labelled `service` (the counter their logger bumps). */
export async function statementsSent(service: string): Promise<number> {
  return (await sqlQueries.get()).values
    .filter((v) => v.labels.service === service)
    .reduce((sum, v) => sum + v.value, 0);
}

/** How many SQL statements the data sources labelled `service` (`DepartmentDatabase.service`) sent while `fn` ran. */
export async function countStatements(service: string, fn: () => Promise<unknown>): Promise<number> {
  const before = await statementsSent(service);
  await fn();
  return (await statementsSent(service)) - before;
}

/**
 * A clock stopped at noon, Beijing time, of `day` (`YYYY-MM-DD`): "today" is `day` for the
 * departments (which count days in Beijing) in whatever time zone the tests run.
 */
export const fixedClock =
  (day: string): Clock =>
  () =>
    new Date(`${day}T04:00:00.000Z`);

/**
 * The `n`th of a window clerk's reads of a person's name at labor security, as the audit trail's
 * tests append them (the person's ID number varies with `n`); `overrides` changes any field.
 */
export function auditRead(n: number, overrides: Partial<AuditRead> = {}): AuditRead {
  return {
    requestId: `req-${n}`,
    userId: "clerk-01",
    roles: ["window_clerk"],
    purpose: "walk-in enquiry",
    idNumber: `33010219900307${String(1000 + n).slice(-4)}`,
    department: "labor-security",
    fields: ["name"],
    ...overrides,
  };
}
