import assert from "node:assert/strict";
import { graphql, type GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { AuditEntry, localContext, openTestDatabase, sqlQueries, subgraphTables, type Caller, type RequestContext } from "@onewindow/shared";
import { tax } from "./index";
import { createServices, type Services } from "./services";

/** A test's own database and the department's services over it. */
export interface TestDb {
  db: DataSource;
  s: Services;
  /** The label of the SQL statement counter for this database. */
  service: string;
  /** Closes the database (and drops it on PostgreSQL). */
  close(): Promise<void>;
}

/**
 * Test support (not a test): a fresh database with the real migrations, so each test owns
 * its data (see `openTestDatabase`). `label` names the statement counter, so a test that counts
 * statements is not disturbed by other data sources.
 */
export async function openTestDb(label = "tax"): Promise<TestDb> {
  // Every table of the department, the audit trail included.
  const { db, service, close } = await openTestDatabase({ ...subgraphTables(tax), service: label });
  return { db, s: createServices(db), service, close };
}

/** Rows in every table the department writes, the outbox included. */
export async function rowCounts(db: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ["tax_return", "withholding_return", "pension_income", "outbox_event"]) {
    const [row] = await db.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}

/** SQL statements sent so far by data sources labelled `service`. */
export async function statementsSent(service: string): Promise<number> {
  return (await sqlQueries.get()).values.find((v) => v.labels.service === service)?.value ?? 0;
}

/** Runs `fn` and returns how many SQL statements it sent. */
export async function countStatements(service: string, fn: () => Promise<unknown>): Promise<number> {
  const before = await statementsSent(service);
  await fn();
  return (await statementsSent(service)) - before;
}

/** Resolves with the error `promise` rejects with, or fails when it fulfils. */
export async function rejection(promise: Promise<unknown>): Promise<{ message: string; extensions: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    return err as { message: string; extensions: Record<string, unknown> };
  }
  throw new Error("expected a rejection");
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
  const ctx = localContext(tax.name, tax.personalDataReaders, db, caller);
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

