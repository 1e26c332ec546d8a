import fs from "node:fs";
import path from "node:path";
import type { KeyObject } from "node:crypto";
import type { JSONWebKeySet } from "jose";
import {
  ConfigError,
  DEFAULT_HOST,
  DEFAULT_MAX_OPERATION_NAME,
  ensureDevKeys,
  loadBaseConfig,
  metricsPortOf,
  loadContextSecret,
  loadJwtSecret,
  loadNatsCredentials,
  NATS_GATEWAY_USER,
  readKeyMaterial,
  readPort,
  readUrl,
  type BaseConfig,
  type NatsCredentials,
} from "@onewindow/platform/web";
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from "./limits/query-limits.plugin";
import type { BlockList } from "node:net";
import { DEFAULT_RATE_LIMIT, parseTrustedProxies } from "./limits/request-rate.limiter";

/** How the gateway verifies bearer tokens. Exactly one key source is set. */
export interface JwtConfig {
  algorithms: string[];
  /** HS256: the shared secret (development: generated into DATA_DIR/keys). */
  secret?: string;
  /** RS256/ES256/EdDSA: the issuer's public key (PEM). */
  publicKey?: string;
  /** A JWKS document held locally, or fetched (and cached) from a URL. */
  jwks?: JSONWebKeySet;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Longest token lifetime accepted, in seconds (`JWT_MAX_LIFETIME`; unset: 12 h). */
  maxLifetimeSeconds?: number;
  /** How long keys fetched from `jwksUrl` are trusted before they are fetched again, in ms (`JWT_JWKS_MAX_AGE`; unset: 60 s, the most allowed). */
  jwksMaxAgeMs?: number;
}

/** Default `JWT_MAX_LIFETIME`: a working day at the window with margin; longer-lived tokens are refused. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 12 * 3600;

/**
 * `JWT_MAX_LIFETIME`: seconds, or a number with `s`, `m` or `h` (`12h`, `30m`), at most 7 days.
 * A token without `exp`, or living longer than this, is refused.
 */
export function readMaxLifetime(env: Record<string, string | undefined>): number {
  const raw = env.JWT_MAX_LIFETIME;
  if (raw === undefined || raw === "") return DEFAULT_MAX_LIFETIME_SECONDS;
  const m = /^(\d+)\s*([smh]?)$/.exec(raw.trim());
  const seconds = m ? Number(m[1]) * { "": 1, s: 1, m: 60, h: 3600 }[m[2] as "" | "s" | "m" | "h"] : NaN;
  if (!(seconds >= 1 && seconds <= 7 * 24 * 3600))
    throw new ConfigError("JWT_MAX_LIFETIME", `must be a duration from 1s to 168h (e.g. 12h, 30m, 3600), got "${raw}"`);
  return seconds;
}

/** `JWT_JWKS_MAX_AGE` in seconds, 1-60 (default 60): a key withdrawn from the JWKS stops being honoured within it. */
function readJwksMaxAge(env: Record<string, string | undefined>): number {
  const raw = env.JWT_JWKS_MAX_AGE;
  if (raw === undefined || raw === "") return 60_000;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 60)
    throw new ConfigError("JWT_JWKS_MAX_AGE", `must be a whole number of seconds 1-60, got "${raw}"`);
  return Number(raw) * 1000;
}

const JWT_ALGORITHMS = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"];

/**
 * Production's rules for token verification: an asymmetric algorithm only (a shared secret lets
 * whoever holds it mint any token, and it sits in more places than a private key), a public
 * key or JWKS, and the issuer and audience checked. Each breach names its variable.
 */
function checkProductionJwt(env: Record<string, string | undefined>, algorithms: string[]): void {
  for (const variable of ["JWT_SECRET", "JWT_SECRET_FILE"]) {
    if (env[variable])
      throw new ConfigError(
        variable,
        "must not be set in production: tokens are verified with the identity provider's public key (JWT_PUBLIC_KEY or JWT_JWKS_URL, JWT_ALGORITHMS=RS256, ES256, EdDSA …)",
      );
  }
  if (!env.JWT_PUBLIC_KEY && !env.JWT_PUBLIC_KEY_FILE && !env.JWT_JWKS_URL && !env.JWT_JWKS && !env.JWT_JWKS_FILE) {
    throw new ConfigError(
      "JWT_PUBLIC_KEY",
      "(or JWT_PUBLIC_KEY_FILE, JWT_JWKS_URL, JWT_JWKS_FILE) must be set in production: development keys from DATA_DIR are never used there",
    );
  }
  if (!env.JWT_ALGORITHMS || algorithms.some((a) => a.startsWith("HS"))) {
    throw new ConfigError(
      "JWT_ALGORITHMS",
      `must list only asymmetric algorithms in production (RS*, PS*, ES*, EdDSA), got "${env.JWT_ALGORITHMS ?? "HS256 (the default)"}"`,
    );
  }
  for (const variable of ["JWT_ISSUER", "JWT_AUDIENCE"]) {
    if (!env[variable])
      throw new ConfigError(
        variable,
        "must be set in production: a token from another issuer, or for another service, must not be accepted",
      );
  }
}

/**
 * Token verification settings. Production names a public key or JWKS (`JWT_PUBLIC_KEY`,
 * `JWT_JWKS_URL`, `JWT_JWKS_FILE`), asymmetric `JWT_ALGORITHMS`, `JWT_ISSUER` and `JWT_AUDIENCE`
 * (else a {@link ConfigError}); development uses the HS256 secret in DATA_DIR/keys that
 * `npm run token` signs with.
 */
export function loadJwtConfig(env: Record<string, string | undefined>, dataDir: string, nodeEnv: string): JwtConfig {
  const algorithms = (env.JWT_ALGORITHMS || "HS256").split(",").map((a) => a.trim());
  const unknown = algorithms.find((a) => !JWT_ALGORITHMS.includes(a));
  if (unknown)
    throw new ConfigError(
      "JWT_ALGORITHMS",
      `must list algorithms among ${JWT_ALGORITHMS.join(", ")}, got "${unknown}"`,
    );
  if (nodeEnv === "production") checkProductionJwt(env, algorithms);
  const base = {
    algorithms,
    issuer: env.JWT_ISSUER || undefined,
    audience: env.JWT_AUDIENCE || undefined,
    maxLifetimeSeconds: readMaxLifetime(env),
    jwksMaxAgeMs: readJwksMaxAge(env),
  };
  if (env.JWT_JWKS_URL) return { ...base, jwksUrl: readUrl(env, "JWT_JWKS_URL", env.JWT_JWKS_URL) };
  const jwks = readKeyMaterial(env, "JWT_JWKS");
  if (jwks) {
    try {
      return { ...base, jwks: JSON.parse(jwks) as JSONWebKeySet };
    } catch {
      throw new ConfigError("JWT_JWKS", "is not a JSON Web Key Set");
    }
  }
  const publicKey = readKeyMaterial(env, "JWT_PUBLIC_KEY");
  if (publicKey) return { ...base, publicKey };
  if (algorithms.some((a) => !a.startsWith("HS")))
    throw new ConfigError("JWT_ALGORITHMS", "names an asymmetric algorithm but no JWT_PUBLIC_KEY or JWKS is set");
  if (nodeEnv !== "production" && !env.JWT_SECRET && !env.JWT_SECRET_FILE) ensureDevKeys(dataDir);
  return { ...base, secret: loadJwtSecret(env, dataDir) };
}

/** The gateway's settings, validated at start-up. */
export interface GatewayConfig extends BaseConfig {
  port: number;
  /** Where /metrics is served (`METRICS_PORT`, default 9400); never the GraphQL port. */
  metricsPort: number;
  /** The address both ports bind (`HOST`, default 127.0.0.1; containers set 0.0.0.0). */
  host: string;
  /** The composed supergraph the gateway serves (built by `npm run compose`). */
  supergraphSdl: string;
  /** Department name → the URL the gateway calls: the supergraph's, or `<NAME>_URL` when set. */
  subgraphUrls: Map<string, string>;
  /**
   * How the gateway calls departments: `pool` (default), a keep-alive undici pool per
   * department; `fetch`, the global fetch (kept to measure against; see BENCHMARKS.md).
   */
  subgraphClient: "pool" | "fetch";
  /**
   * What runs the query plans (`GATEWAY_EXECUTOR`): `plan`, the gateway's own executor over
   * `@apollo/gateway`'s planner (`execution/`); `apollo`, `ApolloGateway` itself (kept to
   * measure and compare against; see BENCHMARKS.md).
   */
  executor: "plan" | "apollo";
  /** Connections per department pool (`GATEWAY_SUBGRAPH_CONNECTIONS`, default 16). */
  subgraphConnections: number;
  jwt: JwtConfig;
  /**
   * What each department's internal-context key is derived from (`INTERNAL_CONTEXT_SECRET`; see
   * `deriveContextKey`).
   */
  contextSecret: KeyObject;
  /** Abuse limits: query depth, aliases, cost and tokens, requests per caller, body size. */
  limits: GatewayLimits;
  /** The WebSocket subscriptions' limits. */
  subscriptions: SubscriptionLimits;
  /** The gateway's NATS user, which may only read the events subscriptions follow; none for a NATS without authentication. */
  natsCredentials?: NatsCredentials;
}

/** Limits on WebSocket subscriptions (README, "Subscriptions"). */
export interface SubscriptionLimits {
  /** Subscriptions one connection may hold (`GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION`, default 20). */
  perConnection: number;
  /** Open connections per caller: a token's subject, else an address (`GATEWAY_MAX_CONNECTIONS_PER_CALLER`, default 20). */
  connectionsPerCaller: number;
  /** Open connections in all (`GATEWAY_MAX_CONNECTIONS`, default 20,000). */
  connections: number;
  /** Events waiting for one subscription's previous push to finish; past them it is too slow and ends. */
  pendingEvents: number;
  /** Bytes waiting in a connection's send buffer; past them the client is too slow and is disconnected. */
  bufferedBytes: number;
}

/** The gateway's abuse limits (README, "Abuse limits"). */
export interface GatewayLimits extends QueryLimits {
  /** Requests per minute per caller (`GATEWAY_RATE_LIMIT`): 429 `RATE_LIMITED` above it. */
  rateLimit: number;
  /**
   * Reverse proxies whose `X-Forwarded-For` names the client an anonymous caller is counted as
   * (`GATEWAY_TRUSTED_PROXIES`: addresses and CIDR blocks; none by default).
   */
  trustedProxies?: BlockList;
  /** Longest `operationName` (`GATEWAY_MAX_OPERATION_NAME`): 400 `BAD_REQUEST` above it. */
  maxOperationName: number;
  /** Largest request body in bytes (`GATEWAY_BODY_LIMIT`): 413 `PAYLOAD_TOO_LARGE` above it. */
  bodyLimit: number;
  /**
   * Most lexical tokens in one GraphQL document (`GATEWAY_MAX_TOKENS`): parsing stops there with
   * `GRAPHQL_PARSE_FAILED`. Validation runs before the depth, alias and cost limits and some of
   * its rules are quadratic in the fields of a document (a 100 kB document of one repeated field
   * takes about a second to validate); 2000 tokens bound it to tens of milliseconds at worst.
   */
  maxTokens: number;
}

/** Default `GATEWAY_BODY_LIMIT`: the largest daily operation with its variables is under 2 kB. */
export const DEFAULT_BODY_LIMIT = 100_000;

/** Default `GATEWAY_MAX_TOKENS`: GraphiQL's introspection query has about 180 tokens, all daily operations together about 330. */
export const DEFAULT_MAX_TOKENS = 2000;

function readCount(env: Record<string, string | undefined>, variable: string, fallback: number, max: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max)
    throw new ConfigError(variable, `must be a whole number 1-${max}, got "${raw}"`);
  return Number(raw);
}

/** Reads and validates the abuse limits; a malformed variable is a {@link ConfigError} naming it. */
export function loadLimitsConfig(env: Record<string, string | undefined>): GatewayLimits {
  return {
    maxDepth: readCount(env, "GATEWAY_MAX_DEPTH", DEFAULT_QUERY_LIMITS.maxDepth, 1000),
    maxAliases: readCount(env, "GATEWAY_MAX_ALIASES", DEFAULT_QUERY_LIMITS.maxAliases, 100_000),
    maxCost: readCount(env, "GATEWAY_MAX_COST", DEFAULT_QUERY_LIMITS.maxCost, 1_000_000_000),
    rateLimit: readCount(env, "GATEWAY_RATE_LIMIT", DEFAULT_RATE_LIMIT, 10_000_000),
    bodyLimit: readCount(env, "GATEWAY_BODY_LIMIT", DEFAULT_BODY_LIMIT, 100_000_000),
    maxTokens: readCount(env, "GATEWAY_MAX_TOKENS", DEFAULT_MAX_TOKENS, 10_000_000),
    maxOperationName: readCount(env, "GATEWAY_MAX_OPERATION_NAME", DEFAULT_MAX_OPERATION_NAME, 10_000),
    trustedProxies: readTrustedProxies(env),
  };
}

function readTrustedProxies(env: Record<string, string | undefined>): BlockList | undefined {
  if (!env.GATEWAY_TRUSTED_PROXIES?.trim()) return undefined;
  try {
    return parseTrustedProxies(env.GATEWAY_TRUSTED_PROXIES);
  } catch (err) {
    throw new ConfigError(
      "GATEWAY_TRUSTED_PROXIES",
      `must list IP addresses and CIDR blocks separated by commas: ${(err as Error).message}`,
    );
  }
}

/** `labor-security` → `LABOR_SECURITY_URL`. */
export function urlVariable(subgraph: string): string {
  return `${subgraph.toUpperCase().replace(/-/g, "_")}_URL`;
}

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const supergraphPath = env.SUPERGRAPH_PATH || path.join(__dirname, "..", "supergraph.graphql");
  let supergraphSdl: string;
  try {
    supergraphSdl = fs.readFileSync(supergraphPath, "utf8");
  } catch {
    throw new ConfigError("SUPERGRAPH_PATH", `names no readable file (${supergraphPath}); run npm run compose`);
  }
  const subgraphUrls = new Map<string, string>();
  for (const m of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) {
    subgraphUrls.set(m[1], readUrl(env, urlVariable(m[1]), m[2]));
  }
  const subgraphClient = env.GATEWAY_SUBGRAPH_CLIENT || "pool";
  if (subgraphClient !== "pool" && subgraphClient !== "fetch") {
    throw new ConfigError("GATEWAY_SUBGRAPH_CLIENT", `must be pool or fetch, got "${subgraphClient}"`);
  }
  const executor = env.GATEWAY_EXECUTOR || "plan";
  if (executor !== "plan" && executor !== "apollo") {
    throw new ConfigError("GATEWAY_EXECUTOR", `must be plan or apollo, got "${executor}"`);
  }
  const base = loadBaseConfig(env);
  // Development: the keys live in DATA_DIR/keys, made on first start.
  if (base.nodeEnv !== "production" && !env.INTERNAL_CONTEXT_SECRET && !env.INTERNAL_CONTEXT_SECRET_FILE)
    ensureDevKeys(base.dataDir);
  return {
    ...base,
    jwt: loadJwtConfig(env, base.dataDir, base.nodeEnv),
    contextSecret: loadContextSecret(env, base.dataDir),
    port: readPort(env, "GATEWAY_PORT", 4000),
    metricsPort: readPort(env, "METRICS_PORT", metricsPortOf(4000)),
    host: env.HOST || DEFAULT_HOST,
    supergraphSdl,
    subgraphUrls,
    subgraphClient,
    executor,
    subgraphConnections: readCount(env, "GATEWAY_SUBGRAPH_CONNECTIONS", 16, 1024),
    limits: loadLimitsConfig(env),
    subscriptions: {
      perConnection: readCount(env, "GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION", 20, 10_000),
      connectionsPerCaller: readCount(env, "GATEWAY_MAX_CONNECTIONS_PER_CALLER", 20, 1_000_000),
      connections: readCount(env, "GATEWAY_MAX_CONNECTIONS", 20_000, 10_000_000),
      pendingEvents: 100,
      bufferedBytes: 1024 * 1024,
    },
    natsCredentials: loadNatsCredentials(env, base.dataDir, NATS_GATEWAY_USER),
  };
}
