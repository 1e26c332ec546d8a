import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { getIntrospectionQuery } from "graphql";
import { startStack, type As, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";

/** A public query every caller may run (anonymous callers included). */
const PUBLIC = `{ serviceItems(keyword: "退休") { code name } }`;

/** A raw POST to the gateway: status, headers and the parsed body. */
async function post(stack: Stack, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(stack.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

/** The one error of a refused request. */
function onlyError(body: { errors?: { message: string; extensions?: { code?: string } }[] }) {
  assert.equal(body.errors?.length, 1, JSON.stringify(body));
  return body.errors![0];
}

/** `citizen { cases { … { citizen { cases …` — a real cycle of the schema, `rounds` times round (4 levels each). */
function deepCitizenQuery(rounds: number): string {
  return `{ citizen(idNumber: "11010519491231002X") { ${"cases(first: 1) { edges { node { citizen { ".repeat(rounds)}name${" } } } }".repeat(rounds)} } }`;
}

/** The job board's cycle, `jobPostings { edges { node { employer { jobPostings …`: 3 rounds and a leaf are depth 12, the limit. */
const JOB_BOARD_DEPTH_12 = `{ ${"jobPostings(first: 1) { edges { node { employer { ".repeat(2)}jobPostings(first: 1) { edges { node { title } } }${" } } } }".repeat(2)} }`;

describe("abuse limits at the gateway (development mode)", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("a query nested deeper than 12 is QUERY_TOO_DEEP, before any department is asked", async () => {
    // Sent again if a relay's idle poll fell between the two counts.
    await eventually(async () => {
      const sqlBefore = await stack.sqlCount("labor-security");
      const res = await post(stack, JSON.stringify({ query: deepCitizenQuery(3) }), await stack.headers());
      assert.equal(res.status, 400);
      const error = onlyError(res.body);
      assert.equal(error.extensions?.code, "QUERY_TOO_DEEP");
      assert.equal(error.message, "query depth 14 exceeds the limit of 12");
      assert.equal(res.body.data, undefined);
      assert.equal(await stack.sqlCount("labor-security"), sqlBefore, "a department ran SQL for a refused query");
    });
    // Depth 12 is within the limit and answered.
    const ok = await stack.query(JOB_BOARD_DEPTH_12);
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
    assert.ok(ok.data.jobPostings.edges);
  });

  test("more than 30 aliases is TOO_MANY_ALIASES", async () => {
    const aliased = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `s${i}: serviceItems { code }`).join(" ")} }`;
    const res = await post(stack, JSON.stringify({ query: aliased(31) }));
    assert.equal(res.status, 400);
    const error = onlyError(res.body);
    assert.equal(error.extensions?.code, "TOO_MANY_ALIASES");
    assert.match(error.message, /31 aliases, more than the limit of 30/);
    const ok = await stack.query(aliased(30), undefined, "anonymous");
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
    assert.equal(Object.keys(ok.data).length, 30);
  });

  test("an estimated cost above 5000 is QUERY_TOO_COSTLY, whether the page sizes are literals or variables", async () => {
    // 1 + n × (edges + node + title + employer + (jobPostings + n × totalCount)): 10,501 for n = 100.
    const costly = `query ($n: Int) { jobPostings(first: $n) { edges { node { title employer { jobPostings(first: $n) { totalCount } } } } } }`;
    for (const [query, variables] of [
      [costly, { n: 100 }],
      [
        `{ jobPostings(first: 100) { edges { node { title employer { jobPostings(first: 100) { totalCount } } } } } }`,
        {},
      ],
    ] as const) {
      const res = await post(stack, JSON.stringify({ query, variables }), await stack.headers());
      assert.equal(res.status, 400);
      const error = onlyError(res.body);
      assert.equal(error.extensions?.code, "QUERY_TOO_COSTLY");
      assert.match(error.message, /^estimated query cost 10501 exceeds the limit of 5000/);
    }
    const ok = await stack.query(costly, { n: 10 });
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
  });

  test("a body over 100 kB is 413 PAYLOAD_TOO_LARGE; one just under it is served", async () => {
    const query = `query ($k: String) { serviceItems(keyword: $k) { code } }`;
    const over = JSON.stringify({ query, variables: { k: "x".repeat(100_001) } });
    const res = await post(stack, over);
    assert.equal(res.status, 413);
    assert.equal(onlyError(res.body).extensions?.code, "PAYLOAD_TOO_LARGE");
    const under = JSON.stringify({ query, variables: { k: "x".repeat(99_000) } });
    assert.ok(Buffer.byteLength(under) < 100_000);
    const served = await post(stack, under);
    assert.notEqual(served.status, 413);
    assert.ok(served.status < 500);
  });

  test("a document of more than 2000 tokens is refused while parsing", async () => {
    const res = await post(stack, JSON.stringify({ query: `{ ${"serviceItems { code name } ".repeat(600)} }` }));
    assert.equal(res.status, 400);
    const error = onlyError(res.body);
    assert.equal(error.extensions?.code, "GRAPHQL_PARSE_FAILED");
    assert.match(error.message, /Document contains more \w+ 2000 tokens/);
  });

  test("introspection is on in development, and GraphiQL's introspection query fits the limits", async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      inputValueDeprecation: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
    });
    const res = await post(stack, JSON.stringify({ query }));
    assert.equal(res.status, 200, JSON.stringify(res.body.errors));
    assert.ok(res.body.data.__schema.types.some((t: { name: string }) => t.name === "Citizen"));
  });
});

describe("abuse limits at the gateway (production mode, a low rate limit)", () => {
  let stack: Stack;
  const RATE_LIMIT = 10;
  beforeAll(async () => {
    stack = await startStack({ env: { NODE_ENV: "production", GATEWAY_RATE_LIMIT: String(RATE_LIMIT) } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("a caller over the rate limit gets 429 RATE_LIMITED with retry-after; other callers are still served", async () => {
    const hasty: As = { roles: ["window_clerk"], user: "hasty-clerk" };
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < RATE_LIMIT + 3; i++) {
      const res = await post(stack, JSON.stringify({ query: PUBLIC }), await stack.headers(hasty));
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
    }
    assert.deepEqual(statuses, [...Array(RATE_LIMIT).fill(200), 429, 429, 429]);
    const error = onlyError(refused!.body);
    assert.equal(error.extensions?.code, "RATE_LIMITED");
    assert.match(error.message, /limit is 10 per minute/);
    const retryAfter = Number(refused!.headers.get("retry-after"));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 6, `retry-after: ${retryAfter}`);
    // Another token is another caller; health probes are never counted.
    const other = await post(
      stack,
      JSON.stringify({ query: PUBLIC }),
      await stack.headers({ roles: ["window_clerk"], user: "calm-clerk" }),
    );
    assert.equal(other.status, 200);
    assert.equal((await fetch(stack.gatewayUrl.replace("/graphql", "/healthz"))).status, 200);
  });

  test("introspection is off in production", async () => {
    const res = await post(stack, JSON.stringify({ query: "{ __schema { types { name } } }" }));
    assert.equal(res.status, 400);
    const error = onlyError(res.body);
    assert.equal(error.extensions?.code, "GRAPHQL_VALIDATION_FAILED");
    assert.match(error.message, /introspection is not allowed/);
    assert.equal(res.body.data, undefined);
    // Naming a type is introspection too.
    const byType = await post(stack, JSON.stringify({ query: `{ __type(name: "Citizen") { fields { name } } }` }));
    assert.equal(byType.status, 400);
    // Public queries still answer.
    const ok = await stack.query(PUBLIC, undefined, "anonymous");
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
    assert.ok(ok.data.serviceItems.length > 0 || Array.isArray(ok.data.serviceItems));
  });

  test("CSRF prevention: a GET or form POST a browser could send cross-site is refused; a preflighted one is served", async () => {
    const url = `${stack.gatewayUrl}?query=${encodeURIComponent(PUBLIC)}`;
    const simple = await fetch(url);
    assert.equal(simple.status, 400);
    const body = (await simple.json()) as { errors: { message: string; extensions: { code: string } }[] };
    assert.equal(body.errors[0].extensions.code, "BAD_REQUEST");
    assert.match(body.errors[0].message, /Cross-Site Request Forgery/);
    const form = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: PUBLIC }),
    });
    assert.equal(form.status, 400);
    assert.match(await form.text(), /Cross-Site Request Forgery/);
    const preflighted = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    assert.equal(preflighted.status, 200);
    assert.ok(((await preflighted.json()) as { data: { serviceItems: unknown[] } }).data.serviceItems);
  });
});
