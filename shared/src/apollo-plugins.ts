import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "./logger";
import { graphqlRequests } from "./metrics";

/** Records each request's duration and outcome per operation name. */
export function metricsPlugin(service: string): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const end = graphqlRequests.startTimer({ service });
      return {
        async willSendResponse({ operationName, errors }) {
          end({ operation: operationName ?? "anonymous", outcome: errors?.length ? "error" : "ok" });
        },
      };
    },
  };
}

/**
 * Keeps deliberate errors (GraphQLErrors with a code) as they are and hides everything else
 * (SQL, stack traces) behind a generic message; the details go to the log.
 */
export function formatErrorFor(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError || !(original instanceof Error)) {
      const { stacktrace: _hidden, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, "unexpected error in resolver");
    return {
      message: "Internal error; the incident has been logged",
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}
