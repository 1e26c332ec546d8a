import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { getIntrospectionQuery, GraphQLError } from "graphql";
import { assertDepthWithin, DEFAULT_MAX_DEPTH, queryDepth } from "./depth.limit";
import { nested, operationOf } from "./limits.fixture";

const depth = (query: string, name?: string) => {
  const { operation, fragments } = operationOf(query, name);
  return queryDepth(operation, fragments);
};

test("a root field is depth 1 and each nested selection one more", () => {
  assert.equal(depth("{ hospitals { name } }"), 2);
  assert.equal(depth("{ __typename }"), 1);
  assert.equal(depth("{ citizen(idNumber: 1) { employment { employer { name } } } }"), 4);
  assert.equal(depth(nested(15)), 15);
  // The deepest branch counts, not the sum.
  assert.equal(depth("{ hospitals { name } citizen(idNumber: 1) { employment { position } } }"), 3);
});

test("fragments, inline or spread, add no level of their own", () => {
  assert.equal(
    depth(
      "{ citizen(idNumber: 1) { ... on Citizen { employment { ...E } } } } fragment E on Employment { employer { name } }",
    ),
    4,
  );
  assert.equal(
    depth("query A { hospitals { name } } query B { citizen(idNumber: 1) { employment { position } } }", "B"),
    3,
  );
  assert.equal(
    depth("query A { hospitals { name } } query B { citizen(idNumber: 1) { employment { position } } }", "A"),
    2,
  );
});

test("a fragment cycle (refused by validation anyway) does not hang the walk", () => {
  const cyclic =
    "{ citizen(idNumber: 1) { ...A } } fragment A on Citizen { friends { ...B } } fragment B on Citizen { friends { ...A } }";
  assert.equal(depth(cyclic), 3);
  assert.equal(depth("{ ...Self } fragment Self on Query { citizen(idNumber: 1) { ...Self } }"), 1);
  assert.equal(depth("{ ...Missing }"), 0);
});

// An exponential walk of this bomb (2^60 steps) would never return; no clock is needed to tell.
test("a fragment bomb (each fragment spreading the next twice) is measured in linear time", () => {
  let query = "{ citizen(idNumber: 1) { ...F0 } }";
  for (let i = 0; i < 60; i++)
    query += ` fragment F${i} on Citizen { friends { ...F${i + 1} } f: friends { ...F${i + 1} } }`;
  query += " fragment F60 on Citizen { name }";
  assert.equal(depth(query), 62);
});

test("introspection subtrees are not counted, so GraphiQL's introspection query passes", () => {
  assert.equal(
    depth(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true })),
    0,
  );
  assert.equal(
    depth('{ __type(name: "Citizen") { fields { type { ofType { ofType { name } } } } } hospitals { name } }'),
    2,
  );
});

test("over the limit is QUERY_TOO_DEEP with both numbers and HTTP 400", () => {
  assert.doesNotThrow(() => assertDepthWithin(DEFAULT_MAX_DEPTH, DEFAULT_MAX_DEPTH));
  assert.throws(
    () => assertDepthWithin(15, 12),
    (err: unknown) =>
      err instanceof GraphQLError &&
      err.message === "query depth 15 exceeds the limit of 12" &&
      err.extensions.code === "QUERY_TOO_DEEP" &&
      (err.extensions.http as { status: number }).status === 400,
  );
});
