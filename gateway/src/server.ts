import type http from "node:http";
import path from "node:path";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ANONYMOUS, type Caller } from "@onewindow/contracts";
import {
  clientRequestId,
  deriveContextKey,
  createHttpServer,
  createMetricsServer,
  formatErrorFor,
  listen,
  localizationPlugin,
  metricsPlugin,
  traceLogFields,
  tracingEnabled,
  tracingPlugin,
  type Logger,
} from "@onewindow/platform/web";
import { RefusalLog } from "./audit/refusal-log";
import type { Authenticator } from "./auth/authenticator";
import type { GatewayConfig } from "./config";
import type { GatewayContext } from "./context";
import { createSubgraphPool, DepartmentDataSource } from "./department-data-source";
import { PlanGateway } from "./execution/plan-gateway";
import { BoundedDocumentStore } from "./limits/document-store";
import { operationNamePlugin } from "./limits/operation-name.limit";
import { queryLimitsPlugin } from "./limits/query-limits.plugin";
import { CallerRateLimits, RequestRateLimiter } from "./limits/request-rate.limiter";
import { EventFeed } from "./subscriptions/event-feed";
import { EVENT_STREAM_PATH, EventStreams } from "./subscriptions/event-stream";
import { SubscriptionServer } from "./subscriptions/subscription-server";
import { followedEventTypes } from "./subscriptions/subscription-fields";

/** A built gateway; `start` listens, `stop` drains and closes. */
export interface GatewayServer {
  httpServer: http.Server;
  /** Subgraph name → the URL the gateway calls. */
  subgraphs: Map<string, string>;
  start(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Builds the gateway over the supergraph composed at build time (no run-time introspection or
 * polling). No side effects until `start`.
 */
export function createGatewayServer(
  config: GatewayConfig,
  authenticator: Authenticator,
  logger: Logger,
): GatewayServer {
  const subgraphs = config.subgraphUrls;
  const pools = new Map(
    config.subgraphClient === "pool"
      ? [...subgraphs].map(([name, url]) => [
          name,
          createSubgraphPool(url, { connections: config.subgraphConnections }),
        ])
      : [],
  );
  const buildService = ({ name }: { name: string }) =>
    new DepartmentDataSource(name, subgraphs.get(name)!, deriveContextKey(config.contextSecret, name), pools.get(name));
  // The same supergraph and query planner either way; our executor by default (BENCHMARKS.md, "The gateway").
  const gateway =
    config.executor === "plan"
      ? new PlanGateway({ supergraphSdl: config.supergraphSdl, buildService })
      : new ApolloGateway({ supergraphSdl: config.supergraphSdl, buildService });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.nodeEnv !== "production",
    csrfPrevention: true,
    // Bounds parsing and validation, which run before the depth, alias and cost limits.
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Parsed documents kept by what they really hold: Apollo's default let anonymous callers
    // fill tens of MB with large distinct documents.
    documentStore: new BoundedDocumentStore(),
    includeStacktraceInErrorResponses: false,
    formatError: formatErrorFor(logger, config.nodeEnv === "production"),
    logger,
    // No department sets cache hints; computing the policy cost time on every request.
    // Depth, alias and cost limits: checked after validation, before the gateway plans anything.
    plugins: [
      metricsPlugin("gateway"),
      ApolloServerPluginCacheControlDisabled(),
      operationNamePlugin(config.limits.maxOperationName),
      queryLimitsPlugin(config.limits),
      // Names the request's span after the operation; only when tracing is on.
      ...(tracingEnabled() ? [tracingPlugin()] : []),
      // Every error gets a localizedMessage in the caller's language, the departments' included.
      localizationPlugin<GatewayContext>(),
    ],
  });
  const refusals = new RefusalLog();
  // Over the limit is 429 RATE_LIMITED: anonymous callers by address before the body is read,
  // callers with a token by the token's verified subject.
  const rateLimits = new CallerRateLimits(
    new RequestRateLimiter(config.limits.rateLimit),
    config.limits.trustedProxies,
  );
  const httpServer = createHttpServer<GatewayContext, Caller>({
    apollo,
    // The audit trail's request ids are the gateway's; the client's own is kept beside them.
    issueRequestIds: true,
    // 401 and 429 are answered before any department is asked: they go to the refusal log.
    onRefused: (req, requestId, refusal) => refusals.record(req, requestId, clientRequestId(req), refusal),
    bodyLimit: config.limits.bodyLimit,
    maxOperationName: config.limits.maxOperationName,
    admit: (req) => rateLimits.admit(req),
    // A bad token is refused with 401 before any planning; no token is an anonymous caller.
    authenticate: rateLimits.authenticated((req) => authenticator.authenticate(req)),
    // The child logger is made on first use: most requests never log, and making one per
    // request showed up in the gateway's profile.
    context: async (req, requestId, caller) => {
      let child: Logger | undefined;
      // The request's span, when tracing is on: its ids go on the request's log lines.
      const traceIds = traceLogFields();
      return {
        requestId,
        clientRequestId: clientRequestId(req),
        caller: caller ?? ANONYMOUS,
        get logger() {
          return (child ??= logger.child(traceIds ? { requestId, ...traceIds } : { requestId }));
        },
      };
    },
    // Subscriptions over Server-Sent Events, for screens that only read.
    routes: new Map([[EVENT_STREAM_PATH, (req, res, search): Promise<void> => streams.serve(req, res, search)]]),
    // The dashboard, the explorer and the hall's queue screen, built by Vite into dashboard/dist
    // (npm run build): no CDN.
    static: {
      root: process.env.DASHBOARD_DIST || path.join(__dirname, "..", "..", "dashboard", "dist"),
      pages: {
        "/dashboard": "dashboard/index.html",
        "/explorer": "explorer/index.html",
        "/screen": "screen/index.html",
        "/workbench": "workbench/index.html",
      },
      assetPrefix: "/assets/",
    },
    // Ready when every department answers its own readiness probe.
    ready: async () => {
      const down: string[] = [];
      await Promise.all(
        [...subgraphs].map(async ([name, url]) => {
          const probe = new URL("/readyz", url);
          const ok = await fetch(probe, { signal: AbortSignal.timeout(2000) }).then(
            (r) => r.ok,
            () => false,
          );
          if (!ok) down.push(name);
        }),
      );
      if (down.length) throw new Error(`subgraphs not ready: ${down.sort().join(", ")}`);
    },
  });
  // Subscriptions over WebSocket on the same port and path (and over Server-Sent Events at
  // /graphql/stream), fed by the departments' events.
  const feed = new EventFeed(
    { url: config.natsUrl, prefix: config.events.prefix, credentials: config.natsCredentials, logger },
    followedEventTypes(),
  );
  const subscriptions = new SubscriptionServer({
    httpServer,
    apollo,
    authenticator,
    feed,
    limits: config.subscriptions,
    maxPayload: config.limits.bodyLimit,
    maxTokens: config.limits.maxTokens,
    logger,
  });
  const streams = new EventStreams(subscriptions, config.subscriptions);
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => subscriptions.setApiSchema(apiSchema));
  const metricsServer = createMetricsServer();
  return {
    httpServer,
    subgraphs,
    async start() {
      await apollo.start();
      feed.start();
      const port = await listen(httpServer, config.port, config.host);
      const metricsPort = await listen(metricsServer, config.metricsPort, config.host);
      logger.info({ port, metricsPort }, `gateway listening on http://127.0.0.1:${port}/graphql`);
      process.send?.({ type: "listening", service: "gateway", port, metricsPort });
      return port;
    },
    async stop() {
      refusals.stop();
      streams.close();
      await subscriptions.close();
      await feed.stop();
      metricsServer.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      await apollo.stop();
      await Promise.all([...pools.values()].map((pool) => pool.close()));
    },
  };
}
