import { Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { limitExceeded } from "./limit-error";
import { FragmentMemo, type FragmentMap } from "./operation-fragments";
import { GATEWAY } from "../messages";

/** Default `GATEWAY_MAX_DEPTH`: the deepest daily operation nests 6 levels; 12 leaves room for dashboards. */
export const DEFAULT_MAX_DEPTH = 12;

/**
 * Introspection meta-fields whose subtrees are not counted: the standard introspection query that
 * GraphiQL and code generators send nests `ofType` about 13 levels deep, and introspection is
 * answered by the gateway itself from its schema (never planned onto a department). In
 * production introspection is off, and validation refuses these fields before any limit runs.
 */
const INTROSPECTION_ROOTS = new Set(["__schema", "__type"]);

/**
 * How deeply an operation nests fields: a root field is depth 1, each field selected inside it one
 * more; fragments (inline or spread) add no level of their own. `{ citizen { employment {
 * employer { name } } } }` is 4.
 */
export function queryDepth(operation: OperationDefinitionNode, fragments: FragmentMap): number {
  const memo = new FragmentMemo<number>(fragments, 0);
  const depthOf = (set: SelectionSetNode): number => {
    let deepest = 0;
    for (const selection of set.selections) {
      let depth: number;
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION_ROOTS.has(selection.name.value)) continue;
        depth = 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = depthOf(selection.selectionSet);
      } else {
        depth = memo.get(selection.name.value, (fragment) => depthOf(fragment.selectionSet));
      }
      if (depth > deepest) deepest = depth;
    }
    return deepest;
  };
  return depthOf(operation.selectionSet);
}

/** Throws `QUERY_TOO_DEEP` when a measured `depth` is above `limit`. */
export function assertDepthWithin(depth: number, limit: number): void {
  if (depth > limit) throw limitExceeded("QUERY_TOO_DEEP", GATEWAY.queryTooDeep.with({ depth, limit }));
}
