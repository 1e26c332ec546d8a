/**
 * The platform every OneWindow process runs on: configuration, logging, metrics, telemetry, the
 * HTTP server and federation helper, data sources and migrations, the outbox and inbox of the
 * event backbone, the signed internal context, authorisation helpers and the audit trail. It knows
 * no department. The NATS client is behind `@onewindow/platform/nats` and a department's process
 * behind `@onewindow/platform/server`, so that importing this entry loads neither.
 */
import "reflect-metadata";

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
  ConfigError,
  type BaseConfig,
  type EventsConfig,
  type DatabaseMigrations,
} from "./config";
export { createLogger, type Logger } from "./logger";
export {
  isValidDate,
  calendarOf,
  today,
  parsePastDate,
  ageOn,
  addDays,
  type Clock,
  systemClock,
  todayBy,
} from "./dates";
export { yuanToFen, fenToYuan, bigintTransformer } from "./money";
export { DateScalar, DateTimeScalar } from "./scalars";
export {
  idNumberCheckCharacter,
  checkIdNumber,
  parseIdNumber,
  makeIdNumber,
  type IdNumberInfo,
} from "./validation/id-number";
export {
  creditCodeCheckCharacter,
  organizationCodeCheckCharacter,
  checkCreditCode,
  parseCreditCode,
  makeCreditCode,
} from "./validation/credit-code";
export {
  buildFederatedSchema,
  personalReference,
  type ReferenceResolvers,
  type ResolverClass,
  type FederatedSchemaOptions,
} from "./federation";
export { metricsRegistry, SCRAPE_QUERY, sqlQueries, graphqlRequests } from "./metrics";
export { loaderFor, byKeys, localContext, type RequestContext } from "./context";
export {
  connectionType,
  listName,
  pageRequest,
  toConnection,
  pagesPerPerson,
  keysetPageRequest,
  toKeysetConnection,
  PageInfo,
  PageArgs,
  type Connection,
  type ListCursors,
  CursorKey,
  type PageRequest,
  type KeysetPageRequest,
} from "./pagination";
export {
  postgresDatabaseName,
  withPostgresAdmin,
  ensurePostgresDatabase,
  createDataSource,
  migrateDatabase,
  maintainDatabase,
  assertNoPendingMigrations,
  createPrivateFile,
  isUniqueViolation,
  findOneForUpdate,
  lockForTransaction,
  inTransaction,
  type DataSourceOptions,
  type Constructor,
} from "./data-source";
export { grantRuntimeRole, assertAppendOnlyAudit } from "./runtime-role";
export {
  clientRequestId,
  createHttpServer,
  createMetricsServer,
  listen,
  type HttpServerOptions,
  DEFAULT_MAX_OPERATION_NAME,
  DEFAULT_HOST,
  type Refusal,
} from "./http";
export { staticFile, serveStatic, type StaticSite, STATIC_CSP } from "./static-site";
export {
  metricsPlugin,
  formatErrorFor,
  DEFAULT_MAX_LEARNED_OPERATIONS,
  OTHER_OPERATION,
  OperationLabels,
} from "./apollo-plugins";
export { KNOWN_OPERATIONS } from "./known-operations";
export { createSubgraphServer, type SubgraphServerOptions, type SubgraphServer } from "./subgraph-server";
export { runProcess } from "./process";
export { DEPARTMENT_NODE_OPTIONS, departmentNodeOptions, withNodeOption } from "./node-options";
export {
  tracingEnabled,
  tracesEndpoint,
  startTelemetry,
  stopTelemetry,
  withRequestSpan,
  withDepartmentSpan,
  injectTraceparent,
  currentTraceparent,
  withEventSpan,
  traceLogFields,
  tracingPlugin,
  TRACEPARENT,
  type TelemetryEnv,
} from "./telemetry";
export { OutboxEvent } from "./events/outbox-event.entity";
export { CreateOutbox1763800000000 } from "./events/outbox.migration";
export { AddOutboxSignedEnvelope1764500000000 } from "./events/outbox-envelope.migration";
export { type DomainEvent, EventPublisher } from "./events/event-publisher";
export { natsSubject, streamName, type EventEnvelope } from "./events/event-envelope";
export {
  applyOnce,
  recordDeadLetter,
  listDeadLetters,
  replayDeadLetter,
  type EventHandler,
  type EventHandlers,
} from "./events/event-handling";
export { canonicalJson, signEnvelope, EventVerifier } from "./events/event-signing";
export { InboxEvent } from "./events/inbox-event.entity";
export { DeadLetter } from "./events/dead-letter.entity";
export { CreateInboxAndDeadLetters1763900000000 } from "./events/inbox.migration";
export { requiredText, optionalText, intInRange } from "./validation/text";
export {
  metricsPortOf,
  printSubgraphSdl,
  subgraphTables,
  openSubgraphDatabase,
  maintainSubgraph,
  migrateSubgraph,
  type SubgraphDefinition,
} from "./subgraph";
// The demo population's PRNG, in contracts with it (contracts depends on nothing).
export { SeededRandom } from "@onewindow/contracts/demo";
export {
  keysDir,
  ensureDevKeys,
  devCursorSecretPath,
  ensureDevCursorSecret,
  loadCursorSecret,
  devProductionKeyEnv,
  devDepartmentKeyEnv,
  loadDevIssuerKey,
  contextKeyId,
  loadContextVerifyKeys,
  loadContextSecret,
  deriveContextKey,
  loadJwtSecret,
  ensureDevAuditKeys,
  loadAuditSigningKey,
  loadAuditVerifyKey,
  DEV_TOKEN_ISSUER,
  DEV_TOKEN_AUDIENCE,
} from "./auth/keys";
export {
  devEventKeyFiles,
  ensureDevEventKeys,
  eventPublicKeyVariable,
  loadEventSigningKey,
  loadEventVerifyKeys,
  loadNatsCredentials,
  NATS_ADMIN_USER,
  NATS_GATEWAY_USER,
  type NatsCredentials,
} from "./auth/event-keys";
export {
  contextClaims,
  signContextHeader,
  CONTEXT_HEADER,
  type VerifiedContext,
  ContextVerifier,
} from "./auth/internal-context";
export { USED_CONTEXT_MIGRATIONS, UsedContexts } from "./auth/used-contexts";
export { tokenRolesProblem, PERSONAL_DATA_ROLES, HOSPITAL_ROLES } from "./auth/token-rules";
export { refuse, hasRole, listFields, type AuthContext, authChecker, PersonalDataAccess } from "./auth/authorization";
export { loadPersonReadCaps, DEFAULT_PERSON_READ_CAPS, MAX_PERSON_READ_CAP, PersonReadCap } from "./auth/read-cap";
export { maskIdNumber, maskName } from "./auth/masking";
export { selectedFields } from "./auth/selected-fields";
export { AuditEntry } from "./audit/audit-entry.entity";
export { CreateAuditTrail1764000000000 } from "./audit/audit.migration";
export { AuditActs1764012120000 } from "./audit/audit-acts.migration";
export {
  type AuditRead,
  type AuditOutcome,
  type AuditTrailOptions,
  type ChainCheckResult,
  AuditTrail,
} from "./audit/audit-trail";
export { claimAuditWriter, writerOfSlot, type AuditWriterClaim } from "./audit/audit-writer";
export { AuditWriters1765300000000 } from "./audit/audit-writers.migration";
export { signAuditHead, isSignedHeadValid, type SignedAuditHead, type AuditSigning } from "./audit/audit-head";
export { SignedAuditHeads1765200000000 } from "./audit/audit-head.migration";
export { departmentField, auditTypeDefs, auditResolvers } from "./audit/audit-schema";
export { DEFAULT_TALLY_KEYS, type TalliedRefusals, RefusalTally } from "./audit/refusal-tally";
export { declaredRoles } from "./auth/declared-roles";
export { readKeyMaterial } from "./auth/key-material";
export { rootActs, writeWithoutPurpose, actRecords, type RootAct, type SelfServiceActs } from "./audit/acts";
export { isPostgres, runSql, runPrepared, anyOf, valuesList, num } from "./db/sql";
export {
  convertToPartitioned,
  convertToPlain,
  maintainPartitions,
  defaultPartitionName,
  partitionName,
  type PartitionedTable,
  type PartitionInterval,
  type PartitionReport,
  type MaintenanceOptions,
} from "./db/partitions";
export { PLATFORM_PARTITIONS } from "./db/platform-partitions";
export { plainEntity, type PlainEntity } from "./db/plain-entity";
export { afterCommit } from "./db/after-commit";
export {
  readScope,
  allowReplicaReads,
  freshReads,
  onPrimary,
  readRouterOf,
  isPlainRead,
  parseLsn,
} from "./db/read-routing";
export { AggregateCache, callerScope, cacheReads, cacheInvalidations, type CachedRead } from "./cache/aggregate-cache";
export { MemoryCacheStore, type CacheLookup, type CacheStore, type MemoryCacheLimits } from "./cache/cache-store";
export { RedisCacheStore, type RedisCacheOptions } from "./cache/redis-cache-store";
export {
  cacheStoreFromEnv,
  sharedCacheStore,
  closeSharedCacheStore,
  DEFAULT_CACHE_TTL_SECONDS,
  DEFAULT_CACHE_MAX_ENTRIES,
  DEFAULT_CACHE_MAX_MB,
} from "./cache/cache-config";
export { dayGenerations, periodGenerations, MAX_PERIOD_GENERATIONS } from "./cache/generations";
export { bulkInsert, bulkInsertEntities, type BulkColumn, type SeedProgress } from "./db/bulk-insert";
export { localizationPlugin, localizeErrors, requestLanguage, errorBody } from "./localization";
export { PLATFORM } from "./messages";
