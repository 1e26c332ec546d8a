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
    if (isDeliberate(original)) {
      const { stacktrace: _hidden, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
      // Apollo Server refuses some malformed requests (a persisted-query hash that does not match
      // the query, an unknown persisted-query version) with HTTP 400 but no code, which it then
      // reports as INTERNAL_SERVER_ERROR: they are the client's error.
      if (extensions.code === "INTERNAL_SERVER_ERROR" && isClientErrorStatus(original)) extensions.code = "BAD_REQUEST";
      return { ...formatted, extensions };
    }
    logger.error({ err: original instanceof GraphQLError ? original.originalError : original, path: formatted.path }, "unexpected error");
    return {
      message: "Internal error; the incident has been logged",
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}

/**
 * A GraphQLError made on purpose (a resolver's, a plugin's, Apollo's or graphql-js's own), as
 * opposed to an unexpected Error — thrown by a resolver (unwrapped above), or thrown outside any
 * resolver (by a plugin or the gateway's executor) and wrapped by Apollo in a GraphQLError with
 * no code whose message is the unexpected error's own.
 */
function isDeliberate(error: unknown): boolean {
  if (!(error instanceof Error)) return true;
  if (!(error instanceof GraphQLError)) return false;
  const cause = error.originalError;
  return error.extensions.code !== undefined || !cause || cause instanceof GraphQLError;
}

function isClientErrorStatus(error: unknown): boolean {
  const status = (error as GraphQLError).extensions?.http as { status?: unknown } | undefined;
  return typeof status?.status === "number" && status.status >= 400 && status.status < 500;
}
