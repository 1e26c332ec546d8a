// Prints the gateway's public API schema to dashboard/schema.graphql, for GraphQL Code Generator:
// the supergraph without its federation machinery, and the `type Subscription` the gateway adds to
// it when it loads it (its own fields, fed by events, in no department's subgraph).
import fs from "node:fs";
import { Supergraph } from "@apollo/federation-internals";
import { subscriptionSdl } from "@onewindow/gateway";
import { extendSchema, parse, printSchema } from "graphql";

const supergraph = fs.readFileSync(new URL("../../gateway/supergraph.graphql", import.meta.url), "utf8");
const api = Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();
const schema = extendSchema(api, parse(subscriptionSdl()));
fs.writeFileSync(new URL("../schema.graphql", import.meta.url), printSchema(schema) + "\n");
