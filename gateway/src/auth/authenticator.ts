import type { IncomingMessage } from "node:http";
import { createLocalJWKSet, createRemoteJWKSet, importSPKI, jwtVerify, type JWTVerifyGetKey, type KeyLike } from "jose";
import { ANONYMOUS, BadUserInputError, isRole, PURPOSE_HEADER, UnauthenticatedError, type Caller } from "@onewindow/shared";
import type { JwtConfig } from "../config";

/** Longest purpose kept; the audit trail stores it with every read. */
const MAX_PURPOSE = 200;

/**
 * Turns a request's `Authorization: Bearer <JWT>` and `x-access-purpose` into the caller. No
 * token: anonymous. A token that is malformed, forged, expired or names an unknown role:
 * UNAUTHENTICATED (answered 401), never silently anonymous.
 */
export class Authenticator {
  private constructor(private readonly key: KeyLike | Uint8Array | JWTVerifyGetKey, private readonly config: JwtConfig) {}

  static async create(config: JwtConfig): Promise<Authenticator> {
    if (config.jwksUrl) return new Authenticator(createRemoteJWKSet(new URL(config.jwksUrl)), config);
    if (config.jwks) return new Authenticator(createLocalJWKSet(config.jwks), config);
    if (config.publicKey) return new Authenticator(await importSPKI(config.publicKey, config.algorithms[0]), config);
    return new Authenticator(new TextEncoder().encode(config.secret!), config);
  }

  async authenticate(req: IncomingMessage): Promise<Caller> {
    const purpose = purposeOf(req);
    const header = req.headers.authorization;
    if (!header) return purpose ? { ...ANONYMOUS, purpose } : ANONYMOUS;
    const m = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header);
    if (!m) throw new UnauthenticatedError("the Authorization header must be `Bearer <token>`");
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(m[1], this.key as never, {
        algorithms: this.config.algorithms,
        issuer: this.config.issuer,
        audience: this.config.audience,
        requiredClaims: ["sub", "exp"],
      }));
    } catch (err) {
      const code = (err as { code?: string }).code;
      throw new UnauthenticatedError(code === "ERR_JWT_EXPIRED" ? "the token has expired; get a new one" : "the token is not valid");
    }
    const roles = Array.isArray(payload.roles) ? payload.roles : [payload.role];
    if (roles.length === 0 || !roles.every(isRole)) throw new UnauthenticatedError(`the token names an unknown role (${roles.join(", ")})`);
    const caller: Caller = {
      userId: String(payload.sub),
      roles,
      hospitalCode: typeof payload.hospital === "string" ? payload.hospital : null,
      idNumber: typeof payload.idNumber === "string" ? payload.idNumber : null,
      purpose,
    };
    if (roles.includes("hospital_admin") && !caller.hospitalCode) throw new UnauthenticatedError("a hospital_admin token must name its hospital");
    if (roles.includes("citizen") && !caller.idNumber) throw new UnauthenticatedError("a citizen token must carry the citizen's idNumber");
    return caller;
  }
}

function purposeOf(req: IncomingMessage): string | null {
  const raw = req.headers[PURPOSE_HEADER];
  if (raw === undefined) return null;
  let purpose = (Array.isArray(raw) ? raw.join(" ") : raw).trim();
  // HTTP headers are Latin-1: clients send Chinese text percent-encoded (encodeURIComponent).
  try {
    purpose = decodeURIComponent(purpose);
  } catch {
    throw new BadUserInputError("is not valid percent-encoded text", PURPOSE_HEADER);
  }
  if (purpose.length > MAX_PURPOSE) throw new BadUserInputError(`must be at most ${MAX_PURPOSE} characters`, PURPOSE_HEADER);
  return purpose || null;
}
