import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import type { GraphQLSchema } from "graphql";
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
  { __resolveReference: (reference: any, context: any, info: any) => unknown }
>;

/** Options for {@link buildFederatedSchema}: type-graphql's, plus the entities' reference resolvers. */
export interface FederatedSchemaOptions extends Omit<BuildSchemaOptions, "skipCheck" | "scalarsMap"> {
  /** The department (`labor-security`): names its fields on the audit trail types. */
  department: string;
  referenceResolvers?: ReferenceResolvers;
  /** True for the one department that serves `auditTrail` and `verifyAuditTrail` at the root. */
  auditRoot?: boolean;
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: the one place where
 * type-graphql meets @apollo/subgraph. Reference resolvers go into `buildSubgraphSchema`
 * itself, because resolvers attached afterwards are never called for `_entities`.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const { referenceResolvers = {}, department, auditRoot = false, ...typeGraphqlOptions } = options;
  const schema = await buildSchema({
    ...typeGraphqlOptions,
    // A subgraph that only extends foreign entities has no Query of its own.
    skipCheck: true,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    authChecker,
    authMode: "error",
  });
  const resolvers = createResolversMap(schema) as Record<string, any>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  // Every department's Citizen is personal data: whoever reaches it through `_entities` passes
  // the department's rule (and is audited) exactly as through a root field.
  if (resolvers.Citizen?.__resolveReference) {
    const resolveCitizen = resolvers.Citizen.__resolveReference;
    resolvers.Citizen.__resolveReference = (reference: { idNumber: string }, context: RequestContext, info: any) => {
      context.access.read([reference.idNumber], info);
      return resolveCitizen(reference, context, info);
    };
  }
  // Every department answers for its own audit trail.
  for (const [typeName, fields] of Object.entries(auditResolvers(department, auditRoot)))
    resolvers[typeName] = { ...resolvers[typeName], ...fields };
  return buildSubgraphSchema({
    typeDefs: gql(
      `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}\n${auditTypeDefs(department, auditRoot, schema)}`,
    ),
    resolvers,
  });
}
