import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ApolloGateway, type GraphQLDataSource } from "@apollo/gateway";
import { Supergraph } from "@apollo/federation-internals";
import { ApolloServer } from "@apollo/server";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import {
  execute,
  getNamedType,
  getNullableType,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { PlanGateway } from "./plan-gateway";

/**
 * Our executor against the stock one: both gateways over the real supergraph and the same
 * departments, which answer every query with made-up but deterministic data (the same question
 * gets the same answer), in four moods: plain, with nulls wherever a field may be null, with
 * errors from resolvers (nulls propagated inside the department), and both. The answers must be
 * the same byte for byte; errors the same set (parallel fetches may finish in either order).
 */

const supergraphSdl = fs.readFileSync(path.join(__dirname, "..", "..", "supergraph.graphql"), "utf8");

type Mood = "plain" | "nulls" | "errors" | "both" | "down";

const hash = (...parts: unknown[]) => createHash("sha256").update(JSON.stringify(parts)).digest().readUInt32BE(0);

/** A department that makes up its answers from its own schema. */
class MadeUpDepartment implements GraphQLDataSource {
  calls = 0;
  constructor(
    private readonly name: string,
    private readonly schema: GraphQLSchema,
    private readonly mood: () => Mood,
  ) {}

  async process({ request }: Parameters<GraphQLDataSource["process"]>[0]): Promise<GatewayGraphQLResponse> {
    this.calls++;
    const mood = this.mood();
    // One department unreachable: its fetches fail whole, the others' fields still come.
    if (mood === "down" && this.name === "tax") throw new Error(`${this.name} is unreachable`);
    const fieldResolver: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, args, _ctx, info) => {
      if (info.fieldName === "_entities")
        return (args.representations as Record<string, unknown>[]).map((r) => ({ ...r, __seed: JSON.stringify(r) }));
      if (Object.prototype.hasOwnProperty.call(source, info.fieldName)) return source[info.fieldName];
      const seed = [this.name, mood, source.__seed ?? "root", info.parentType.name, info.fieldName, args];
      const h = hash(...seed);
      if ((mood === "errors" || mood === "both") && h % 11 === 0)
        throw new GraphQLError(`${info.parentType.name}.${info.fieldName} refused`, {
          extensions: { code: h % 2 ? "FORBIDDEN" : "BAD_USER_INPUT", department: this.name },
        });
      if ((mood === "nulls" || mood === "both") && !isNonNullType(info.returnType) && h % 5 === 0) return null;
      // A non-null field left null now and then: the department's own null propagation.
      if ((mood === "errors" || mood === "both") && h % 17 === 0) return null;
      return madeUp(info.returnType, JSON.stringify(seed), h);
    };
    const result = await execute({
      schema: this.schema,
      document: parse(request.query!),
      variableValues: request.variables,
      rootValue: {},
      fieldResolver,
    });
    // Over the wire: JSON both ways.
    return JSON.parse(JSON.stringify(result)) as GatewayGraphQLResponse;
  }
}

function madeUp(type: GraphQLField<unknown, unknown>["type"], seed: string, h: number): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable))
    return Array.from({ length: 1 + (h % 3) }, (_, i) => madeUp(nullable.ofType, `${seed}/${i}`, hash(seed, i)));
  const named = getNamedType(nullable);
  if (isObjectType(named)) return { __seed: seed };
  if (isEnumType(named)) return named.getValues()[h % named.getValues().length].value;
  switch (named.name) {
    case "Int":
      return h % 1000;
    case "Float":
      return (h % 10000) / 7;
    case "Boolean":
      return h % 2 === 0;
    default:
      return `${named.name}-${h % 100000}`;
  }
}

/** An argument value for a required argument, as GraphQL source. */
function literal(type: GraphQLInputType, depth = 0): string | undefined {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const inner = literal(nullable.ofType, depth);
    return inner === undefined ? undefined : `[${inner}]`;
  }
  if (isEnumType(nullable)) return nullable.getValues()[0].name;
  if (isInputObjectType(nullable)) {
    if (depth > 2) return undefined;
    const fields = Object.values(nullable.getFields()).filter((f) => isNonNullType(f.type));
    const parts = fields.map((f) => [f.name, literal(f.type, depth + 1)] as const);
    if (parts.some(([, v]) => v === undefined)) return undefined;
    return `{${parts.map(([n, v]) => `${n}: ${v}`).join(", ")}}`;
  }
  if (isScalarType(nullable)) {
    switch (nullable.name) {
      case "Int":
      case "Float":
        return "3";
      case "Boolean":
        return "true";
      case "Date":
        return '"2010-01-01"';
      default:
        return '"110101199001011234"';
    }
  }
  return undefined;
}

/** A selection of `type`'s fields to `depth`, aliasing some and adding `__typename` here and there. */
function selection(type: GraphQLObjectType, depth: number, salt: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.name.startsWith("_")) continue;
    const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    const args = required.map((a) => [a.name, literal(a.type)] as const);
    if (args.some(([, v]) => v === undefined)) continue;
    const argText = args.length ? `(${args.map(([n, v]) => `${n}: ${v}`).join(", ")})` : "";
    const named = getNamedType(field.type);
    const alias = hash(type.name, field.name, salt) % 4 === 0 ? `a_${field.name}: ` : "";
    if (isObjectType(named)) {
      if (depth <= 1) continue;
      const inner = selection(named, depth - 1, salt);
      if (inner) parts.push(`${alias}${field.name}${argText} { ${inner} }`);
    } else {
      parts.push(`${alias}${field.name}${argText}`);
    }
  }
  if (parts.length && hash(type.name, salt) % 3 === 0) parts.splice(hash(type.name) % parts.length, 0, "__typename");
  return parts.join(" ");
}

/** Hand-written operations: the benchmark's, fragments, directives, variables, root `__typename`. */
const OPERATIONS: { query: string; variables?: Record<string, unknown>; operationName?: string }[] = [
  {
    query: `query Q1($idNumber: ID!, $year: Int!) { citizen(idNumber: $idNumber) {
      idNumber name gender birthDate community
      employment { position startDate employer { creditCode name } }
      unemployment { registeredOn status } assistanceCategories retirement { retiredOn }
      medicalInsurance { scheme status since monthlyContribution employer { name } }
      taxSummary(year: $year) { taxableIncome taxDue taxWithheld balance } } }`,
    variables: { idNumber: "110101199001011234", year: 2025 },
  },
  {
    query: `query Q2($after: String, $year: Int!) { citizens(first: 50, after: $after) {
      edges { cursor node { idNumber name birthDate community
        medicalInsurance { scheme status monthlyContribution } taxSummary(year: $year) { taxableIncome taxDue balance } } }
      pageInfo { hasNextPage endCursor } } }`,
    variables: { year: 2025 },
  },
  {
    query: `query Q3($code: ID!, $from: Date!, $to: Date!) { hospital(code: $code) { name
      qualityMetrics(from: $from, to: $to) { outpatientVisits outpatientDrugCostPerVisit drugCostShare }
      metricTrend(metric: OUTPATIENT_DRUG_COST_PER_VISIT, from: $from, to: $to, granularity: MONTH) { period value } } }`,
    variables: { code: "JD001", from: "2010-01-01", to: "2010-12-31" },
  },
  {
    query: `{ jobPostings(filter: { openOnly: true }, first: 20) { totalCount
      edges { cursor node { title salaryMin salaryMax vacancies employer { name } } } pageInfo { hasNextPage endCursor } } }`,
  },
  {
    query: `query Two($id: ID!, $withTax: Boolean!, $skipJob: Boolean = true) {
      __typename
      c: citizen(idNumber: $id) { __typename who: name ...Insurance
        taxSummary(year: 2024) @include(if: $withTax) { taxDue }
        employment @skip(if: $skipJob) { position }
        ... on Citizen { idNumber medicalInsurance { status } } }
      d: citizen(idNumber: "x") { name t: __typename } }
     fragment Insurance on Citizen { medicalInsurance { scheme employer { name __typename } } name }
     query Other { __typename }`,
    variables: { id: "1", withTax: true },
    operationName: "Two",
  },
  { query: `{ __typename __schema { queryType { name } } h: hospital(code: "JD001") { name } }` },
  {
    query: `query Two($id: ID!, $withTax: Boolean!, $skipJob: Boolean = true) { citizen(idNumber: $id) {
      taxSummary(year: 2024) @include(if: $withTax) { taxDue } employment @skip(if: $skipJob) { position } name } }`,
    variables: { id: "1", withTax: false, skipJob: false },
  },
];

describe("the gateway's executor answers as ApolloGateway's", () => {
  let mood: Mood = "plain";
  const supergraph = Supergraph.build(supergraphSdl);
  const departments = new Map<string, MadeUpDepartment>();
  for (const subgraph of supergraph.subgraphs()) {
    departments.set(
      subgraph.name,
      new MadeUpDepartment(subgraph.name, subgraph.schema.toGraphQLJSSchema(), () => mood),
    );
  }
  const buildService = ({ name }: { name: string }) => departments.get(name)!;
  const stock = new ApolloServer({
    gateway: new ApolloGateway({ supergraphSdl, buildService }),
    includeStacktraceInErrorResponses: false,
  });
  const planGateway = new PlanGateway({ supergraphSdl, buildService });
  const ours = new ApolloServer({
    gateway: planGateway,
    includeStacktraceInErrorResponses: false,
  });
  beforeAll(async () => {
    await Promise.all([stock.start(), ours.start()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([stock.stop(), ours.stop()]);
  });

  const answer = async (server: ApolloServer, op: (typeof OPERATIONS)[number]) => {
    const res = await server.executeOperation(op);
    if (res.body.kind !== "single") throw new Error("an incremental answer");
    const single = res.body.singleResult;
    const errors = (single.errors ?? []).map((e) => JSON.stringify(e)).sort();
    return { data: JSON.stringify(single.data), errors, extensions: JSON.stringify(single.extensions) };
  };

  for (const m of ["plain", "nulls", "errors", "both", "down"] as const) {
    test(`hand-written operations, ${m}`, async () => {
      mood = m;
      for (const op of OPERATIONS) {
        const [a, b] = [await answer(stock, op), await answer(ours, op)];
        assert.deepEqual(b, a, `${m}: ${op.query.slice(0, 60)}`);
      }
    });
  }

  test("keys named like Object.prototype's, as a client's aliases and in departments' answers, are plain data", async () => {
    mood = "plain";
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
    const op = {
      query: `{ __proto__: citizen(idNumber: "1") { constructor: name toString: idNumber
        hasOwnProperty: medicalInsurance { __proto__: scheme valueOf: status } __typename }
        constructor: citizens(first: 2) { edges { __proto__: node { __proto__: name } } } }`,
    };
    const [a, b] = [await answer(stock, op), await answer(ours, op)];
    assert.deepEqual(b, a);
    const data = JSON.parse(b.data) as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(data), ["__proto__", "constructor"]);
    assert.deepEqual(Object.keys(data["__proto__"]), ["constructor", "toString", "hasOwnProperty", "__typename"]);
    assert.equal(typeof data["__proto__"]["constructor"], "string");
    assert.deepEqual(Object.keys(data["__proto__"]["hasOwnProperty"] as object), ["__proto__", "valueOf"]);
    // Nothing reached a prototype on the way.
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype), prototypeKeys);
    assert.equal(Object.getPrototypeOf({}), Object.prototype);
  });

  test("every root query and mutation field, three levels deep, in every mood", async () => {
    const apiSchema = supergraph.apiSchema().toGraphQLJSSchema();
    const roots = [
      ["query", apiSchema.getQueryType()!],
      ["mutation", apiSchema.getMutationType()!],
    ] as const;
    let compared = 0;
    let withErrors = 0;
    for (const m of ["plain", "nulls", "errors", "both"] as const) {
      mood = m;
      for (const [kind, root] of roots)
        for (const [i, field] of Object.values(root.getFields()).entries()) {
          const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
          const args = required.map((a) => [a.name, literal(a.type)] as const);
          if (args.some(([, v]) => v === undefined)) continue;
          const argText = args.length ? `(${args.map(([n, v]) => `${n}: ${v}`).join(", ")})` : "";
          const named = getNamedType(field.type);
          const inner = isObjectType(named) ? selection(named, 3, i) : "";
          if (isObjectType(named) && !inner) continue;
          const op = { query: `${kind} { ${field.name}${argText}${inner ? ` { ${inner} }` : ""} }` };
          const [a, b] = [await answer(stock, op), await answer(ours, op)];
          assert.deepEqual(b, a, `${m}: ${op.query}`);
          compared++;
          if (a.errors.length) withErrors++;
        }
    }
    assert.ok(compared > 100, `${compared} operations compared`);
    assert.ok(withErrors > 20, `${withErrors} of them with errors`);
    // And every one of them ran on our executor: only the hand-written introspection went to the stock one.
    const prepared = [...(planGateway as unknown as { plans: Map<string, { stock: boolean }> }).plans.values()];
    assert.ok(prepared.length > 100, `${prepared.length} plans kept`);
    assert.equal(prepared.filter((p) => p.stock).length, 1);
  }, 120_000);
});
