import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { GraphQLError } from "graphql";
import { aliasCount, assertAliasesWithin } from "./alias.limit";
import { operationOf } from "./limits.fixture";

const aliases = (query: string, name?: string) => {
  const { operation, fragments } = operationOf(query, name);
  return aliasCount(operation, fragments);
};

const many = (n: number, field = "hospitals { name }") =>
  Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ");

test("counts every aliased field, at any depth, and nothing else", () => {
  assert.equal(aliases("{ hospitals { name } }"), 0);
  assert.equal(aliases(`{ ${many(31)} }`), 31);
  assert.equal(aliases("{ h: hospitals { n: name code } citizen(idNumber: 1) { ... on Citizen { x: name } } }"), 3);
  assert.equal(aliases(`query A { ${many(5)} } query B { hospitals { name } }`, "B"), 0);
});

test("a fragment's aliases count wherever it is spread, once per selection set", () => {
  const fragment = "fragment F on Citizen { a: name b: name }";
  assert.equal(aliases(`{ citizen(idNumber: 1) { ...F friends { ...F } } } ${fragment}`), 4);
  // Spread twice into one selection set, it merges into one result.
  assert.equal(aliases(`{ citizen(idNumber: 1) { ...F ...F } } ${fragment}`), 2);
});

test("a fragment cycle does not hang the count", () => {
  assert.equal(aliases("{ citizen(idNumber: 1) { ...A } } fragment A on Citizen { x: friends { ...A } }"), 1);
});

test("over the limit is TOO_MANY_ALIASES with HTTP 400", () => {
  assert.doesNotThrow(() => assertAliasesWithin(30, 30));
  assert.throws(
    () => assertAliasesWithin(31, 30),
    (err: unknown) =>
      err instanceof GraphQLError &&
      /31 aliases, more than the limit of 30/.test(err.message) &&
      err.extensions.code === "TOO_MANY_ALIASES" &&
      (err.extensions.http as { status: number }).status === 400,
  );
});
