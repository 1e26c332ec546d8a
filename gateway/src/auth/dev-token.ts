import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { ensureDevKeys, loadJwtSecret, type Role } from "@onewindow/shared";

/** Who a development token speaks for. */
export interface DevTokenClaims {
  roles: Role[];
  /** The token's subject (default: `dev-<first role>`). */
  user?: string;
  /** `hospital_admin`: the hospital they administer. */
  hospital?: string;
  /** `citizen`: their resident ID number. */
  idNumber?: string;
  /** Lifetime in seconds (default 8 hours: a working day at the window; negative: already expired, for tests). */
  ttlSeconds?: number;
}

/**
 * Signs a development token with the HS256 secret in `DATA_DIR/keys` (generated when missing),
 * which a gateway started on the same `DATA_DIR` accepts. Production tokens come from the
 * identity provider instead.
 */
export async function issueDevToken(dataDir: string, claims: DevTokenClaims, env: Record<string, string | undefined> = process.env): Promise<string> {
  if (!env.JWT_SECRET && !env.JWT_SECRET_FILE) ensureDevKeys(dataDir);
  const secret = new TextEncoder().encode(loadJwtSecret(env, dataDir));
  const jwt = new SignJWT({
    roles: claims.roles,
    ...(claims.hospital ? { hospital: claims.hospital } : {}),
    ...(claims.idNumber ? { idNumber: claims.idNumber } : {}),
  })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.user ?? `dev-${claims.roles[0] ?? "user"}`)
    .setIssuedAt()
    // Identity providers give every token an id; the audit trail records it with each act.
    .setJti(randomUUID())
    .setExpirationTime(Math.floor(Date.now() / 1000) + (claims.ttlSeconds ?? 8 * 3600));
  if (env.JWT_ISSUER) jwt.setIssuer(env.JWT_ISSUER);
  if (env.JWT_AUDIENCE) jwt.setAudience(env.JWT_AUDIENCE);
  return jwt.sign(secret);
}
