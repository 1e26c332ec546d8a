import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import type { Caller } from "@onewindow/contracts";
import { localContext, subgraphTables, type RequestContext, type SubgraphDefinition } from "@onewindow/platform";
import { afterThisTest } from "./cleanup";
import { runAs, type Answer } from "./rule-testing";
import { openTestDatabase } from "./test-database";

/**
 * A department as its tests open it: its `SubgraphDefinition`, whose `createServices` takes the
 * options its services take (a clock, ...). Each department's `src/index.ts` declares its
 * definition with `satisfies SubgraphDefinition<Services>`, which keeps that second parameter.
 */
export type Department<S, O> = SubgraphDefinition<S> & {
  createServices(db: DataSource, options?: O): S;
};

/** A department over a test's own database. */
export interface DepartmentDatabase<S> {
  db: DataSource;
  /** Its services, made with the options given (`createServices`). */
  services: S;
  /** Its GraphQL schema over those services. */
  schema: GraphQLSchema;
  /** The label of the database's SQL statement counter (see {@link countStatements}). */
  service: string;
  /** Runs `source` through the schema as `caller` (anonymous: `{}`), with the audit the server writes; see {@link runAs}. */
  run(caller: Partial<Caller>, source: string, variableValues?: Record<string, unknown>): Promise<Answer>;
  /** A request context as `caller` (anonymous: `{}`), as the subgraph server builds one: for `graphql()` with the schema. */
  context(caller?: Partial<Caller>): RequestContext;
  /** Closes the database (and drops it on PostgreSQL); done for you after the test. */
  close(): Promise<void>;
}

/**
 * A department's services and schema over a fresh database with every one of its tables (its
 * migrations, and the shared outbox, inbox and audit trail): in-memory SQLite, or a throw-away
 * PostgreSQL database with `DATABASE_URL` (see {@link openTestDatabase}). `options` go to its
 * services (`{ clock: fixedClock("2026-11-20") }`). It is closed when the test ends (opened in a
 * `beforeAll`: when the file's tests end), passed or failed.
 */
export async function openDepartmentDatabase<S, O>(
  definition: Department<S, O>,
  options?: O,
): Promise<DepartmentDatabase<S>> {
  const { db, service, close } = await openTestDatabase(subgraphTables(definition as SubgraphDefinition<unknown>));
  afterThisTest(close);
  const services = definition.createServices(db, options);
  const schema = await definition.buildSchema(services);
  return {
    db,
    services,
    schema,
    service,
    run: (caller, source, variableValues) => runAs(definition, schema, db, caller, source, variableValues),
    context: (caller = {}) => localContext(definition.name, definition.personalDataReaders, db, caller),
    close,
  };
}
