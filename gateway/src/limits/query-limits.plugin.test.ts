import { test } from "@jest/globals";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { buildASTSchema, getIntrospectionQuery, Kind, parse, type OperationDefinitionNode } from "graphql";
import { aliasCount } from "./alias.limit";
import { queryCost } from "./cost.limit";
import { queryDepth } from "./depth.limit";
import { nested, testSchema } from "./limits.fixture";
import { fragmentsOf } from "./operation-fragments";
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin } from "./query-limits.plugin";

/** An Apollo Server over the test schema with the limits plugin, counting the resolvers that ran. */
async function serverWith(limits = DEFAULT_QUERY_LIMITS) {
  const calls = { count: 0 };
  const schema = testSchema();
  const counted = (value: unknown) => () => (calls.count++, value);
  const query = schema.getQueryType()!.getFields();
  query.citizen.resolve = counted({ idNumber: "1", name: "王芳", friends: [] });
  query.hospitals.resolve = counted([{ code: "JD001", name: "建德市第一人民医院" }]);
  query.citizens.resolve = counted({ totalCount: 0, edges: [] });
  const server = new ApolloServer({
    schema,
    plugins: [queryLimitsPlugin(limits)],
    includeStacktraceInErrorResponses: false,
  });
  await server.start();
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const res = await server.executeOperation({ query, variables });
    assert.equal(res.body.kind, "single");
    const result = (
      res.body as {
        singleResult: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
      }
    ).singleResult;
    return { status: res.http.status ?? 200, ...result };
  };
  return { server, run, calls };
}

test("within every limit, the operation runs", async () => {
  const { server, run, calls } = await serverWith();
  const res = await run("{ hospitals { name } citizen(idNumber: 1) { name friends { name } } }");
  assert.equal(res.errors, undefined);
  assert.equal(res.status, 200);
  assert.ok(calls.count > 0);
  await server.stop();
});

test("each limit refuses with its own code and HTTP 400, before any resolver runs", async () => {
  const { server, run, calls } = await serverWith({ maxDepth: 12, maxAliases: 30, maxCost: 5000 });
  const cases: [string, string, RegExp, Record<string, unknown>?][] = [
    [nested(15), "QUERY_TOO_DEEP", /^query depth 15 exceeds the limit of 12$/],
    [
      `{ ${Array.from({ length: 31 }, (_, i) => `h${i}: hospitals { name }`).join(" ")} }`,
      "TOO_MANY_ALIASES",
      /31 aliases/,
    ],
    [
      "{ citizens(first: 100) { edges { node { insuranceClaims(first: 100) { totalCount } } } } }",
      "QUERY_TOO_COSTLY",
      /estimated query cost 10301 exceeds the limit of 5000/,
    ],
    [
      "query ($n: Int) { citizens(first: $n) { edges { node { insuranceClaims(first: $n) { totalCount } } } } }",
      "QUERY_TOO_COSTLY",
      /cost 10301/,
      { n: 100 },
    ],
  ];
  for (const [query, code, message, variables] of cases) {
    const res = await run(query, variables);
    assert.equal(res.status, 400, query);
    assert.equal(res.data, undefined);
    assert.equal(res.errors?.length, 1);
    assert.equal(res.errors![0].extensions?.code, code);
    assert.match(res.errors![0].message, message);
    assert.equal(res.errors![0].extensions?.http, undefined, "the status is not echoed in the body");
  }
  assert.equal(calls.count, 0);
  // The same text with small variables is cheap enough: the cost follows the variables.
  const res = await run(
    "query ($n: Int) { citizens(first: $n) { edges { node { insuranceClaims(first: $n) { totalCount } } } } }",
    { n: 10 },
  );
  assert.equal(res.errors, undefined);
  await server.stop();
});

test("limits are whatever the configuration says", async () => {
  const { server, run } = await serverWith({ maxDepth: 2, maxAliases: 0, maxCost: 3 });
  assert.equal((await run("{ hospitals { name } }")).errors, undefined);
  assert.equal(
    (await run("{ citizen(idNumber: 1) { employment { position } } }")).errors?.[0].extensions?.code,
    "QUERY_TOO_DEEP",
  );
  assert.equal((await run("{ h: hospitals { name } }")).errors?.[0].extensions?.code, "TOO_MANY_ALIASES");
  assert.equal((await run("{ hospitals { name code } __typename }")).errors?.[0].extensions?.code, "QUERY_TOO_COSTLY");
  await server.stop();
});

test("an operation that cannot run is a 400 too, not left to the gateway's executor", async () => {
  const { server, calls } = await serverWith();
  const run = async (query: string, operationName?: string, variables?: Record<string, unknown>) => {
    const res = await server.executeOperation({ query, operationName, variables });
    const result = (
      res.body as { singleResult: { errors?: { message: string; extensions?: Record<string, unknown> }[] } }
    ).singleResult;
    return { status: res.http.status, error: result.errors?.[0] };
  };
  const unknown = await run("query A { hospitals { name } }", "B".repeat(1000));
  assert.equal(unknown.status, 400);
  assert.equal(unknown.error?.extensions?.code, "OPERATION_RESOLUTION_FAILURE");
  assert.ok(unknown.error!.message.length < 120, "the name is echoed only in part");
  const unnamed = await run("query A { hospitals { name } } query B { hospitals { code } }");
  assert.equal(unnamed.error?.extensions?.code, "OPERATION_RESOLUTION_FAILURE");
  const subscription = await run("subscription { hospitals { name } }");
  assert.equal(subscription.status, 400);
  assert.equal(subscription.error?.extensions?.code, "GRAPHQL_VALIDATION_FAILED");
  const nulLiteral = await run(`{ citizen(idNumber: "1\u0000") { name } }`);
  assert.equal(nulLiteral.status, 400);
  assert.equal(nulLiteral.error?.extensions?.code, "BAD_USER_INPUT");
  const nulVariable = await run(`query ($id: ID!) { citizen(idNumber: $id) { name } }`, undefined, { id: "1\u0000" });
  assert.equal(nulVariable.error?.extensions?.code, "BAD_USER_INPUT");
  assert.match(nulVariable.error!.message, /variable \$id/);
  assert.equal(calls.count, 0);
  await server.stop();
});

test("introspection, as GraphiQL sends it, passes the default limits", async () => {
  const { server, run } = await serverWith();
  const res = await run(
    getIntrospectionQuery({
      descriptions: true,
      inputValueDeprecation: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
    }),
  );
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  await server.stop();
});

test("a fragment cycle is refused by validation, and never reaches the limits", async () => {
  const { server, run } = await serverWith();
  const res = await run("{ citizen(idNumber: 1) { ...A } } fragment A on Citizen { friends { ...A } }");
  assert.equal(res.errors?.[0].extensions?.code, "GRAPHQL_VALIDATION_FAILED");
  await server.stop();
});

test("every daily operation and README example fits the default limits with room to spare", () => {
  const root = path.resolve(__dirname, "..", "..", "..");
  const supergraph = buildASTSchema(parse(fs.readFileSync(path.join(root, "gateway", "supergraph.graphql"), "utf8")), {
    assumeValidSDL: true,
  });
  const sources = [fs.readFileSync(path.join(root, "test", "operations.graphql"), "utf8")];
  for (const m of fs.readFileSync(path.join(root, "README.md"), "utf8").matchAll(/```graphql\n([\s\S]*?)```/g))
    sources.push(m[1]);
  let checked = 0;
  for (const source of sources) {
    const document = parse(source);
    const fragments = fragmentsOf(document);
    for (const operation of document.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )) {
      const name = operation.name?.value ?? source.slice(0, 40);
      assert.ok(
        queryDepth(operation, fragments) <= DEFAULT_QUERY_LIMITS.maxDepth / 2,
        `${name} is deeper than half the limit`,
      );
      assert.ok(aliasCount(operation, fragments) <= DEFAULT_QUERY_LIMITS.maxAliases, `${name} uses too many aliases`);
      assert.ok(
        queryCost(operation, fragments, { schema: supergraph }) <= DEFAULT_QUERY_LIMITS.maxCost / 4,
        `${name} costs more than a quarter of the limit`,
      );
      checked++;
    }
  }
  assert.ok(checked >= 8, `only ${checked} operations found`);
});
