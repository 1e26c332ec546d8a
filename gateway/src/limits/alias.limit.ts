import { Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { limitExceeded } from "./limit-error";
import { FragmentMemo, type FragmentMap } from "./operation-fragments";
import { GATEWAY } from "../messages";

/** Default `GATEWAY_MAX_ALIASES`: no daily operation needs more than a handful. */
export const DEFAULT_MAX_ALIASES = 30;

/**
 * How many aliased fields an operation asks for, fragments expanded: each spread counts its
 * fragment's aliases again, because aliases are how one request asks for the same expensive field
 * many times over (`a1: citizens(first: 100) … a99: citizens(first: 100)`). Spreading the same
 * fragment twice into one selection set merges into one result, so it counts once there.
 */
export function aliasCount(operation: OperationDefinitionNode, fragments: FragmentMap): number {
  const memo = new FragmentMemo<number>(fragments, 0);
  const countIn = (set: SelectionSetNode): number => {
    let count = 0;
    let spread: Set<string> | undefined;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) count++;
        if (selection.selectionSet) count += countIn(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += countIn(selection.selectionSet);
      } else {
        const name = selection.name.value;
        if (spread?.has(name)) continue;
        (spread ??= new Set()).add(name);
        count += memo.get(name, (fragment) => countIn(fragment.selectionSet));
      }
    }
    return count;
  };
  return countIn(operation.selectionSet);
}

/** Throws `TOO_MANY_ALIASES` when a measured alias `count` is above `limit`. */
export function assertAliasesWithin(count: number, limit: number): void {
  if (count > limit) throw limitExceeded("TOO_MANY_ALIASES", GATEWAY.tooManyAliases.with({ count, limit }));
}
