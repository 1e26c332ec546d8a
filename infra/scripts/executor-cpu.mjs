#!/usr/bin/env node
// The gateway's executor alone: CPU per request of Q1-Q4 through Apollo Server over
// `PlanGateway` (ours) or `ApolloGateway` (stock), with made-up departments whose answers are
// made once and then only parsed (a JSON.parse per call, as off the wire). No HTTP, no
// signing, no departments' work: what the executor costs, measurable on a shared machine where
// `npm run bench` is dominated by other load. Build first (npx tsc -b); run with
// NODE_ENV=production (graphql-js checks types far more slowly otherwise):
//
//   NODE_ENV=production node infra/scripts/executor-cpu.mjs plan|apollo [requests per query]
//
// Lists are 50 long, as Q2's page; Q4 asks for 20, so its figure is an upper bound.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(path.join(root, "gateway", "package.json"));
const req = require;
const fs = require("node:fs");
const { ApolloGateway } = req("@apollo/gateway");
const { ApolloServer } = req("@apollo/server");
const { Supergraph } = req("@apollo/federation-internals");
const { execute, parse, getNullableType, isListType, getNamedType, isObjectType, isEnumType } = req("graphql");
const { PlanGateway } = require(path.join(root, "gateway/dist/execution/plan-gateway.js"));
const sdl = fs.readFileSync(path.join(root, "gateway/supergraph.graphql"), "utf8");
const crypto = require("node:crypto");
const hash = (...p) => crypto.createHash("sha256").update(JSON.stringify(p)).digest().readUInt32BE(0);
function madeUp(type, seed, h) {
  const n = getNullableType(type);
  if (isListType(n)) return Array.from({ length: 50 }, (_, i) => madeUp(n.ofType, seed + "/" + i, hash(seed, i)));
  const named = getNamedType(n);
  if (isObjectType(named)) return { __seed: seed };
  if (isEnumType(named)) return named.getValues()[h % named.getValues().length].value;
  if (named.name === "Int") return h % 1000;
  if (named.name === "Float") return (h % 10000) / 7;
  if (named.name === "Boolean") return h % 2 === 0;
  return named.name + "-" + (h % 100000);
}
const supergraph = Supergraph.build(sdl);
const deps = new Map();
for (const sg of supergraph.subgraphs()) {
  const schema = sg.schema.toGraphQLJSSchema();
  const cache = new Map();
  deps.set(sg.name, {
    async process({ request }) {
      const key = request.query + JSON.stringify(request.variables);
      let text = cache.get(key);
      if (!text) {
        const r = await execute({
          schema,
          document: parse(request.query),
          variableValues: request.variables,
          rootValue: {},
          fieldResolver: (s, args, _c, info) => {
            if (info.fieldName === "_entities")
              return args.representations.map((r) => ({ ...r, __seed: JSON.stringify(r) }));
            if (Object.prototype.hasOwnProperty.call(s, info.fieldName)) return s[info.fieldName];
            const seed = [s.__seed ?? "root", info.parentType.name, info.fieldName, args];
            return madeUp(info.returnType, JSON.stringify(seed), hash(...seed));
          },
        });
        text = JSON.stringify(r);
        cache.set(key, text);
      }
      await null;
      return JSON.parse(text);
    },
  });
}
const buildService = ({ name }) => deps.get(name);
const Q = {
  Q1: [
    `query Q1($idNumber: ID!, $year: Int!) { citizen(idNumber: $idNumber) { idNumber name gender birthDate community
    employment { position startDate employer { creditCode name } } unemployment { registeredOn status } assistanceCategories retirement { retiredOn }
    medicalInsurance { scheme status since monthlyContribution employer { name } } taxSummary(year: $year) { taxableIncome taxDue taxWithheld balance } } }`,
    { idNumber: "1", year: 2025 },
  ],
  Q2: [
    `query Q2($after: String, $year: Int!) { citizens(first: 50, after: $after) { edges { cursor node { idNumber name birthDate community
    medicalInsurance { scheme status monthlyContribution } taxSummary(year: $year) { taxableIncome taxDue balance } } } pageInfo { hasNextPage endCursor } } }`,
    { year: 2025 },
  ],
  Q3: [
    `query Q3($code: ID!, $from: Date!, $to: Date!) { hospital(code: $code) { name qualityMetrics(from: $from, to: $to) { outpatientVisits outpatientDrugCostPerVisit inpatientDischarges inpatientDrugCostPerStay drugCostShare followUpRate satisfactionRate }
    metricTrend(metric: OUTPATIENT_DRUG_COST_PER_VISIT, from: $from, to: $to, granularity: MONTH) { period value } } }`,
    { code: "JD001", from: "2010-01-01", to: "2010-12-31" },
  ],
  Q4: [
    `query Q4 { jobPostings(filter: { openOnly: true }, first: 20) { totalCount edges { cursor node { title salaryMin salaryMax vacancies employer { name } } } pageInfo { hasNextPage endCursor } } }`,
    {},
  ],
};
await (async () => {
  const which = process.argv[2];
  const gateway =
    which === "apollo"
      ? new ApolloGateway({ supergraphSdl: sdl, buildService })
      : new PlanGateway({ supergraphSdl: sdl, buildService });
  const server = new ApolloServer({ gateway });
  await server.start();
  const n = Number(process.argv[3] ?? 2000);
  const out = [];
  for (const [name, [query, variables]] of Object.entries(Q)) {
    const run = async (k) => {
      for (let i = 0; i < k; i += 10)
        await Promise.all(Array.from({ length: 10 }, () => server.executeOperation({ query, variables })));
    };
    const r = await server.executeOperation({ query, variables });
    if (r.body.singleResult.errors) console.error(name, r.body.singleResult.errors);
    await run(n);
    const c0 = process.cpuUsage();
    await run(n);
    const c = process.cpuUsage(c0);
    out.push(`${name} ${((c.user + c.system) / 1000 / n).toFixed(3)} ms`);
  }
  console.log(which, out.join("  "));
  await server.stop();
})();
