import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { getIntrospectionQuery, GraphQLError } from "graphql";
import { assertCostWithin, DEFAULT_MAX_COST, queryCost, type CostOptions } from "./cost.limit";
import { operationOf, TEST_SCHEMA } from "./limits.fixture";

const cost = (query: string, options: CostOptions = {}) => {
  const { operation, fragments } = operationOf(query);
  return queryCost(operation, fragments, { schema: TEST_SCHEMA, ...options });
};

test("each field costs 1; plain objects and lists do not multiply", () => {
  assert.equal(cost("{ __typename }"), 1);
  assert.equal(cost("{ hospitals { code name } }"), 3);
  assert.equal(cost("{ citizen(idNumber: 1) { name employment { employer { name } } } }"), 5);
});

test("first/last multiply the subtree by the page size", () => {
  // 1 + 5 × (totalCount + edges (1 + node (1 + name)))
  assert.equal(cost("{ citizens(first: 5) { totalCount edges { node { name } } } }"), 1 + 5 * 4);
  assert.equal(cost("{ citizens(last: 7) { totalCount } }"), 1 + 7);
  // Nested pages multiply each other.
  assert.equal(
    cost("{ citizens(first: 10) { edges { node { insuranceClaims(first: 10) { totalCount } } } } }"),
    1 + 10 * (1 + 1 + (1 + 10 * 1)),
  );
});

test("first from a variable counts with its value; absent, a connection counts as a default page of 20", () => {
  const query = "query ($n: Int) { citizens(first: $n) { totalCount } }";
  assert.equal(cost(query, { variables: { n: 50 } }), 51);
  assert.equal(cost(query, { variables: {} }), 21);
  assert.equal(cost(query, { variables: { n: "lots" } }), 21);
  assert.equal(cost("{ citizens { totalCount } }"), 21);
  assert.equal(cost("{ citizens { totalCount } }", { defaultPageSize: 10 }), 11);
  // Without a schema only explicit page arguments multiply.
  assert.equal(cost("{ citizens { totalCount } }", { schema: undefined }), 2);
});

test("page sizes are capped where the departments cap them, and 0 still counts once", () => {
  assert.equal(cost("{ citizens(first: 1000000) { totalCount } }"), 1 + 100);
  assert.equal(cost("{ citizens(first: 1000000) { totalCount } }", { maxPageSize: 500 }), 1 + 500);
  assert.equal(cost("{ citizens(first: 0) { totalCount } }"), 2);
  assert.equal(cost("{ citizens(first: -5) { totalCount } }"), 2);
});

test("fragments are expanded where they are spread; cycles and bombs neither hang nor undercount", () => {
  const fragment = "fragment C on Citizen { name employment { position } }";
  assert.equal(cost(`{ citizens(first: 10) { edges { node { ...C } } } } ${fragment}`), 1 + 10 * (1 + 1 + 3));
  assert.equal(cost(`{ citizen(idNumber: 1) { ... on Citizen { ...C } } } ${fragment}`), 1 + 3);
  assert.equal(cost("{ citizen(idNumber: 1) { ...A } } fragment A on Citizen { friends { ...A } }"), 2);
  let bomb = "{ citizens(first: 100) { edges { node { ...F0 } } } }";
  for (let i = 0; i < 40; i++)
    bomb += ` fragment F${i} on Citizen { friends { ...F${i + 1} } f: friends { ...F${i + 1} } }`;
  bomb += " fragment F40 on Citizen { name }";
  // An exponential walk (2^40 steps) would never return; no clock is needed to tell.
  assert.ok(cost(bomb) > 2 ** 40);
});

test("a fragment on a connection type counts the connection's own fields once, the page multiplies at the field", () => {
  assert.equal(
    cost("{ citizens(first: 3) { ...P } } fragment P on CitizenConnection { totalCount edges { cursor } }"),
    1 + 3 * 3,
  );
});

test("the introspection query GraphiQL sends costs far below the default limit", () => {
  const introspection = cost(
    getIntrospectionQuery({
      descriptions: true,
      inputValueDeprecation: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
    }),
  );
  assert.ok(introspection < DEFAULT_MAX_COST / 10, `introspection costs ${introspection}`);
});

test("over the limit is QUERY_TOO_COSTLY with HTTP 400 and advice", () => {
  assert.doesNotThrow(() => assertCostWithin(5000, 5000));
  assert.throws(
    () => assertCostWithin(12001, 5000),
    (err: unknown) =>
      err instanceof GraphQLError &&
      /^estimated query cost 12001 exceeds the limit of 5000; ask for smaller pages/.test(err.message) &&
      err.extensions.code === "QUERY_TOO_COSTLY" &&
      (err.extensions.http as { status: number }).status === 400,
  );
  assert.throws(() => assertCostWithin(Infinity, 5000), /cost beyond counting exceeds/);
});
