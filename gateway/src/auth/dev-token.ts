import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { type Role } from "@onewindow/contracts";
import { ensureDevKeys, loadDevIssuerKey, loadJwtSecret, tokenRolesProblem } from "@onewindow/platform/web";

/** Who a development token speaks for. */
export interface DevTokenClaims {
  roles: Role[];
  /** The token's subject (default: `dev-<first role>`). */
  user?: string;
  /** `hospital_admin`, `info_office`, `medical_affairs`: their hospital. */
  hospital?: string;
  /** `citizen`: their resident ID number. */
  idNumber?: string;
  /**
   * The person's name (姓名), for pages to greet them by (the workbench shows the clerk's name).
   * The gateway ignores it: nothing is decided by a name.
   */
  name?: string;
  /** Lifetime in seconds (default 8 hours: a working day at the window; negative: already expired, for tests). */
  ttlSeconds?: number;
}

/**
 * Signs a development token with the HS256 secret in `DATA_DIR/keys` (generated when missing),
 * which a gateway started on the same `DATA_DIR` accepts; with `JWT_ALGORITHMS=EdDSA` (the
 * production mode run on one machine: `devProductionKeyEnv`), with the development issuer's
 * Ed25519 key instead. Production tokens come from the identity provider. Throws for roles no
 * gateway accepts together (`tokenRolesProblem`).
 */
export async function issueDevToken(
  dataDir: string,
  claims: DevTokenClaims,
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  const problem = tokenRolesProblem({
    roles: claims.roles,
    hospitalCode: claims.hospital ?? null,
    idNumber: claims.idNumber ?? null,
  });
  if (problem) throw new Error(problem.en);
  const asymmetric = env.JWT_ALGORITHMS === "EdDSA";
  if (!asymmetric && !env.JWT_SECRET && !env.JWT_SECRET_FILE) ensureDevKeys(dataDir);
  const key = asymmetric ? loadDevIssuerKey(env, dataDir) : new TextEncoder().encode(loadJwtSecret(env, dataDir));
  const jwt = new SignJWT({
    roles: claims.roles,
    ...(claims.hospital ? { hospital: claims.hospital } : {}),
    ...(claims.idNumber ? { idNumber: claims.idNumber } : {}),
    ...(claims.name ? { name: claims.name } : {}),
  })
    .setProtectedHeader({ alg: asymmetric ? "EdDSA" : "HS256" })
    .setSubject(claims.user ?? `dev-${claims.roles[0] ?? "user"}`)
    .setIssuedAt()
    // Identity providers give every token an id; the audit trail records it with each act.
    .setJti(randomUUID())
    .setExpirationTime(Math.floor(Date.now() / 1000) + (claims.ttlSeconds ?? 8 * 3600));
  if (env.JWT_ISSUER) jwt.setIssuer(env.JWT_ISSUER);
  if (env.JWT_AUDIENCE) jwt.setAudience(env.JWT_AUDIENCE);
  return jwt.sign(key);
}
