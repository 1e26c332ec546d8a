import { DataSource } from "typeorm";
import { loadBaseConfig, readPort } from "./config";
import { DEFAULT_HOST } from "./http";
import { createLogger } from "./logger";
import { runProcess } from "./process";
import { startTelemetry, stopTelemetry } from "./telemetry";
import { loadEventTrust, startEventing } from "./nats/eventing";
import { createSubgraphServer, type SubgraphServer } from "./subgraph-server";
import { AuditTrail } from "./audit/audit-trail";
import { claimAuditWriter } from "./audit/audit-writer";
import { AuditHeadRelay, readPublishedHeads } from "./nats/audit-stream";
import { ContextVerifier } from "./auth/internal-context";
import {
  ensureDevAuditKeys,
  ensureDevCursorSecret,
  loadAuditSigningKey,
  loadAuditVerifyKey,
  loadContextVerifyKeys,
  loadCursorSecret,
} from "./auth/keys";
import { loadPersonReadCaps, PersonReadCap } from "./auth/read-cap";
import { CursorKey } from "./pagination";
import { UsedContexts } from "./auth/used-contexts";
import { closeSharedCacheStore } from "./cache/cache-config";
import { metricsPortOf, migrateSubgraph, openSubgraphDatabase, type SubgraphDefinition } from "./subgraph";

/*
 * A department's process: its server and its event backbone (NATS), behind their own entry
 * (`@onewindow/platform/server`) so that what only reads a department's definition (composition,
 * seeding, tools, tests) does not load the NATS client.
 */

/** A subgraph that is up: its port, its database and how to stop it. */
export interface RunningSubgraph<S> {
  port: number;
  dataSource: DataSource;
  services: S;
  server: SubgraphServer;
  stop(): Promise<void>;
}

/** Opens the department's database (running migrations), builds its schema and listens. */
export async function startSubgraph<S>(
  definition: SubgraphDefinition<S>,
  env: Record<string, string | undefined> = process.env,
): Promise<RunningSubgraph<S>> {
  const config = loadBaseConfig(env);
  const port = readPort(env, "PORT", definition.defaultPort);
  // Before the database is opened: a missing key is a configuration error, reported at once.
  const contextKeys = loadContextVerifyKeys(env, config.dataDir, definition.name);
  const logger = createLogger(definition.name, config.logLevel);
  // Traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; before the server is built.
  startTelemetry(definition.name, env);
  // Development only: production passes CURSOR_SECRET(_FILE), shared by the department's replicas.
  if (config.nodeEnv !== "production" && !env.CURSOR_SECRET && !env.CURSOR_SECRET_FILE)
    ensureDevCursorSecret(config.dataDir, definition.name);
  const cursorKey = new CursorKey(loadCursorSecret(env, config.dataDir, definition.name));
  const personReadCap = new PersonReadCap(loadPersonReadCaps(env));
  const dataSource = await openSubgraphDatabase(definition as SubgraphDefinition<unknown>, config, logger, {
    readReplicas: true,
  });
  const services = definition.createServices(dataSource);
  const handlers = definition.eventHandlers?.(services);
  const eventing = startEventing(
    dataSource,
    config,
    definition.name,
    handlers,
    logger,
    loadEventTrust(env, config.dataDir, definition.name, handlers),
  );
  // Development signs with a key generated into DATA_DIR/keys; production passes AUDIT_SIGNING_KEY.
  if (config.nodeEnv !== "production" && !env.AUDIT_SIGNING_KEY && !env.AUDIT_SIGNING_KEY_FILE)
    ensureDevAuditKeys(config.dataDir, definition.name);
  const heads = new AuditHeadRelay(dataSource, eventing.bus, definition.name, logger);
  heads.start();
  // A chain of the trail of this process's own: replicas append side by side, not in turns.
  const writer = await claimAuditWriter(dataSource, logger);
  const trail = new AuditTrail(
    dataSource,
    {
      department: definition.name,
      signingKey: loadAuditSigningKey(env, config.dataDir, definition.name),
      verifyKey: loadAuditVerifyKey(env, config.dataDir, definition.name),
      publishedHeads: async () => {
        if (!eventing.bus.connected) throw new Error(`NATS at ${config.natsUrl} is not reachable`);
        const { js, jsm } = eventing.bus.jetStream();
        return readPublishedHeads(js, jsm, config.events.prefix, definition.name);
      },
      headsCommitted: (head) => heads.hand(head),
    },
    {
      writer: writer.writer,
      onChainMismatch: (message) => logger.error({ auditChain: writer.writer }, `audit trail: ${message}`),
    },
  );
  // The start-up check: where the chain stands, against its newest signed head.
  const resumed = await trail.resume();
  logger.info({ auditChain: writer.writer, row: resumed }, "audit trail: appending to its chain");
  const server = createSubgraphServer({
    service: definition.name,
    schema: await definition.buildSchema(services),
    dataSource,
    logger,
    nodeEnv: config.nodeEnv,
    verifier: new ContextVerifier(contextKeys, definition.name),
    usedContexts: new UsedContexts(dataSource, definition.name),
    personalDataReaders: definition.personalDataReaders,
    selfServiceActs: new Set(definition.selfServiceActs),
    cursorKey,
    personReadCap,
    trail,
    ready: async () => {
      if (!eventing.bus.connected)
        throw new Error(`NATS at ${config.natsUrl} is not reachable (events wait in the outbox)`);
    },
  });
  const bound = await server.start(
    port,
    env.HOST || DEFAULT_HOST,
    readPort(env, "METRICS_PORT", metricsPortOf(definition.defaultPort)),
  );
  return {
    port: bound,
    dataSource,
    services,
    server,
    async stop() {
      await heads.stop();
      await eventing.stop();
      await server.stop();
      await writer.release();
      await closeSharedCacheStore();
      await stopTelemetry();
    },
  };
}

/**
 * The `main` of a subgraph process. No argument: start, and stop gracefully on a signal.
 * `migrate`: the migrate step ({@link migrateSubgraph}), exiting 0 when done and 1 on failure.
 */
export function runSubgraph<S>(
  definition: SubgraphDefinition<S>,
  args: readonly string[] = process.argv.slice(2),
): void {
  const logger = createLogger(definition.name);
  if (args.length === 0) {
    runProcess(logger, () => startSubgraph(definition));
  } else if (args.length === 1 && args[0] === "migrate") {
    migrateSubgraph(definition as SubgraphDefinition<unknown>).then(
      () => process.exit(0),
      (err: Error) => {
        // Configuration errors carry a message meant for the operator, not a stack trace.
        if (err?.name !== "ConfigError") logger.fatal({ err }, "migration failed");
        console.error(`${definition.name}: migration failed: ${err?.message}`);
        process.exit(1);
      },
    );
  } else {
    console.error(
      `${definition.name}: unknown arguments "${args.join(" ")}"; usage: main.js (serve) or main.js migrate`,
    );
    process.exit(2);
  }
}
