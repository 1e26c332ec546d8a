import assert from "node:assert/strict";
import {
  execute,
  getOperationAST,
  parse,
  validate,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from "graphql";
import type { DataSource } from "typeorm";
import type { Caller, Role } from "@onewindow/contracts";
import {
  actRecords,
  AuditEntry,
  localContext,
  rootActs,
  writeWithoutPurpose,
  type RequestContext,
} from "@onewindow/platform";

/*
 * Test support for the departments' rule tests: a request through a department's schema as a
 * given caller, in-process, with the reads written to the audit trail as the server would.
 */

/** What one in-process request answered, and its context (for the reads it recorded). */
export interface Answer {
  data: Record<string, any> | null;
  errors: { message: string; code: unknown; path: readonly (string | number)[] | undefined }[];
  ctx: RequestContext;
}

/**
 * Runs `source` as `caller` (anonymous: `{}`), then writes the request's acts to the audit trail
 * as the subgraph server's audit plugin does before a response leaves: its reads, each mutation,
 * each refusal (here without the plugin's tally of repeats), and refuses a write that names a
 * person without a purpose before it runs.
 */
export async function runAs(
  department: { name: string; personalDataReaders: readonly Role[]; selfServiceActs?: readonly string[] },
  schema: GraphQLSchema,
  db: DataSource,
  caller: Partial<Caller>,
  source: string,
  variableValues?: Record<string, unknown>,
): Promise<Answer> {
  const ctx = localContext(department.name, department.personalDataReaders, db, caller);
  const document = parse(source);
  const invalid = validate(schema, document);
  const operation = getOperationAST(document);
  let result: ExecutionResult = { errors: invalid };
  if (invalid.length === 0 && operation) {
    const fragments = Object.fromEntries(
      document.definitions.flatMap((d) =>
        d.kind === "FragmentDefinition" ? [[d.name.value, d as FragmentDefinitionNode]] : [],
      ),
    );
    const acts = rootActs(operation, fragments, variableValues);
    const refused = writeWithoutPurpose(ctx, operation, acts, new Set(department.selfServiceActs));
    result = refused ? { errors: [refused] } : await execute({ schema, document, variableValues, contextValue: ctx });
    await ctx.trail.append(
      actRecords(ctx, department.name, operation, acts, result.errors ?? [], ctx.access.records()),
    );
  }
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
