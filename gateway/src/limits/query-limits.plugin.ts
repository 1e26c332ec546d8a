import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, type DocumentNode } from "graphql";
import { aliasCount, assertAliasesWithin, DEFAULT_MAX_ALIASES } from "./alias.limit";
import { assertCostWithin, DEFAULT_MAX_COST, queryCost } from "./cost.limit";
import { assertDepthWithin, DEFAULT_MAX_DEPTH, queryDepth } from "./depth.limit";
import { documentHasNul, nulRefused, variableWithNul } from "./nul-character.check";
import { fragmentsOf, type FragmentMap } from "./operation-fragments";
import { GATEWAY } from "../messages";

/** The limits one operation must stay within. */
export interface QueryLimits {
  /** Deepest field nesting (`GATEWAY_MAX_DEPTH`). */
  maxDepth: number;
  /** Most aliases per operation (`GATEWAY_MAX_ALIASES`). */
  maxAliases: number;
  /** Highest estimated cost (`GATEWAY_MAX_COST`). */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: DEFAULT_MAX_DEPTH,
  maxAliases: DEFAULT_MAX_ALIASES,
  maxCost: DEFAULT_MAX_COST,
};

/** What stays the same between requests that send the same document. */
interface DocumentMeasures {
  fragments: FragmentMap;
  /** A string literal holds U+0000. */
  hasNul: boolean;
  /** Operation name (null: the only one) → its depth and alias count. */
  shapes: Map<string | null, { depth: number; aliases: number }>;
}

/**
 * The document has no operation `operationName` names (or several and no name). Refused here
 * with 400: left to the gateway's executor it is a 500. The name is echoed only in part, as the
 * client may have sent 100 kB of it.
 */
function unresolved(operationName: string | undefined): GraphQLError {
  const text =
    operationName === undefined || operationName === null
      ? GATEWAY.severalOperations
      : GATEWAY.noSuchOperation.with({
          name: operationName.length > 64 ? `${operationName.slice(0, 64)}…` : operationName,
        });
  return new GraphQLError(text.en, {
    extensions: { code: "OPERATION_RESOLUTION_FAILURE", localizedMessage: text.zh, http: { status: 400 } },
  });
}

/**
 * Refuses an operation that nests too deeply, uses too many aliases or is estimated too costly,
 * with `QUERY_TOO_DEEP`, `TOO_MANY_ALIASES` or `QUERY_TOO_COSTLY` and HTTP 400; and, with 400
 * too, a request whose operation cannot be resolved or has no root type in the schema, and text
 * holding U+0000 (`BAD_USER_INPUT`), which no department can store.
 *
 * It runs in `didResolveOperation`: after Apollo Server has parsed and validated the document
 * and picked the operation to run, and before the gateway plans it — a refused query never
 * reaches a department. (Parsing and validation before it are bounded by `GATEWAY_MAX_TOKENS`.)
 *
 * Apollo's document store hands back the same DocumentNode for the same query text, so depth and
 * aliases are measured once per document; the cost depends on the variables (`first: $n`) and is
 * estimated on every request, one walk of the operation.
 */
export function queryLimitsPlugin<TContext extends BaseContext>(
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
): ApolloServerPlugin<TContext> {
  const measured = new WeakMap<DocumentNode, DocumentMeasures>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, request, schema }) {
          if (!operation) throw unresolved(request.operationName);
          // Validation lets a subscription through even though the schema has no Subscription
          // type; the gateway's executor would then fail with a 500.
          if (!schema.getRootType(operation.operation)) {
            const text = GATEWAY.noRootType.with({ operation: operation.operation });
            throw new GraphQLError(text.en, {
              extensions: { code: "GRAPHQL_VALIDATION_FAILED", localizedMessage: text.zh, http: { status: 400 } },
            });
          }
          let measures = measured.get(document);
          if (!measures)
            measured.set(
              document,
              (measures = { fragments: fragmentsOf(document), hasNul: documentHasNul(document), shapes: new Map() }),
            );
          let shape = measures.shapes.get(operationName);
          if (!shape) {
            shape = {
              depth: queryDepth(operation, measures.fragments),
              aliases: aliasCount(operation, measures.fragments),
            };
            measures.shapes.set(operationName, shape);
          }
          assertDepthWithin(shape.depth, limits.maxDepth);
          assertAliasesWithin(shape.aliases, limits.maxAliases);
          assertCostWithin(
            queryCost(operation, measures.fragments, { schema, variables: request.variables }),
            limits.maxCost,
          );
          if (measures.hasNul) throw nulRefused("a string in the query");
          const variable = variableWithNul(request.variables);
          if (variable) throw nulRefused(`variable $${variable}`);
        },
      };
    },
  };
}
