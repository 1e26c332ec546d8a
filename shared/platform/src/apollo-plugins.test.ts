import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { GraphQLError } from "graphql";
import { formatErrorFor, OperationLabels } from "./apollo-plugins";
import type { Logger } from "./logger";

function formatter() {
  const logged: unknown[] = [];
  const logger = { error: (obj: unknown) => logged.push(obj) } as unknown as Logger;
  return { format: formatErrorFor(logger), logged };
}

const formatted = (error: GraphQLError, code = (error.extensions.code as string) ?? "INTERNAL_SERVER_ERROR") => ({
  message: error.message,
  path: error.path,
  extensions: { ...error.extensions, code, stacktrace: ["Error: x", "    at f (/work/x.ts:1:2)"] },
});

test("a deliberate error keeps its message and code, without a stack trace", () => {
  const { format, logged } = formatter();
  const error = new GraphQLError("idNumber: check character should be 7", { extensions: { code: "BAD_USER_INPUT" } });
  assert.deepEqual(format(formatted(error), error), {
    message: error.message,
    path: undefined,
    extensions: { code: "BAD_USER_INPUT" },
  });
  assert.equal(logged.length, 0);
});

test("an unexpected error in a resolver is masked and logged", () => {
  const { format, logged } = formatter();
  const sql = new Error('QueryFailedError: SELECT * FROM "citizen" WHERE ...');
  const error = new GraphQLError(sql.message, { path: ["citizen"], originalError: sql });
  const out = format(formatted(error), error);
  assert.deepEqual(out, {
    message: "Internal error; the incident has been logged",
    path: ["citizen"],
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  });
  assert.equal(logged.length, 1);
});

test("an unexpected error thrown outside any resolver (wrapped by Apollo, no code, no path) is masked too", () => {
  const { format } = formatter();
  const cause = new TypeError("Cannot read properties of undefined (reading 'rows')");
  const error = new GraphQLError(cause.message, { originalError: cause });
  assert.equal(format(formatted(error), error).message, "Internal error; the incident has been logged");
});

test("Apollo's refusals of a malformed request with HTTP 400 and no code are BAD_REQUEST", () => {
  const { format, logged } = formatter();
  const error = new GraphQLError("provided sha does not match query", { extensions: { http: { status: 400 } } });
  const out = format(formatted(error), error);
  assert.equal(out.extensions?.code, "BAD_REQUEST");
  assert.equal(out.message, "provided sha does not match query");
  assert.equal(logged.length, 0);
});

test("operation labels: known names from the start, an authenticated caller's up to a bound, everything else `other`", () => {
  const labels = new OperationLabels(["HallKpis"], 2);
  assert.equal(labels.label("HallKpis", false), "HallKpis");
  assert.equal(
    labels.label("HallKpis__service_hall__0", false),
    "HallKpis",
    "a department labels the planner's name as the client's",
  );
  assert.equal(labels.label(undefined, false), "anonymous");
  assert.equal(labels.label("x".repeat(90_000), false), "other");
  assert.equal(labels.label("Mine", false), "other", "anonymous callers never add a label");
  assert.equal(labels.label("Mine", true), "Mine");
  assert.equal(labels.label("Mine", false), "Mine", "once learned it is a label for everyone");
  assert.equal(labels.label("x".repeat(101), true), "other", "not a plausible name");
  assert.equal(labels.label("Second", true), "Second");
  assert.equal(labels.label("Third", true), "other", "the bound is reached");
});

test("production errors: no name suggestions and no department response details", () => {
  const logger = { error: () => undefined } as unknown as Logger;
  const suggestion = new GraphQLError(
    'Cannot query field "citizn" on type "Query". Did you mean "citizen" or "citizens"?',
    { extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
  );
  const downstream = new GraphQLError("the department failed", {
    extensions: { code: "BAD_USER_INPUT", response: { url: "http://10.0.0.5:4001/graphql", status: 500, body: "..." } },
  });
  const production = formatErrorFor(logger, true);
  assert.equal(production(formatted(suggestion), suggestion).message, 'Cannot query field "citizn" on type "Query".');
  assert.deepEqual(production(formatted(downstream), downstream).extensions, { code: "BAD_USER_INPUT" });
  const development = formatErrorFor(logger);
  assert.match(development(formatted(suggestion), suggestion).message, /Did you mean "citizen"/);
  assert.ok(development(formatted(downstream), downstream).extensions?.response);
});
