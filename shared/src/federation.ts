import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import type { GraphQLSchema } from "graphql";
import gql from "graphql-tag";
import { buildSchema, createResolversMap, type BuildSchemaOptions } from "type-graphql";
import { DateTimeScalar } from "./scalars";

/** The Federation 2 directives a OneWindow subgraph may use. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])`;

/** `__resolveReference` per entity type name. */
export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: any, context: any, info: any) => unknown }
>;

/** Options for {@link buildFederatedSchema}: type-graphql's, plus the entities' reference resolvers. */
export interface FederatedSchemaOptions extends Omit<BuildSchemaOptions, "skipCheck" | "scalarsMap"> {
  referenceResolvers?: ReferenceResolvers;
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: the one place where
 * type-graphql meets @apollo/subgraph. Reference resolvers go into `buildSubgraphSchema`
 * itself, because resolvers attached afterwards are never called for `_entities`.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const { referenceResolvers = {}, ...typeGraphqlOptions } = options;
  const schema = await buildSchema({
    ...typeGraphqlOptions,
    // A subgraph that only extends foreign entities has no Query of its own.
    skipCheck: true,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
  const resolvers = createResolversMap(schema) as Record<string, any>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  return buildSubgraphSchema({
    typeDefs: gql(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`),
    resolvers,
  });
}
