import { departmentPart } from "@onewindow/contracts/i18n";
import crypto from "node:crypto";
import { UnauthenticatedError } from "../errors";
import { contextKeyId } from "./keys";
import { isRole, type Caller } from "@onewindow/contracts";
import { PLATFORM } from "../messages";

/** The header the gateway signs the caller into, for one subgraph request. */
export const CONTEXT_HEADER = "x-onewindow-context";

/** How long a signed context is accepted after it was made. */
const FRESH_MS = 30_000;
/** Clock difference between gateway and subgraph hosts that is tolerated. */
const SKEW_MS = 5_000;

/** The signed claims: who, why, for which department, when. */
interface ContextClaims {
  sub: string | null;
  roles: string[];
  hos: string | null;
  idn: string | null;
  pur: string | null;
  /** The department the request is for: a context made for one cannot be replayed to another. */
  aud: string;
  /** Request id, for logs and the audit trail. */
  rid: string;
  /** The id the client sent in `x-request-id`, kept beside `rid` in the audit trail. */
  crid?: string | null;
  /** The `jti` of the caller's token, for the audit trail. */
  tjt?: string | null;
  /** Milliseconds since the epoch when signed. */
  iat: number;
  /** Random: a replayed header is refused. */
  jti: string;
}

const digest = (body: string) => crypto.createHash("sha256").update(body).digest("base64url");

/**
 * The claims part of the header, made where the caller is known (the gateway's data source);
 * {@link signContextHeader} adds the signature once the body is known.
 */
export function contextClaims(
  caller: Caller,
  department: string,
  requestId: string,
  clientRequestId: string | null = null,
): string {
  const claims: ContextClaims = {
    sub: caller.userId,
    roles: caller.roles,
    hos: caller.hospitalCode,
    idn: caller.idNumber,
    pur: caller.purpose,
    aud: department,
    rid: requestId,
    crid: clientRequestId,
    tjt: caller.tokenId ?? null,
    iat: Date.now(),
    // randomUUID draws from a cached entropy pool; randomBytes made a system call per department request.
    jti: crypto.randomUUID(),
  };
  return Buffer.from(JSON.stringify(claims)).toString("base64url");
}

/** Key ids of department keys, computed once per key. */
const keyIds = new WeakMap<crypto.KeyObject, string>();

function keyIdOf(key: crypto.KeyObject): string {
  let kid = keyIds.get(key);
  if (!kid) keyIds.set(key, (kid = contextKeyId(key)));
  return kid;
}

/** HMAC-SHA256 under `key` of the key id, the claims and the SHA-256 of the exact request body. */
const mac = (key: crypto.KeyObject, kid: string, claims: string, body: string) =>
  crypto
    .createHmac("sha256", key)
    .update(`${kid}.${claims}.${digest(body)}`)
    .digest();

/**
 * `kid.claims.mac`: HMAC-SHA256, under the key of the department the claims are for
 * (`deriveContextKey`), over the key id, the claims and the SHA-256 of the exact request body, so
 * a signed context cannot be moved to another query or another department. The key id
 * ({@link contextKeyId}) tells a department holding several keys which one checks it.
 */
export function signContextHeader(key: crypto.KeyObject, claims: string, body: string): string {
  const kid = keyIdOf(key);
  return `${kid}.${claims}.${mac(key, kid, claims, body).toString("base64url")}`;
}

/** What a verified context gives the department. */
export interface VerifiedContext {
  caller: Caller;
  requestId: string;
  /** The client's own request id, kept beside the gateway's. */
  clientRequestId: string | null;
  /** The context's random id, and until when (ms since the epoch) a replay of it could still pass as fresh. */
  contextId: string;
  replayableUntil: number;
}

/**
 * Verifies a subgraph request's context and returns the caller. Throws `UNAUTHENTICATED` when
 * it is missing, forged, signed with a key this department does not hold, made for another
 * department, stale, or seen before by this process (other replicas: see `UsedContexts`).
 */
export class ContextVerifier {
  private readonly seen = new Map<string, number>();
  /** Key id → this department's key: several during a rollover of the gateway's secret. */
  private readonly keys: Map<string, crypto.KeyObject>;

  constructor(
    keys: crypto.KeyObject | readonly crypto.KeyObject[],
    private readonly department: string,
  ) {
    this.keys = new Map((Array.isArray(keys) ? keys : [keys]).map((key: crypto.KeyObject) => [keyIdOf(key), key]));
  }

  verify(header: string | undefined, body: string, now = Date.now()): VerifiedContext {
    const refuse = (why: string): never => {
      throw new UnauthenticatedError(PLATFORM.gatewayOnly.with({ department: departmentPart(this.department), why }));
    };
    if (!header) refuse("the request has no signed context");
    const [kid, claimsPart, signature, extra] = header!.split(".");
    if (!kid || !claimsPart || !signature || extra !== undefined) refuse("the signed context is malformed");
    const key =
      this.keys.get(kid) ??
      refuse(`the context is signed with a key this department does not hold (kid ${kid.slice(0, 16)})`);
    const expected = mac(key, kid, claimsPart, body);
    const given = Buffer.from(signature, "base64url");
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
      refuse("the context's signature is not the gateway's");
    let claims: ContextClaims;
    try {
      claims = JSON.parse(Buffer.from(claimsPart, "base64url").toString("utf8")) as ContextClaims;
    } catch {
      return refuse("the signed context is malformed");
    }
    if (claims.aud !== this.department) refuse(`the context was signed for ${claims.aud}`);
    if (typeof claims.iat !== "number" || now - claims.iat > FRESH_MS || claims.iat - now > SKEW_MS)
      refuse("the signed context has expired");
    if (!this.remember(claims.jti, claims.iat, now)) refuse("the signed context was replayed");
    return {
      caller: {
        userId: claims.sub ?? null,
        roles: (claims.roles ?? []).filter(isRole),
        hospitalCode: claims.hos ?? null,
        idNumber: claims.idn ?? null,
        purpose: claims.pur ?? null,
        tokenId: claims.tjt ?? null,
      },
      requestId: claims.rid,
      clientRequestId: claims.crid ?? null,
      contextId: claims.jti,
      replayableUntil: claims.iat + FRESH_MS + SKEW_MS,
    };
  }

  /** False when `jti` was already used; forgets ids once their context could no longer be fresh. */
  private remember(jti: string, iat: number, now: number): boolean {
    if (typeof jti !== "string" || this.seen.has(jti)) return false;
    // Insertion order is nearly time order: drop from the front until a fresh one.
    for (const [id, at] of this.seen) {
      if (now - at <= FRESH_MS + SKEW_MS) break;
      this.seen.delete(id);
    }
    this.seen.set(jti, iat);
    return true;
  }
}
