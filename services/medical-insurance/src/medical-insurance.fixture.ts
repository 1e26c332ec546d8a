import assert from "node:assert/strict";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { type Caller } from "@onewindow/contracts";
import { OutboxEvent, makeCreditCode, makeIdNumber, sqlQueries, subgraphTables } from "@onewindow/platform";
import { openTestDatabase, runAs, type Answer } from "@onewindow/testing";
import { Claim } from "./claim/claim.entity";
import { Enrolment } from "./enrolment/enrolment.entity";
import { medicalInsurance } from "./index";
import { createServices, type ServiceOptions, type Services } from "./services";

/**
 * Test helpers (not a test file: the name keeps `node --test` from running it). Every test opens
 * its own database, so tests do not depend on each other or on their order.
 */

/** Runs `fn` with the department's services over a fresh database (see `openTestDatabase`), and closes it afterwards. */
export async function withServices(
  fn: (s: Services, db: DataSource) => Promise<void>,
  options: ServiceOptions = {},
): Promise<void> {
  // Every table of the department, the audit trail included.
  const { db, close } = await openTestDatabase(subgraphTables(medicalInsurance));
  try {
    await fn(createServices(db, options), db);
  } finally {
    await close();
  }
}

/** A valid resident ID number (Hangzhou Xihu district, born 1985), distinct per `n` below 1000. */
export const person = (n: number) => makeIdNumber("330106", "1985-06-15", n);

/** A valid unified social credit code, distinct per `n`. */
export const company = (n: number) => makeCreditCode("330106", 10_000 + n);

/** Asserts that `promise` rejects with a GraphQL error carrying `code`. */
export async function rejectsWithCode(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (err: { extensions?: { code?: string }; message: string }) => {
    assert.equal(err.extensions?.code, code, `expected ${code}, got ${err.extensions?.code}: ${err.message}`);
    if (message) assert.match(err.message, message);
    return true;
  });
}

/** Rows in the department's tables, to prove a rejected input wrote nothing. */
export async function rowCounts(db: DataSource) {
  return {
    enrolments: await db.getRepository(Enrolment).count(),
    claims: await db.getRepository(Claim).count(),
    outbox: await db.getRepository(OutboxEvent).count(),
  };
}

/** SQL statements this service has sent so far (the counter the data source's logger bumps). */
export async function statementCount(): Promise<number> {
  const metric = await sqlQueries.get();
  return metric.values
    .filter((v) => String(v.labels.service).startsWith("medical-insurance"))
    .reduce((sum, v) => sum + v.value, 0);
}

/** Statements `fn` sends. */
export async function statementsOf(fn: () => Promise<unknown>): Promise<number> {
  const before = await statementCount();
  await fn();
  return (await statementCount()) - before;
}

/** Runs `source` through the department's schema as `caller` (anonymous: `{}`); see `runAs`. */
export const run = (
  schema: GraphQLSchema,
  db: DataSource,
  caller: Partial<Caller>,
  source: string,
  variableValues?: Record<string, unknown>,
): Promise<Answer> => runAs(medicalInsurance, schema, db, caller, source, variableValues);

export { allowed, auditRows, refusedWith, type Answer } from "@onewindow/testing";
