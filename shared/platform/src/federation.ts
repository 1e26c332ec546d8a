import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { ENUM_LABELS } from "@onewindow/contracts/i18n";
import { MapperKind, mapSchema, printSchemaWithDirectives } from "@graphql-tools/utils";
import type { GraphQLResolveInfo, GraphQLSchema } from "graphql";
import gql from "graphql-tag";
import {
  AuthorizationError,
  buildSchema,
  createResolversMap,
  getMetadataStorage,
  type AuthCheckerFn,
  type BuildSchemaOptions,
  type ResolverData,
} from "type-graphql";
import type { Role } from "@onewindow/contracts";
import { auditResolvers, auditTypeDefs } from "./audit/audit-schema";
import { authChecker, type AuthContext } from "./auth/authorization";
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
 * Makes the role check of every plain field (a property or getter of its class, no field
 * resolver, no middleware) run inline instead of as type-graphql's middleware. type-graphql
 * wraps such a field, when it or its class has `@Authorized`, in an async middleware chain: a
 * page of 50 enrolments of 3 fields each became 150 promises, their chains and graphql-js's
 * handling of a promise per field, a fifth of the department's CPU for the request. The check is
 * the same: the same {@link authChecker} with the same roles, for every such field of every
 * object; a refusal throws the same error. A field whose checker answers anything but `true` at
 * once is left to type-graphql's own resolver, which checks it again the usual way.
 */
function checkRolesInline(resolvers: Record<string, Record<string, unknown>>): void {
  const storage = getMetadataStorage();
  const check = authChecker as AuthCheckerFn<AuthContext, Role>;
  for (const objectType of storage.objectTypes) {
    const typeResolvers = resolvers[objectType.name];
    if (!typeResolvers || objectType.simpleResolvers) continue;
    for (const field of objectType.fields ?? []) {
      const { roles, name } = field;
      const original = typeResolvers[field.schemaName];
      if (roles === undefined || field.middlewares?.length || field.simple || typeof original !== "function") continue;
      const resolved = storage.fieldResolvers.some(
        (r) => r.methodName === name && (r.kind === "external" || r.getObjectType?.() === objectType.target),
      );
      if (resolved) continue;
      const typeGraphql = original as (...args: unknown[]) => unknown;
      typeResolvers[field.schemaName] = (
        root: Record<string, unknown>,
        args: Record<string, unknown>,
        context: RequestContext,
        info: GraphQLResolveInfo,
      ) => {
        const granted = check({ root, args, context, info } as ResolverData<AuthContext>, roles as Role[]);
        if (granted === true) return root[name];
        if (granted === false) throw new AuthorizationError();
        return typeGraphql(root, args, context, info);
      };
    }
  }
}

/** A Chinese character (CJK Unified Ideographs and Extension A): a label says what it means in one. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;

/**
 * Puts each enum value's Chinese label (from `labels`, by enum type name, as `ENUM_LABELS`)
 * first in its description: `已办结。Completed (办结).`, or the label alone when the value has
 * no description; a description that already opens with its label is left as it is. Throws,
 * naming every one, when a value has no label: an enum the clerks would read as a code cannot
 * ship.
 */
export function labelEnumValues(
  schema: GraphQLSchema,
  labels: Readonly<Record<string, Readonly<Record<string, string>>>> = ENUM_LABELS,
): GraphQLSchema {
  const missing: string[] = [];
  const labelled = mapSchema(schema, {
    [MapperKind.ENUM_VALUE]: (config, typeName, _schema, value) => {
      const label = labels[typeName]?.[value];
      if (!label) {
        missing.push(`${typeName}.${value}`);
        return config;
      }
      const description = config.description?.trim() ?? "";
      const opensWithLabel = description.startsWith(label) && !HAN.test(description.charAt(label.length));
      return {
        ...config,
        description: !description ? label : opensWithLabel ? description : `${label}。${description}`,
      };
    },
  });
  if (missing.length)
    throw new Error(
      `enum values without a Chinese label: ${missing.join(", ")}; add them to ENUM_LABELS in shared/contracts/src/i18n/enum-labels.ts`,
    );
  return labelled;
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
  checkRolesInline(resolvers as Record<string, Record<string, unknown>>);
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  // Every department answers for its own audit trail.
  for (const [typeName, fields] of Object.entries(auditResolvers(department, auditRoot)))
    resolvers[typeName] = { ...resolvers[typeName], ...fields };
  return buildSubgraphSchema({
    typeDefs: gql(
      `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(labelEnumValues(schema))}\n${auditTypeDefs(department, auditRoot, schema)}`,
    ),
    // type-graphql's map, with the reference and audit resolvers merged into it.
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}
