// Prints the gateway's public API schema (the supergraph without its federation machinery) to
// dashboard/schema.graphql, for GraphQL Code Generator.
import fs from "node:fs";
import { Supergraph } from "@apollo/federation-internals";
import { printSchema } from "graphql";

const supergraph = fs.readFileSync(new URL("../../gateway/supergraph.graphql", import.meta.url), "utf8");
const api = Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();
fs.writeFileSync(new URL("../schema.graphql", import.meta.url), printSchema(api) + "\n");
