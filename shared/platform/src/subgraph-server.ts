import type http from "node:http";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { formatErrorFor, metricsPlugin } from "./apollo-plugins";
import { auditPlugin, refusalKey, refusalRecorder } from "./audit/audit-plugin";
import type { SelfServiceActs } from "./audit/acts";
import { AuditTrail } from "./audit/audit-trail";
import { PersonalDataAccess } from "./auth/authorization";
import type { PersonReadCap } from "./auth/read-cap";
import { CONTEXT_HEADER, type ContextVerifier, type VerifiedContext } from "./auth/internal-context";
import type { UsedContexts } from "./auth/used-contexts";
import type { Role } from "@onewindow/contracts";
import type { RequestContext } from "./context";
import { createHttpServer, createMetricsServer, listen } from "./http";
import { allowReplicaReads, readRouterOf, readScope } from "./db/read-routing";
import type { CursorKey } from "./pagination";
import type { Logger } from "./logger";
import { traceLogFields, tracingEnabled, tracingPlugin } from "./telemetry";

/** What a department hands to {@link createSubgraphServer}. */
export interface SubgraphServerOptions {
  service: string;
  schema: GraphQLSchema;
  dataSource: DataSource;
  logger: Logger;
  /** `production` turns introspection and name suggestions in errors off. */
  nodeEnv: string;
  /** Extra readiness checks beyond the database (NATS, for instance). */
  ready?: () => Promise<void>;
  /** Checks the gateway's signature on every request: unsigned requests get nothing. */
  verifier: ContextVerifier;
  /** Refuses a context another replica of the department already served (unset: this process only). */
  usedContexts?: UsedContexts;
  /** Roles that may read citizens' personal data this department holds (fields narrow it further). */
  personalDataReaders: readonly Role[];
  /** Mutations that name a person but need no stated purpose (see {@link SelfServiceActs}). */
  selfServiceActs?: SelfServiceActs;
  /** Seals this department's list cursors (`CURSOR_SECRET`). */
  cursorKey: CursorKey;
  /** Distinct persons each user may read per hour (`PERSON_READ_CAPS`), counted in this process. */
  personReadCap: PersonReadCap;
  /** The department's audit trail; by default an unsigned one over `dataSource`. */
  trail?: AuditTrail;
}

/** A built, not yet listening subgraph; `start` listens, `stop` drains and closes everything. */
export interface SubgraphServer {
  httpServer: http.Server;
  /**
   * Listens for GraphQL on `port` and, when `metricsPort` is given, serves /metrics on it (0:
   * any free port); both on `host` (default 127.0.0.1). Reports both ports to a parent process
   * over IPC. Resolves with the GraphQL port.
   */
  start(port: number, host?: string, metricsPort?: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Builds a department's subgraph server: Apollo Server over plain HTTP with health and readiness
 * routes, and metrics on a port of their own. Has no side effects until `start` is called.
 */
export function createSubgraphServer(options: SubgraphServerOptions): SubgraphServer {
  const { service, schema, dataSource, logger, verifier, usedContexts, personalDataReaders, cursorKey, personReadCap } =
    options;
  const trail = options.trail ?? new AuditTrail(dataSource);
  const refusals = refusalRecorder(trail, logger);
  // With read replicas each request runs in a read scope of its own, which a query opens to them.
  const replicated = readRouterOf(dataSource) !== undefined;
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: options.nodeEnv !== "production",
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatErrorFor(logger, options.nodeEnv === "production"),
    logger,
    // Inline traces (ftv1) are for Apollo Studio, which we do not use; they cost time per field.
    // Cache-control hints likewise: no type sets one, yet the plugin runs for every field.
    plugins: [
      metricsPlugin(service),
      auditPlugin(trail, service, refusals, options.selfServiceActs),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(replicated ? [replicaReadsPlugin()] : []),
      // Names the request's span after the operation; only when tracing is on.
      ...(tracingEnabled() ? [tracingPlugin()] : []),
    ],
  });
  const httpServer = createHttpServer<RequestContext, VerifiedContext>({
    apollo,
    // Before the body is parsed: a request without the gateway's signature is answered 401. The
    // process's own memory of used contexts answers first; the shared table then catches a
    // context replayed to another replica.
    authenticate: async (req, body) => {
      const verified = verifier.verify(req.headers[CONTEXT_HEADER] as string | undefined, body);
      await usedContexts?.claim(verified.contextId, verified.replayableUntil);
      return verified;
    },
    // Who sent it is unknown (nothing verified): the trail keeps where it came from and why it was refused.
    onRefused: (req, requestId, refusal) => {
      const record = {
        requestId,
        userId: null,
        roles: [],
        purpose: null,
        idNumber: null,
        department: service,
        fields: ["POST /graphql"],
        outcome: "refused" as const,
        reason: `${refusal.code}: ${refusal.message} (from ${req.socket.remoteAddress ?? "unknown"})`,
      };
      refusals.record(refusalKey(record), record);
    },
    // The child logger is made on first use: most requests never log.
    context: async (_req, localId, signed) => {
      // `authenticate` let the request in, so it carries a verified caller.
      const { caller, requestId = localId, clientRequestId } = signed!;
      let child: Logger | undefined;
      // The request's span, when tracing is on: its ids go on the request's log lines.
      const traceIds = traceLogFields();
      return {
        requestId,
        clientRequestId,
        get logger() {
          return (child ??= logger.child(traceIds ? { requestId, ...traceIds } : { requestId }));
        },
        caller,
        access: new PersonalDataAccess(caller, service, personalDataReaders, requestId, personReadCap),
        trail,
        cursors: cursorKey,
        loaders: new Map(),
      };
    },
    around: replicated ? readScope : undefined,
    ready: async () => {
      await dataSource.query("SELECT 1");
      await options.ready?.();
    },
  });
  let metricsServer: http.Server | undefined;
  return {
    httpServer,
    async start(port, host, metricsPort) {
      await apollo.start();
      const bound = await listen(httpServer, port, host);
      const metricsBound =
        metricsPort === undefined
          ? undefined
          : await listen((metricsServer = createMetricsServer()), metricsPort, host);
      logger.info(
        { port: bound, metricsPort: metricsBound },
        `${service} subgraph listening on http://127.0.0.1:${bound}/graphql`,
      );
      process.send?.({ type: "listening", service, port: bound, metricsPort: metricsBound });
      return bound;
    },
    async stop() {
      refusals.stop();
      metricsServer?.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      await apollo.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

/**
 * Lets a GraphQL query's reads go to a read replica; a mutation's (and everything a query writes
 * after) stay on the primary, so that an act decides from current data and reads its own writes.
 */
function replicaReadsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === "query") allowReplicaReads();
        },
      };
    },
  };
}
