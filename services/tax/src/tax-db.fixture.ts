import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { type Caller } from "@onewindow/contracts";
import { sqlQueries, subgraphTables } from "@onewindow/platform";
import { openTestDatabase, runAs, type Answer } from "@onewindow/testing";
import { tax } from "./index";
import { createServices, type ServiceOptions, type Services } from "./services";

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
export async function openTestDb(label = "tax", options: ServiceOptions = {}): Promise<TestDb> {
  // Every table of the department, the audit trail included.
  const { db, service, close } = await openTestDatabase({ ...subgraphTables(tax), service: label });
  return { db, s: createServices(db, options), service, close };
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
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ message: string; extensions: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    return err as { message: string; extensions: Record<string, unknown> };
  }
  throw new Error("expected a rejection");
}

/** Runs `source` through the department's schema as `caller` (anonymous: `{}`); see `runAs`. */
export const run = (
  schema: GraphQLSchema,
  db: DataSource,
  caller: Partial<Caller>,
  source: string,
  variableValues?: Record<string, unknown>,
): Promise<Answer> => runAs(tax, schema, db, caller, source, variableValues);

export { allowed, auditRows, refusedWith, type Answer } from "@onewindow/testing";
