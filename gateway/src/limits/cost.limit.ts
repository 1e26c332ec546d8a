import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { limitExceeded } from "./limit-error";
import { FragmentMemo, type FragmentMap } from "./operation-fragments";
import { GATEWAY } from "../messages";

/** Default `GATEWAY_MAX_COST`: a clerk's full view of a citizen costs about 100, a page of 50 citizens with their insurance and tax about 900. */
export const DEFAULT_MAX_COST = 5000;

/** How the cost of an operation is estimated. */
export interface CostOptions {
  /** The schema the operation runs against: tells which fields return Relay connections. Without it only explicit `first`/`last` multiply. */
  schema?: GraphQLSchema;
  /** The request's variables, for `first: $n`. */
  variables?: Readonly<Record<string, unknown>> | null;
  /**
   * Items a connection returns when `first` is absent: 20, what `pageRequest` in
   * @onewindow/platform gives every department's connection.
   */
  defaultPageSize?: number;
  /** Largest `first`/`last` counted: 100, the most `pageRequest` lets a department return. */
  maxPageSize?: number;
}

const PAGE_ARGUMENTS = new Set(["first", "last"]);

/**
 * A static estimate of what an operation makes the departments do, before anything runs: each
 * field costs 1; a field with a `first`/`last` argument (or, without one, a field that returns a
 * Relay connection) multiplies the cost of everything selected inside it by the page size, since
 * that subtree is resolved once per item. Fragments are expanded (each fragment measured once and
 * reused, so fragment bombs and cycles cost linear time). Introspection fields are counted like
 * any other field.
 *
 * `citizens(first: 20) { totalCount edges { node { idNumber name } } }` costs 1 + 20 × (1 + 1 + (1 + 2)) = 101.
 */
export function queryCost(
  operation: OperationDefinitionNode,
  fragments: FragmentMap,
  options: CostOptions = {},
): number {
  const { schema, variables, defaultPageSize = 20, maxPageSize = 100 } = options;
  const memo = new FragmentMemo<number>(fragments, 0);
  const typeNamed = (name: string | undefined): GraphQLNamedType | undefined =>
    name && schema ? (schema.getType(name) ?? undefined) : undefined;

  /** The page size a field multiplies its subtree by: its `first`/`last`, the default for a connection, 1 otherwise. */
  const multiplierOf = (field: FieldNode, returnsConnection: boolean): number => {
    let size: number | undefined;
    for (const argument of field.arguments ?? []) {
      if (!PAGE_ARGUMENTS.has(argument.name.value)) continue;
      const node = argument.value;
      const value =
        node.kind === Kind.INT
          ? Number(node.value)
          : node.kind === Kind.VARIABLE
            ? variables?.[node.name.value]
            : undefined;
      // A non-number (null, a string …) is refused or defaulted by the department; count the default.
      if (typeof value === "number" && Number.isFinite(value)) size = Math.max(size ?? 0, value);
    }
    if (size === undefined)
      return returnsConnection || field.arguments?.some((a) => PAGE_ARGUMENTS.has(a.name.value)) ? defaultPageSize : 1;
    // `first: 0` still makes the department count and plan; `first: 10^9` is capped where the department caps it.
    return Math.min(maxPageSize, Math.max(1, Math.floor(size)));
  };

  const costOf = (set: SelectionSetNode, parent: GraphQLNamedType | undefined): number => {
    let cost = 0;
    let spread: Set<string> | undefined;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += 1;
        if (!selection.selectionSet) continue;
        const definition =
          isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        const returned = definition
          ? getNamedType(definition.type)
          : schema
            ? metaFieldType(schema, selection.name.value)
            : undefined;
        const returnsConnection = isObjectType(returned) && returned.name.endsWith("Connection");
        cost += multiplierOf(selection, returnsConnection) * costOf(selection.selectionSet, returned);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += costOf(
          selection.selectionSet,
          selection.typeCondition ? typeNamed(selection.typeCondition.name.value) : parent,
        );
      } else {
        const name = selection.name.value;
        if (spread?.has(name)) continue;
        (spread ??= new Set()).add(name);
        cost += memo.get(name, (fragment) =>
          costOf(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value)),
        );
      }
    }
    return cost;
  };

  const root = schema ? (schema.getRootType(operation.operation) ?? undefined) : undefined;
  return costOf(operation.selectionSet, root);
}

/** `__schema` and `__type` are not in the root type's fields; their types are. */
function metaFieldType(schema: GraphQLSchema, name: string): GraphQLNamedType | undefined {
  if (name === "__schema") return schema.getType("__Schema") ?? undefined;
  if (name === "__type") return schema.getType("__Type") ?? undefined;
  return undefined;
}

/** Throws `QUERY_TOO_COSTLY` when an estimated `cost` is above `limit`. */
export function assertCostWithin(cost: number, limit: number): void {
  if (cost > limit) {
    throw limitExceeded(
      "QUERY_TOO_COSTLY",
      GATEWAY.queryTooCostly.with({ cost: Number.isFinite(cost) ? cost : "beyond counting", limit }),
    );
  }
}
