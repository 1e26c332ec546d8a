import {
  GraphQLError,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  type GraphQLErrorOptions,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from "graphql";
import { errorCodeDef, ERRORS } from "@apollo/federation-internals";
import {
  type FetchDataRewrite,
  type FetchNode,
  type PlanNode,
  type QueryPlanFieldNode,
  type QueryPlanSelectionNode,
} from "@apollo/query-planner";
import type { GraphQLDataSource } from "@apollo/gateway";
import type { GraphQLDataSourceRequestKind } from "@apollo/gateway/dist/datasources/types";
import type { GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import { deepMerge, defineOwn, emptyRecord, getOwn } from "./own";
import type { ResponsePath } from "./response-shaper";

type ResultMap = Record<string, unknown>;

/** The stock executor's request kind (the enum is not exported from the package's index). */
const INCOMING_OPERATION = "incoming operation" as GraphQLDataSourceRequestKind.INCOMING_OPERATION;

/** A place in the data gathered so far: its path, and the object (or, under lists, objects) there. */
interface Cursor {
  path: ResponsePath;
  data: ResultMap | ResultMap[];
  fullResult: ResultMap;
}

/** What one execution of a plan shares. */
export interface PlanRun {
  services: Record<string, GraphQLDataSource>;
  requestContext: GatewayGraphQLRequestContext;
  /** The supergraph (not the API schema): entity type conditions name its types. */
  supergraphSchema: GraphQLSchema;
  /** The operation's variables that have a default value, and that value. */
  defaults: Record<string, unknown>;
  errors: GraphQLError[];
}

/**
 * Runs a query plan's nodes: fetches in sequence or in parallel, each into its place in the
 * gathered data (`Flatten`), entity fetches with the representations their `requires` select.
 * The semantics are the stock executor's (`executeQueryPlan` of `@apollo/gateway`): a fetch that
 * fails adds an error and leaves its fields unset, departments' errors come back with the path in
 * the client's operation and the department's name; what it leaves out is per-request work the
 * gateway never used (trace nodes, OpenTelemetry spans, `Headers` per fetch).
 */
export async function executePlanNode(run: PlanRun, node: PlanNode, cursor: Cursor | undefined): Promise<void> {
  if (!cursor) return;
  switch (node.kind) {
    case "Sequence":
      for (const child of node.nodes) await executePlanNode(run, child, cursor);
      return;
    case "Parallel":
      await Promise.all(node.nodes.map((child) => executePlanNode(run, child, cursor)));
      return;
    case "Flatten":
      return executePlanNode(run, node.node, moveIntoCursor(cursor, node.path));
    case "Fetch":
      try {
        await executeFetch(run, node, cursor);
      } catch (err) {
        run.errors.push(err as GraphQLError);
      }
      return;
    case "Condition": {
      // The planner's `evaluateCondition`, over our operation: the variable's value, else its default.
      const values = run.requestContext.request.variables;
      let value = values ? getOwn(values, node.condition) : undefined;
      if (value === undefined) value = run.defaults[node.condition];
      if (value === undefined) throw new Error(`Missing value for variable $${node.condition} (and no default found)`);
      if (typeof value !== "boolean")
        throw new Error(`Invalid non-boolean value ${String(value)} for Boolean! variable $${node.condition}`);
      const branch = value ? node.ifClause : node.elseClause;
      if (branch) await executePlanNode(run, branch, cursor);
      return;
    }
    default:
      // Defer and subscriptions are refused before planning (see `planSupported`).
      throw new Error(`query plan node ${node.kind} is not supported by the gateway`);
  }
}

async function executeFetch(run: PlanRun, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const service = run.services[fetch.serviceName];
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const entities = Array.isArray(cursor.data)
    ? cursor.data.filter((e) => e !== null && e !== undefined)
    : [cursor.data];
  if (entities.length < 1) return;

  const variables: ResultMap = emptyRecord();
  const provided = run.requestContext.request.variables;
  if (fetch.variableUsages && provided) {
    for (const name of fetch.variableUsages) {
      if (Object.prototype.hasOwnProperty.call(provided, name) && provided[name] !== undefined)
        variables[name] = provided[name];
    }
  }

  if (!fetch.requires) {
    const received = await send(run, service, fetch, cursor, variables);
    if (received) applyRewrites(run.supergraphSchema, fetch.outputRewrites, received);
    for (const entity of entities) deepMerge(entity, received);
    return;
  }

  const representations: ResultMap[] = [];
  const representationToEntity: number[] = [];
  entities.forEach((entity, index) => {
    const representation = selectRepresentation(run.supergraphSchema, entity, fetch.requires!);
    if (representation && representation.__typename) {
      applyRewrites(run.supergraphSchema, fetch.inputRewrites, representation);
      representations.push(representation);
      representationToEntity.push(index);
    }
  });
  if (representations.length < 1) return;
  if ("representations" in variables) throw new Error(`Variables cannot contain key "representations"`);

  const received = await send(run, service, fetch, cursor, { ...variables, representations });
  if (!received) return;
  const receivedEntities = received._entities;
  if (!Array.isArray(receivedEntities)) throw new Error(`Expected "data._entities" in response to be an array`);
  if (receivedEntities.length !== representations.length)
    throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  // The stock executor's loop: over the entities, reading the answers by the same index.
  for (let i = 0; i < entities.length; i++) {
    const receivedEntity = receivedEntities[i] as ResultMap | undefined;
    const existing = entities[representationToEntity[i]];
    if (receivedEntity && !receivedEntity.__typename) receivedEntity.__typename = existing?.__typename;
    if (receivedEntity) applyRewrites(run.supergraphSchema, fetch.outputRewrites, receivedEntity);
    if (existing) deepMerge(existing, receivedEntity);
  }
}

async function send(
  run: PlanRun,
  service: GraphQLDataSource,
  fetch: FetchNode,
  cursor: Cursor,
  variables: ResultMap,
): Promise<ResultMap | null | undefined> {
  const response = await service.process({
    kind: INCOMING_OPERATION,
    request: { query: fetch.operation, variables, operationName: fetch.operationName },
    incomingRequestContext: run.requestContext,
    context: run.requestContext.context,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: cursor.path,
  });
  if (response.errors) {
    const pathOf = lazyErrorPaths(fetch, cursor);
    for (const error of response.errors) run.errors.push(downstreamServiceError(error, fetch.serviceName, pathOf));
  }
  return response.data as ResultMap | null | undefined;
}

/** The error paths of an entity fetch's errors, in the client's operation: computed only when a department answered with errors. */
function lazyErrorPaths(fetch: FetchNode, cursor: Cursor) {
  let hydrated: ResponsePath[] | undefined;
  return (errorPath: GraphQLErrorOptions["path"]): GraphQLErrorOptions["path"] => {
    if (fetch.requires && typeof errorPath?.[1] === "number") {
      if (!hydrated) {
        hydrated = [];
        hydratePaths([], cursor.path, cursor.fullResult, hydrated);
      }
      return [...(hydrated[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath] : undefined;
  };
}

/** `["citizens", "@", "edges"]` over the data → every concrete path it stands for, in order. */
function hydratePaths(parent: ResponsePath, path: ResponsePath, data: unknown, result: ResponsePath[]): void {
  if (data === null || data === undefined) return;
  const head = path[0];
  if (head === undefined) {
    result.push(parent.slice());
  } else if (head === "@") {
    if (!Array.isArray(data)) throw new Error("Assertion error: expected array when encountering `@`");
    data.forEach((value, i) => {
      parent.push(i);
      hydratePaths(parent, path.slice(1), value, result);
      parent.pop();
    });
  } else if (typeof head === "string") {
    if (Array.isArray(data)) {
      data.forEach((value, i) => {
        parent.push(i);
        hydratePaths(parent, path, value, result);
        parent.pop();
      });
    } else if (Object.prototype.hasOwnProperty.call(data, head)) {
      parent.push(head);
      hydratePaths(parent, path.slice(1), (data as ResultMap)[head], result);
      parent.pop();
    }
  } else {
    throw new Error(`Assertion error: unknown path part "${String(head)}"`);
  }
}

/** The representation an entity fetch sends for `source`: its `requires` selection, or null when incomplete. */
function selectRepresentation(
  schema: GraphQLSchema,
  source: ResultMap | null,
  selections: QueryPlanSelectionNode[],
): ResultMap | null {
  if (source === null) return null;
  const result: ResultMap = emptyRecord();
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      const field = selection as QueryPlanFieldNode;
      const responseName = field.alias ?? field.name;
      const value = getOwn(source, responseName);
      if (value === undefined) return null;
      if (Array.isArray(value)) {
        result[responseName] = value.map((v: unknown) =>
          field.selections ? selectRepresentation(schema, v as ResultMap | null, field.selections) : v,
        );
      } else if (field.selections) {
        result[responseName] = selectRepresentation(schema, value as ResultMap | null, field.selections);
      } else {
        result[responseName] = value;
      }
    } else if (selection.typeCondition && isObjectOfType(schema, source, selection.typeCondition)) {
      deepMerge(result, selectRepresentation(schema, source, selection.selections));
    }
  }
  return result;
}

function moveIntoCursor(cursor: Cursor, path: ResponsePath): Cursor | undefined {
  const data = flattenAtPath(cursor.data, path);
  return data ? { path: cursor.path.concat(path), data, fullResult: cursor.fullResult } : undefined;
}

function flattenAtPath(value: unknown, path: ResponsePath): ResultMap | ResultMap[] | null | undefined {
  if (path.length === 0) return value as ResultMap | ResultMap[];
  if (value === undefined || value === null) return value;
  const [current, ...rest] = path;
  if (current === "@") return (value as unknown[]).flatMap((element) => flattenAtPath(element, rest)) as ResultMap[];
  if (typeof current !== "string") throw new Error(`Assertion error: Unexpected ${typeof current} found in path`);
  if (Array.isArray(value)) throw new Error(`Assertion error: Unexpected array in result for path element ${current}`);
  return flattenAtPath(getOwn(value as object, current), rest);
}

/** A department's error as the client sees it: its message and code, the department's name, the client's path. */
function downstreamServiceError(
  original: GraphQLFormattedError,
  serviceName: string,
  pathOf: (path: GraphQLErrorOptions["path"]) => GraphQLErrorOptions["path"],
): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options: GraphQLErrorOptions = {
    originalError: original as Error,
    path: pathOf(original.path),
    extensions: { ...original.extensions, serviceName },
  };
  const codeDef = errorCodeDef(original as never);
  if (!codeDef && original.extensions?.code) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

function isObjectOfType(schema: GraphQLSchema, obj: ResultMap, typeCondition: string, unknownIs = false): boolean {
  const typename = obj.__typename as string | undefined;
  if (!typename) return unknownIs;
  if (typeCondition === typename) return true;
  const type = schema.getType(typename);
  const condition = schema.getType(typeCondition);
  if (!type || !condition) return false;
  return (
    isAbstractType(condition) && (isObjectType(type) || isInterfaceType(type)) && schema.isSubType(condition, type)
  );
}

const FRAGMENT_PREFIX = "... on ";

/** Applies a fetch's input or output rewrites (the planner emits them for interface objects and key renames). */
function applyRewrites(schema: GraphQLSchema, rewrites: FetchDataRewrite[] | undefined, value: ResultMap): void {
  if (!rewrites) return;
  for (const rewrite of rewrites) {
    if (rewrite.path.length === 0) continue;
    const parent = rewrite.path.slice(0, -1);
    const last = rewrite.path[rewrite.path.length - 1];
    if (last.startsWith(FRAGMENT_PREFIX))
      throw new Error(`Assertion error: Unexpected fragment as last element of ${rewrite.path.join(",")}`);
    applyAtPath(schema, parent, value, (obj) => {
      if (rewrite.kind === "ValueSetter") {
        defineOwn(obj, last);
        obj[last] = rewrite.setValueTo;
      } else {
        const at = getOwn(obj, last);
        if (at) {
          defineOwn(obj, rewrite.renameKeyTo);
          obj[rewrite.renameKeyTo] = at;
          obj[last] = undefined;
        }
      }
    });
  }
}

function applyAtPath(schema: GraphQLSchema, path: string[], value: unknown, apply: (obj: ResultMap) => void): void {
  if (Array.isArray(value)) {
    for (const element of value) applyAtPath(schema, path, element, apply);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  if (path.length === 0) {
    apply(value as ResultMap);
    return;
  }
  const [first, ...rest] = path;
  if (first.startsWith(FRAGMENT_PREFIX)) {
    if (isObjectOfType(schema, value as ResultMap, first.slice(FRAGMENT_PREFIX.length), true))
      applyAtPath(schema, rest, value, apply);
  } else {
    applyAtPath(schema, rest, getOwn(value, first), apply);
  }
}
