import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import type { GraphQLResolveInfo, GraphQLSchema } from "graphql";
import gql from "graphql-tag";
import { buildSchema, createResolversMap, type BuildSchemaOptions } from "type-graphql";
import { auditResolvers, auditTypeDefs } from "./audit/audit-schema";
import { authChecker } from "./auth/authorization";
import type { RequestContext } from "./context";
import { DateTimeScalar } from "./scalars";

/** The Federation 2 directives a OneWindow subgraph may use. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])`;

/** `__resolveReference` per entity type name. */
export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: never, context: RequestContext, info: GraphQLResolveInfo) => unknown }
>;

/** A resolver class that takes the department's services. */
export type ResolverClass<S> = new (services: S) => object;

/** Options for {@link buildFederatedSchema}: type-graphql's, plus the entities' reference resolvers. */
export interface FederatedSchemaOptions<S> extends Omit<
  BuildSchemaOptions,
  "skipCheck" | "scalarsMap" | "resolvers" | "container"
> {
  /** The department (`labor-security`): names its fields on the audit trail types. */
  department: string;
  /** The resolver classes; each is made once, with `services`. */
  resolvers: readonly [ResolverClass<S>, ...ResolverClass<S>[]];
  /** The department's services, handed to every resolver. */
  services: S;
  referenceResolvers?: ReferenceResolvers;
  /** True for the one department that serves `auditTrail` and `verifyAuditTrail` at the root. */
  auditRoot?: boolean;
}

/**
 * A reference resolver for an entity that is a person's data: whoever reaches it through
 * `_entities` passes the department's rule for that person (and is audited) exactly as through
 * a root field, before `resolve` runs.
 */
export function personalReference<R>(
  personOf: (reference: R) => string,
  resolve: (reference: R, context: RequestContext, info: GraphQLResolveInfo) => unknown,
) {
  return {
    __resolveReference: (reference: R, context: RequestContext, info: GraphQLResolveInfo) => {
      context.access.read([personOf(reference)], info);
      return resolve(reference, context, info);
    },
  };
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: the one place where
 * type-graphql meets @apollo/subgraph. Reference resolvers go into `buildSubgraphSchema`
 * itself, because resolvers attached afterwards are never called for `_entities`.
 */
export async function buildFederatedSchema<S>(options: FederatedSchemaOptions<S>): Promise<GraphQLSchema> {
  const { referenceResolvers = {}, department, auditRoot = false, resolvers: classes, services, ...rest } = options;
  const instances = new Map<unknown, object>(classes.map((R) => [R, new R(services)]));
  const schema = await buildSchema({
    ...rest,
    resolvers: classes,
    container: { get: (cls) => instances.get(cls) },
    // A subgraph that only extends foreign entities has no Query of its own.
    skipCheck: true,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    authChecker,
    authMode: "error",
  });
  const resolvers = createResolversMap(schema) as Record<string, object>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  // Every department answers for its own audit trail.
  for (const [typeName, fields] of Object.entries(auditResolvers(department, auditRoot)))
    resolvers[typeName] = { ...resolvers[typeName], ...fields };
  return buildSubgraphSchema({
    typeDefs: gql(
      `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}\n${auditTypeDefs(department, auditRoot, schema)}`,
    ),
    // type-graphql's map, with the reference and audit resolvers merged into it.
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}
