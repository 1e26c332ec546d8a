import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { type Caller } from "@onewindow/contracts";
import { makeCreditCode, makeIdNumber, subgraphTables, type Clock } from "@onewindow/platform";
import { openTestDatabase, runAs, type Answer } from "@onewindow/testing";
import { laborSecurity } from "./index";
import { createServices, type ServiceOptions, type Services } from "./services";

/*
 * Test support (not a test file: the name keeps `node --test` from running it). Every test opens
 * its own database, so tests do not depend on each other or on their order.
 */

/** A valid resident ID number (Hangzhou Shangcheng district, born 1975), distinct per `n` below 1000. */
export const person = (n: number) => makeIdNumber("330102", "1975-03-07", n);

/** A valid unified social credit code, distinct per `n`. */
export const company = (n: number) => makeCreditCode("330102", 20_000 + n);

/**
 * The department's services and schema over a fresh database with every table (audit trail
 * included). `options.clock` pins "today" (see {@link fixedClock}).
 */
export async function withLabor(
  fn: (s: Services, schema: GraphQLSchema, db: DataSource) => Promise<void>,
  options: ServiceOptions = {},
): Promise<void> {
  const { db, close } = await openTestDatabase(subgraphTables(laborSecurity));
  try {
    const s = createServices(db, options);
    await fn(s, await laborSecurity.buildSchema(s), db);
  } finally {
    await close();
  }
}

/** Runs `source` through the department's schema as `caller` (anonymous: `{}`); see `runAs`. */
export const run = (
  schema: GraphQLSchema,
  db: DataSource,
  caller: Partial<Caller>,
  source: string,
  variableValues?: Record<string, unknown>,
): Promise<Answer> => runAs(laborSecurity, schema, db, caller, source, variableValues);

export { allowed, auditRows, refusedWith, type Answer } from "@onewindow/testing";

/** A clock stopped at noon (Beijing time) of `day`, so that "today" is `day` in any time zone setting near it. */
export const fixedClock =
  (day: string): Clock =>
  () =>
    new Date(`${day}T04:00:00.000Z`);
