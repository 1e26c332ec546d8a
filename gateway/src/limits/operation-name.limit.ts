import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import { DEFAULT_MAX_OPERATION_NAME } from "@onewindow/platform/web";
import { GATEWAY } from "../messages";

/** The refusal of an operation name longer than `limit`: 400 `BAD_REQUEST`, the name itself not echoed. */
export function operationNameTooLong(length: number, limit: number): GraphQLError {
  const text = GATEWAY.operationNameTooLong.with({ length, limit });
  return new GraphQLError(text.en, {
    extensions: { code: "BAD_REQUEST", localizedMessage: text.zh, http: { status: 400 } },
  });
}

/**
 * Refuses an operation whose name in the document is longer than `limit` (the `operationName`
 * of the request is checked before Apollo Server, by `createHttpServer`). A name is a single
 * token, so `GATEWAY_MAX_TOKENS` lets one of up to the body limit through; it would then be
 * carried into logs, spans and metric labels. Runs as soon as the operation is picked, before
 * the other limits and before any planning.
 */
export function operationNamePlugin<TContext extends BaseContext>(
  limit = DEFAULT_MAX_OPERATION_NAME,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          const length = operation?.name?.value.length ?? 0;
          if (length > limit) throw operationNameTooLong(length, limit);
        },
      };
    },
  };
}
