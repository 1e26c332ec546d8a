import type { IncomingMessage } from "node:http";
import { createLocalJWKSet, createRemoteJWKSet, importSPKI, jwtVerify, type JWTVerifyGetKey, type KeyLike } from "jose";
import { ANONYMOUS, isRole, PURPOSE_HEADER, type Caller } from "@onewindow/contracts";
import { BadUserInputError, tokenRolesProblem, UnauthenticatedError } from "@onewindow/platform/web";
import { DEFAULT_MAX_LIFETIME_SECONDS, type JwtConfig } from "../config";
import { GATEWAY } from "../messages";

/** Longest purpose kept; the audit trail stores it with every read. */
const MAX_PURPOSE = 200;
/** Verified tokens remembered, at most. */
const CACHE_SIZE = 10_000;
/**
 * How long a verified token is remembered at most, even if it expires later: a key withdrawn
 * from the JWKS (a leaked key, say) stops being honoured within this time.
 */
const CACHE_MS = 60_000;
/** Most time keys fetched from a JWKS URL are trusted before they are fetched again. */
const JWKS_MAX_AGE_MS = 60_000;

/** A verified token's caller (without the purpose, which is per request) and until when it may be reused. */
interface Verified {
  caller: Omit<Caller, "purpose">;
  /** The token's `exp`, seconds. */
  exp: number;
  until: number;
}

/**
 * Turns a request's `Authorization: Bearer <JWT>` and `x-access-purpose` into the caller. No
 * token: anonymous. A token that is malformed, forged, expired or names an unknown role:
 * UNAUTHENTICATED (answered 401), never silently anonymous.
 */
export class Authenticator {
  /**
   * Tokens verified recently: a client sends the same token with every request until it
   * expires, and verifying it again each time was the gateway's largest cost after signing.
   * Only tokens that verified are kept, each until its `exp` or {@link CACHE_MS}, whichever is first.
   */
  private readonly verified = new Map<string, Verified>();

  private constructor(
    private readonly key: KeyLike | Uint8Array | JWTVerifyGetKey,
    private readonly config: JwtConfig,
    private readonly now: () => number,
  ) {}

  /** `now` is for tests of expiry. */
  static async create(config: JwtConfig, now: () => number = Date.now): Promise<Authenticator> {
    if (config.jwksUrl) {
      // jose keeps fetched keys for 10 minutes by default: a key the identity provider withdrew
      // (leaked, say) would be honoured that long. Fetched again after at most a minute, and an
      // unknown key id may trigger a fetch at most that often.
      const maxAge = Math.min(config.jwksMaxAgeMs ?? JWKS_MAX_AGE_MS, JWKS_MAX_AGE_MS);
      const jwks = createRemoteJWKSet(new URL(config.jwksUrl), {
        cacheMaxAge: maxAge,
        cooldownDuration: Math.min(maxAge, 30_000),
      });
      return new Authenticator(jwks, config, now);
    }
    if (config.jwks) return new Authenticator(createLocalJWKSet(config.jwks), config, now);
    if (config.publicKey)
      return new Authenticator(await importSPKI(config.publicKey, config.algorithms[0]), config, now);
    return new Authenticator(new TextEncoder().encode(config.secret!), config, now);
  }

  async authenticate(req: IncomingMessage): Promise<Caller> {
    return (await this.session(req.headers.authorization, req.headers[PURPOSE_HEADER])).caller;
  }

  /**
   * The caller of an `Authorization` value and a purpose, from HTTP headers or a WebSocket's
   * connection parameters, and when the token expires (epoch ms; null for an anonymous caller):
   * a subscription ends then.
   */
  async session(
    authorization: string | undefined,
    rawPurpose: string | string[] | undefined,
  ): Promise<{ caller: Caller; expiresAt: number | null }> {
    const purpose = purposeOf(rawPurpose);
    if (!authorization) return { caller: purpose ? { ...ANONYMOUS, purpose } : ANONYMOUS, expiresAt: null };
    const m = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(authorization);
    if (!m) throw new UnauthenticatedError(GATEWAY.bearerHeader);
    const token = m[1];
    const now = this.now();
    const hit = this.verified.get(token);
    if (hit && hit.until > now) return { caller: { ...hit.caller, purpose }, expiresAt: hit.exp * 1000 };
    if (hit) this.verified.delete(token);
    const verified = await this.verify(token, now);
    if (this.verified.size >= CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, {
      caller: verified.caller,
      exp: verified.exp,
      until: Math.min(verified.exp * 1000, now + Math.min(CACHE_MS, this.config.jwksMaxAgeMs ?? CACHE_MS)),
    });
    return { caller: { ...verified.caller, purpose }, expiresAt: verified.exp * 1000 };
  }

  private async verify(token: string, now: number): Promise<{ caller: Omit<Caller, "purpose">; exp: number }> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key as never, {
        currentDate: new Date(now),
        algorithms: this.config.algorithms,
        issuer: this.config.issuer,
        audience: this.config.audience,
        requiredClaims: ["sub", "exp"],
      }));
    } catch (err) {
      const { code, claim, reason } = err as { code?: string; claim?: string; reason?: string };
      if (code === "ERR_JWT_EXPIRED") throw new UnauthenticatedError(GATEWAY.tokenExpired);
      if (claim === "exp" && reason === "missing") throw new UnauthenticatedError(GATEWAY.tokenWithoutExpiry);
      throw new UnauthenticatedError(GATEWAY.tokenInvalid);
    }
    // A stolen long-lived token is a long-lived breach: the lifetime counts from when it was
    // issued, or from now when it does not say (an `iat` in the future does not stretch it).
    const maxLifetime = this.config.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
    const nowSeconds = Math.floor(now / 1000);
    const issuedAt = typeof payload.iat === "number" ? Math.min(payload.iat, nowSeconds) : nowSeconds;
    if (Number(payload.exp) - issuedAt > maxLifetime) {
      throw new UnauthenticatedError(GATEWAY.tokenTooLongLived.with({ lifetime: formatDuration(maxLifetime) }));
    }
    const roles = Array.isArray(payload.roles) ? payload.roles : [payload.role];
    if (roles.length === 0 || !roles.every(isRole))
      throw new UnauthenticatedError(GATEWAY.tokenUnknownRole.with({ roles: roles.join(", ") }));
    const caller = {
      userId: String(payload.sub),
      roles,
      hospitalCode: typeof payload.hospital === "string" ? payload.hospital : null,
      idNumber: typeof payload.idNumber === "string" ? payload.idNumber : null,
      // Recorded with every act in the departments' audit trails: which token did it.
      tokenId: typeof payload.jti === "string" ? payload.jti.slice(0, 120) : null,
    };
    const problem = tokenRolesProblem(caller);
    if (problem) throw new UnauthenticatedError(problem);
    return { caller, exp: Number(payload.exp) };
  }
}

function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

function purposeOf(raw: string | string[] | undefined): string | null {
  if (raw === undefined) return null;
  let purpose = (Array.isArray(raw) ? raw.join(" ") : raw).trim();
  // HTTP headers are Latin-1: clients send Chinese text percent-encoded (encodeURIComponent).
  try {
    purpose = decodeURIComponent(purpose);
  } catch {
    throw new BadUserInputError(GATEWAY.purposeEncoding, PURPOSE_HEADER);
  }
  if (purpose.length > MAX_PURPOSE)
    throw new BadUserInputError(GATEWAY.purposeTooLong.with({ max: MAX_PURPOSE }), PURPOSE_HEADER);
  return purpose || null;
}
