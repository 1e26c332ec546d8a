/**
 * The platform's entry for processes that serve HTTP but own no database: the gateway. The same
 * modules as the main entry's, without those that load TypeORM, the database drivers, the cache
 * stores, the federation subgraph library and the department's process (`reflect-metadata`
 * included): the gateway never uses them, and loading them cost it start-up time and resident
 * memory it keeps for its whole life.
 */
export {
  OneWindowError,
  BadUserInputError,
  NotFoundError,
  ConflictError,
  ForbiddenError,
  RateLimitedError,
  UnauthenticatedError,
} from "./errors";
export {
  readPort,
  readUrl,
  readInt,
  loadBaseConfig,
  natsServers,
  metricsPortOf,
  ConfigError,
  type BaseConfig,
} from "./config";
export { createLogger, type Logger } from "./logger";
export { metricsRegistry } from "./metrics";
export { formatErrorFor, metricsPlugin } from "./apollo-plugins";
export {
  createHttpServer,
  createMetricsServer,
  listen,
  clientRequestId,
  DEFAULT_HOST,
  DEFAULT_MAX_OPERATION_NAME,
  type Refusal,
} from "./http";
export { runProcess } from "./process";
export { withNodeOption } from "./node-options";
export {
  startTelemetry,
  stopTelemetry,
  injectTraceparent,
  traceLogFields,
  tracingEnabled,
  tracingPlugin,
  withDepartmentSpan,
} from "./telemetry";
export { natsSubject, type EventEnvelope } from "./events/event-envelope";
export { NATS_GATEWAY_USER, loadNatsCredentials, type NatsCredentials } from "./auth/event-keys";
export { deriveContextKey, ensureDevKeys, loadContextSecret, loadDevIssuerKey, loadJwtSecret } from "./auth/keys";
export { CONTEXT_HEADER, contextClaims, signContextHeader } from "./auth/internal-context";
export { tokenRolesProblem } from "./auth/token-rules";
export { readKeyMaterial } from "./auth/key-material";
export { RefusalTally } from "./audit/refusal-tally";
export { parseIdNumber } from "./validation/id-number";
export { localizationPlugin } from "./localization";
