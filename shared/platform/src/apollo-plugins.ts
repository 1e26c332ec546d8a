import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Caller } from "@onewindow/contracts";
import { KNOWN_OPERATIONS } from "./known-operations";
import type { Logger } from "./logger";
import { graphqlRequests } from "./metrics";

/** Default most operation names {@link OperationLabels} learns from authenticated callers. */
export const DEFAULT_MAX_LEARNED_OPERATIONS = 200;

/** The label of every operation name that is neither known nor learned. */
export const OTHER_OPERATION = "other";

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
/** The suffix the gateway's query planner adds to the names of the operations it sends a department. */
const PLANNER_SUFFIX = /__[a-z0-9_]+__\d+$/;

/**
 * Which operation names become metric labels. Every label value is a time series kept for the
 * life of the process, so a client must not be able to make new ones at will: the names of
 * OneWindow's own clients ({@link KNOWN_OPERATIONS}) are labels from the start, a name an
 * authenticated caller sends is learned until `maxLearned` have been, and everything else
 * (every anonymous caller's own names, and any once the bound is reached) is `other`.
 */
export class OperationLabels {
  private readonly known: Set<string>;
  private learned = 0;

  constructor(
    known: Iterable<string> = KNOWN_OPERATIONS,
    private readonly maxLearned = DEFAULT_MAX_LEARNED_OPERATIONS,
  ) {
    this.known = new Set(known);
  }

  /** The label for `name` sent by a caller who is authenticated or not. */
  label(name: string | null | undefined, authenticated: boolean): string {
    if (!name) return "anonymous";
    if (this.known.has(name)) return name;
    // A department sees the planner's name (`HallKpis__service_hall__0`): label it as the client's.
    const base = name.replace(PLANNER_SUFFIX, "");
    if (base !== name && this.known.has(base)) return base;
    if (!authenticated || this.learned >= this.maxLearned || !GRAPHQL_NAME.test(base)) return OTHER_OPERATION;
    this.known.add(base);
    this.learned++;
    return base;
  }
}

/**
 * Records each request's duration and outcome per operation name, labelled by `labels` (the
 * caller counts as authenticated when the request's context has a `caller` with a subject).
 */
export function metricsPlugin(service: string, labels = new OperationLabels()): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const end = graphqlRequests.startTimer({ service });
      return {
        async willSendResponse({ operationName, errors, contextValue }) {
          const authenticated = (contextValue as { caller?: Caller }).caller?.userId != null;
          end({ operation: labels.label(operationName, authenticated), outcome: errors?.length ? "error" : "ok" });
        },
      };
    },
  };
}

/** graphql-js's suggestions in validation errors: ` Did you mean "citizens"?` and the like. */
const SUGGESTION = / Did you mean [^?]*\?$/;

/**
 * Keeps deliberate errors (GraphQLErrors with a code) as they are and hides everything else
 * (SQL, stack traces) behind a generic message; the details go to the log.
 *
 * With `production` set it also drops what helps someone map the API from outside: graphql-js's
 * "Did you mean ...?" suggestions of field, argument and type names (introspection is off in
 * production; suggestions would give the names back one guess at a time), and the details of a
 * department's answer that Apollo's gateway attaches to a downstream error (`response`: the
 * department's URL, status and body).
 */
export function formatErrorFor(logger: Logger, production = false) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isDeliberate(original)) {
      const { stacktrace: _hidden, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
      if (production) {
        delete extensions.response;
        delete extensions.exception;
        if (SUGGESTION.test(formatted.message))
          formatted = { ...formatted, message: formatted.message.replace(SUGGESTION, "") };
      }
      // Apollo Server refuses some malformed requests (a persisted-query hash that does not match
      // the query, an unknown persisted-query version) with HTTP 400 but no code, which it then
      // reports as INTERNAL_SERVER_ERROR: they are the client's error.
      if (extensions.code === "INTERNAL_SERVER_ERROR" && isClientErrorStatus(original)) extensions.code = "BAD_REQUEST";
      return { ...formatted, extensions };
    }
    logger.error(
      { err: original instanceof GraphQLError ? original.originalError : original, path: formatted.path },
      "unexpected error",
    );
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
