import assert from "node:assert/strict";
import { graphql, type GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import {
  AuditEntry,
  OutboxEvent,
  localContext,
  makeCreditCode,
  makeIdNumber,
  openTestDatabase,
  sqlQueries,
  subgraphTables,
  type Caller,
  type RequestContext,
} from "@onewindow/shared";
import { Claim } from "./claim/claim.entity";
import { Enrolment } from "./enrolment/enrolment.entity";
import { medicalInsurance } from "./index";
import { createServices, type Services } from "./services";

/**
 * Test helpers (not a test file: the name keeps `node --test` from running it). Every test opens
 * its own database, so tests do not depend on each other or on their order.
 */

/** Runs `fn` with the department's services over a fresh database (see `openTestDatabase`), and closes it afterwards. */
export async function withServices(fn: (s: Services, db: DataSource) => Promise<void>): Promise<void> {
  // Every table of the department, the audit trail included.
  const { db, close } = await openTestDatabase(subgraphTables(medicalInsurance));
  try {
    await fn(createServices(db), db);
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
  return metric.values.filter((v) => String(v.labels.service).startsWith("medical-insurance")).reduce((sum, v) => sum + v.value, 0);
}

/** Statements `fn` sends. */
export async function statementsOf(fn: () => Promise<unknown>): Promise<number> {
  const before = await statementCount();
  await fn();
  return (await statementCount()) - before;
}

/** What one in-process request answered, and its context (for the reads it recorded). */
export interface Answer {
  data: Record<string, any> | null;
  errors: { message: string; code: unknown; path: readonly (string | number)[] | undefined }[];
  ctx: RequestContext;
}

/**
 * Runs `source` as `caller` (anonymous: `{}`), then writes the request's reads to the audit
 * trail as the subgraph server's audit plugin does before a response leaves.
 */
export async function run(schema: GraphQLSchema, db: DataSource, caller: Partial<Caller>, source: string, variableValues?: Record<string, unknown>): Promise<Answer> {
  const ctx = localContext(medicalInsurance.name, medicalInsurance.personalDataReaders, db, caller);
  const result = await graphql({ schema, source, variableValues, contextValue: ctx });
  await ctx.trail.append(ctx.access.records());
  return {
    data: result.data ? JSON.parse(JSON.stringify(result.data)) : null,
    errors: (result.errors ?? []).map((e) => ({ message: e.message, code: e.extensions?.code, path: e.path })),
    ctx,
  };
}

/** Asserts that every error of the answer has `code` (and there is one), and returns the first message. */
export function refusedWith(answer: Answer, code: string, message?: RegExp): string {
  assert.ok(answer.errors.length > 0, `expected ${code}, got data ${JSON.stringify(answer.data)}`);
  for (const e of answer.errors) assert.equal(e.code, code, `expected ${code}, got ${String(e.code)}: ${e.message}`);
  if (message) assert.match(answer.errors[0].message, message);
  return answer.errors[0].message;
}

/** Asserts that the answer has no error and returns its data. */
export function allowed(answer: Answer): Record<string, any> {
  assert.deepEqual(answer.errors, [], JSON.stringify(answer.errors));
  return answer.data!;
}

/** The rows of the audit trail, oldest first. */
export function auditRows(db: DataSource): Promise<AuditEntry[]> {
  return db.getRepository(AuditEntry).find({ order: { id: "ASC" } });
}

