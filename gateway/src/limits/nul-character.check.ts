import { BREAK, GraphQLError, Kind, visit, type DocumentNode } from "graphql";
import { OneWindowError } from "@onewindow/platform/web";
import { GATEWAY } from "../messages";

const NUL = "\u0000";

/**
 * Whether any string literal of the document holds U+0000 (written `"\u0000"` in GraphQL). No
 * department takes such text: PostgreSQL refuses it in every text column, so it would surface as
 * an internal error (or an audit row that cannot be written) instead of a refusal.
 */
export function documentHasNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes(NUL)) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The name of the first variable whose value holds U+0000 in any string, at any depth, or null.
 * Walks without recursion: the body limit allows variables nested 50,000 arrays deep.
 */
export function variableWithNul(variables: Readonly<Record<string, unknown>> | null | undefined): string | null {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const pending: unknown[] = [value];
    while (pending.length) {
      const item = pending.pop();
      if (typeof item === "string") {
        if (item.includes(NUL)) return name;
      } else if (item !== null && typeof item === "object") {
        // One by one: spreading a 50,000-item array into push() can overflow the stack.
        for (const child of Array.isArray(item) ? item : Object.values(item)) pending.push(child);
      }
    }
  }
  return null;
}

/** BAD_USER_INPUT (HTTP 400) for text holding U+0000, naming where it was. */
export function nulRefused(where: string): GraphQLError {
  return new OneWindowError("BAD_USER_INPUT", GATEWAY.nulCharacter.with({ where }), { http: { status: 400 } });
}
