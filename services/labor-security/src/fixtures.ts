import assert from "node:assert/strict";
import { graphql, type GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { AuditEntry, localContext, makeCreditCode, makeIdNumber, openTestDatabase, subgraphTables, type Caller, type RequestContext } from "@onewindow/shared";
import { laborSecurity } from "./index";
import { createServices, type Services } from "./services";

/*
 * Test support (not a test file: the name keeps `node --test` from running it). Every test opens
 * its own database, so tests do not depend on each other or on their order.
 */

/** A valid resident ID number (Hangzhou Shangcheng district, born 1975), distinct per `n` below 1000. */
export const person = (n: number) => makeIdNumber("330102", "1975-03-07", n);

/** A valid unified social credit code, distinct per `n`. */
export const company = (n: number) => makeCreditCode("330102", 20_000 + n);

/** The department's services and schema over a fresh database with every table (audit trail included). */
export async function withLabor(fn: (s: Services, schema: GraphQLSchema, db: DataSource) => Promise<void>): Promise<void> {
  const { db, close } = await openTestDatabase(subgraphTables(laborSecurity));
  try {
    const s = createServices(db);
    await fn(s, await laborSecurity.buildSchema(s), db);
  } finally {
    await close();
  }
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
  const ctx = localContext(laborSecurity.name, laborSecurity.personalDataReaders, db, caller);
  const result = await graphql({ schema, source, variableValues, contextValue: ctx });
  await ctx.trail.append(ctx.access.records());
  return {
    data: result.data ? JSON.parse(JSON.stringify(result.data)) : null,
    errors: (result.errors ?? []).map((e) => ({ message: e.message, code: e.extensions?.code, path: e.path })),
    ctx,
  };
}

/** Asserts that the answer has exactly one kind of error, `code`, and returns its first message. */
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

