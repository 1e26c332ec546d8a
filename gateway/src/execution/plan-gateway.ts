import { buildOperationContext, executeQueryPlan, type GraphQLDataSource } from "@apollo/gateway";
import { operationFromDocument, Supergraph, type Schema } from "@apollo/federation-internals";
import { QueryPlanner, type PlanNode, type QueryPlan } from "@apollo/query-planner";
import type {
  GatewayExecutionResult,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from "@apollo/server-gateway-interface";
import {
  getVariableValues,
  GraphQLError,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { executePlanNode, type PlanRun } from "./plan-executor";
import { GATEWAY } from "../messages";
import { emptyRecord } from "./own";
import { shapedOperation, shapeResponse, type ShapedOperation } from "./response-shaper";

/** A subgraph of the supergraph: its name and the URL the supergraph gives it. */
export interface SubgraphDefinition {
  name: string;
  url: string;
}

/** How {@link PlanGateway} is built. */
export interface PlanGatewayOptions {
  /** The supergraph composed at build time. */
  supergraphSdl: string;
  /** The data source that calls one subgraph. */
  buildService(definition: SubgraphDefinition): GraphQLDataSource;
  /** How many operations' plans are kept (least recently used go first); 1,000 by default. */
  planCacheSize?: number;
}

/** What is kept per operation: its plan and what shaping its answer needs, or that the stock executor runs it. */
interface PreparedOperation {
  plan: QueryPlan;
  shaped: ShapedOperation;
  /** Introspection, subscriptions, `@defer` or `@fromContext`: run by `@apollo/gateway`'s own executor. */
  stock: boolean;
}

interface Loaded {
  schema: GraphQLSchema;
  apiSchema: Schema;
  supergraphSchema: GraphQLSchema;
  planner: QueryPlanner;
  services: Record<string, GraphQLDataSource>;
}

/**
 * The gateway's execution over `@apollo/gateway`'s supergraph and query planner: the same
 * supergraph model, API schema and plans as `ApolloGateway`, but plans and the operation's shape
 * are kept per operation and run by an executor of our own (`plan-executor.ts`,
 * `response-shaper.ts`). `ApolloGateway` rebuilds the operation in the supergraph model for every
 * request, hashes the query once more to find its plan, and builds a protobuf trace tree and
 * OpenTelemetry spans nobody reads: about a third of its CPU per request under the benchmark.
 * The answers, errors and nulls are the stock executor's (`execution.test.ts` compares them on
 * the real supergraph); operations it alone handles (introspection, subscriptions, `@defer`,
 * `@fromContext`) are handed to it.
 */
export class PlanGateway implements GatewayInterface {
  private readonly listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  private readonly plans = new Map<string, PreparedOperation>();
  private readonly planCacheSize: number;
  private loaded?: Loaded;

  constructor(private readonly options: PlanGatewayOptions) {
    this.planCacheSize = options.planCacheSize ?? 1000;
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  async load(): Promise<GatewayLoadResult> {
    const sdl = this.options.supergraphSdl;
    // As ApolloGateway: the supergraph is validated except in production.
    const supergraph = Supergraph.build(sdl, { validateSupergraph: process.env.NODE_ENV !== "production" });
    const apiSchema = supergraph.apiSchema();
    const services: Record<string, GraphQLDataSource> = emptyRecord();
    for (const subgraph of supergraph.subgraphsMetadata())
      services[subgraph.name] = this.options.buildService(subgraph);
    this.loaded = {
      schema: apiSchema.toGraphQLJSSchema(),
      apiSchema,
      supergraphSchema: supergraph.schema.toGraphQLJSSchema(),
      planner: new QueryPlanner(supergraph),
      services,
    };
    this.plans.clear();
    for (const listener of this.listeners) listener({ apiSchema: this.loaded.schema, coreSupergraphSdl: sdl });
    return { executor: (requestContext) => this.execute(requestContext) };
  }

  async stop(): Promise<void> {
    this.plans.clear();
  }

  /** The API schema, once loaded. */
  get schema(): GraphQLSchema | undefined {
    return this.loaded?.schema;
  }

  private async execute(requestContext: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    const loaded = this.loaded!;
    const prepared = this.prepare(loaded, requestContext);
    const { operation } = prepared.shaped;
    // Variables are checked against their declared types first, as ApolloGateway does.
    if (operation.variableDefinitions?.length) {
      const { errors } = getVariableValues(
        loaded.schema,
        operation.variableDefinitions,
        requestContext.request.variables ?? {},
      );
      if (errors) return { errors };
    }
    if (prepared.stock) {
      const operationContext = buildOperationContext({
        schema: loaded.schema,
        operationDocument: requestContext.document,
        operationName: requestContext.request.operationName,
      });
      return executeQueryPlan(
        prepared.plan,
        loaded.services,
        requestContext,
        operationContext,
        loaded.supergraphSchema,
        loaded.apiSchema,
      );
    }
    const run: PlanRun = {
      services: loaded.services,
      requestContext,
      supergraphSchema: loaded.supergraphSchema,
      defaults: prepared.shaped.defaults,
      errors: [],
    };
    const gathered: Record<string, unknown> = emptyRecord();
    if (prepared.plan.node)
      // Subscription plans never get here (see `prepare`).
      await executePlanNode(run, prepared.plan.node as PlanNode, { path: [], data: gathered, fullResult: gathered });
    let shaped: ReturnType<typeof shapeResponse>;
    try {
      shaped = shapeResponse(loaded.schema, prepared.shaped, requestContext.request.variables, gathered, () => {
        // Operations with introspection go to the stock executor (see `prepare`).
        throw new Error("introspection reached the gateway's own executor");
      });
    } catch (err) {
      // As the stock executor: a fault while shaping is the whole answer.
      if (err instanceof GraphQLError) return { errors: [err] };
      if (err instanceof Error) return { errors: [new GraphQLError(err.message, { originalError: err })] };
      const text = GATEWAY.planExecutionFault;
      return { errors: [new GraphQLError(text.en, { extensions: { localizedMessage: text.zh } })] };
    }
    const { data, errors } = shaped;
    // Errors found while shaping are reported only when no fetch failed (a failed fetch leaves
    // holes that would be reported twice), and then apart, as the stock executor and the router do.
    if (run.errors.length === 0 && errors.length > 0) return { extensions: { valueCompletion: errors }, data };
    return run.errors.length === 0 ? { data } : { errors: run.errors, data };
  }

  /** The operation's plan and shape, made on its first request and kept (bounded, least recently used out). */
  private prepare(loaded: Loaded, requestContext: GatewayGraphQLRequestContext): PreparedOperation {
    const { queryHash, document, request } = requestContext;
    const key = request.operationName ? `${queryHash}\u0000${request.operationName}` : queryHash;
    const cached = this.plans.get(key);
    if (cached) {
      this.plans.delete(key);
      this.plans.set(key, cached);
      return cached;
    }
    const { operation, fragments } = operationOf(document, request.operationName);
    const plan = loaded.planner.buildQueryPlan(
      operationFromDocument(loaded.apiSchema, document, { operationName: request.operationName }),
    );
    const prepared: PreparedOperation = {
      plan,
      shaped: shapedOperation(loaded.schema, operation, fragments),
      stock:
        operation.operation === OperationTypeNode.SUBSCRIPTION ||
        hasIntrospection(operation.selectionSet, fragments, new Set()) ||
        !planSupported(plan.node),
    };
    this.plans.set(key, prepared);
    if (this.plans.size > this.planCacheSize) this.plans.delete(this.plans.keys().next().value!);
    return prepared;
  }
}

/** The operation to run and the document's fragments (as `buildOperationContext`). */
function operationOf(
  document: DocumentNode,
  operationName: string | undefined,
): { operation: OperationDefinitionNode; fragments: Record<string, FragmentDefinitionNode> } {
  let operation: OperationDefinitionNode | undefined;
  let count = 0;
  const fragments: Record<string, FragmentDefinitionNode> = emptyRecord();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      count++;
      if (!operationName && count > 1)
        throw new GraphQLError(GATEWAY.operationNameRequired.en, {
          extensions: { code: "OPERATION_RESOLUTION_FAILURE", localizedMessage: GATEWAY.operationNameRequired.zh },
        });
      if (!operationName || definition.name?.value === operationName) operation = definition;
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments[definition.name.value] = definition;
    }
  }
  if (!operation) {
    const text = operationName ? GATEWAY.unknownOperation.with({ operationName }) : GATEWAY.noOperation;
    throw new GraphQLError(text.en, {
      extensions: { code: "OPERATION_RESOLUTION_FAILURE", localizedMessage: text.zh },
    });
  }
  return { operation, fragments };
}

/** Whether the root selection asks for `__schema` or `__type` (directly or through fragments). */
function hasIntrospection(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  visited: Set<string>,
): boolean {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === "__schema" || selection.name.value === "__type") return true;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (hasIntrospection(selection.selectionSet, fragments, visited)) return true;
    } else if (!visited.has(selection.name.value)) {
      visited.add(selection.name.value);
      const fragment = fragments[selection.name.value];
      if (fragment && hasIntrospection(fragment.selectionSet, fragments, visited)) return true;
    }
  }
  return false;
}

/** Whether our executor runs every node of the plan (no `@defer`, subscription or context rewrites). */
function planSupported(node: QueryPlan["node"]): boolean {
  if (!node) return true;
  switch (node.kind) {
    case "Sequence":
    case "Parallel":
      return node.nodes.every(planSupported);
    case "Flatten":
      return planSupported(node.node);
    case "Fetch":
      return !node.contextRewrites?.length && !node.hasDefers;
    case "Condition":
      return planSupported(node.ifClause) && planSupported(node.elseClause);
    default:
      return false;
  }
}
