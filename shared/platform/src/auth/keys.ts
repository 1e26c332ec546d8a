import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ConfigError } from "../config";
import { readKeyMaterial } from "./key-material";
import { devEventKeyFiles, ensureDevEventKeys, eventPublicKeyVariable } from "./event-keys";
import { EVENT_PUBLISHERS } from "@onewindow/contracts";

type Env = Record<string, string | undefined>;

/** Where `npm start`, `npm run token` and the test stacks keep development keys: `DATA_DIR/keys`. */
export function keysDir(dataDir: string): string {
  return path.join(dataDir, "keys");
}

const FILES = {
  jwtSecret: "jwt-hs256.secret",
  contextPrivate: "internal-context.private.pem",
  contextPublic: "internal-context.public.pem",
  issuerPrivate: "token-issuer.private.pem",
  issuerPublic: "token-issuer.public.pem",
};

/** The issuer and audience of tokens signed with the development issuer key. */
export const DEV_TOKEN_ISSUER = "onewindow-development-issuer";
export const DEV_TOKEN_AUDIENCE = "onewindow";

/**
 * Generates the development keys into `DATA_DIR/keys` when they are missing: the HS256 secret
 * development tokens are signed with, the Ed25519 pair the gateway signs the internal context
 * with (subgraphs read only the public half), an Ed25519 pair that stands in for an identity
 * provider where production settings are exercised on one machine (test stacks, the benchmark,
 * Compose: see {@link devProductionKeyEnv}), and the departments' event keys and NATS passwords
 * (event-keys.ts). Never committed; production passes keys by environment instead (see the README).
 */
export function ensureDevKeys(dataDir: string): void {
  const dir = keysDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = path.join(dir, FILES.jwtSecret);
  if (!fs.existsSync(secret))
    fs.writeFileSync(secret, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  for (const [priv, pub] of [
    [FILES.contextPrivate, FILES.contextPublic],
    [FILES.issuerPrivate, FILES.issuerPublic],
  ]) {
    if (fs.existsSync(path.join(dir, priv))) continue;
    const { privateKey, publicKey } = crypto.generateKeyPairSync("ed25519");
    // Public half first: a reader that sees the private file can rely on the public one.
    fs.writeFileSync(path.join(dir, pub), publicKey.export({ type: "spki", format: "pem" }), { mode: 0o644 });
    fs.writeFileSync(path.join(dir, priv), privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  }
  ensureDevEventKeys(dataDir);
}

/** A department's development cursor secret: `DATA_DIR/keys/<department>.cursor.secret`. */
export function devCursorSecretPath(dataDir: string, department: string): string {
  return path.join(keysDir(dataDir), `${department}.cursor.secret`);
}

/**
 * Generates `department`'s development cursor secret into `DATA_DIR/keys` when it is missing.
 * Each department has its own, so a cursor of one department is refused by every other.
 */
export function ensureDevCursorSecret(dataDir: string, department: string): void {
  fs.mkdirSync(keysDir(dataDir), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(devCursorSecretPath(dataDir, department), crypto.randomBytes(32).toString("base64url"), {
      mode: 0o600,
      flag: "wx",
    });
  } catch (err) {
    // Another replica sharing DATA_DIR wrote it first: theirs is the one.
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
}

/**
 * The secret `department` seals its list cursors with (`CURSOR_SECRET` or `CURSOR_SECRET_FILE`),
 * else its development file. Every replica of a department must share it.
 */
export function loadCursorSecret(env: Env, dataDir: string, department: string): string {
  const secret = readSecret(
    env,
    "CURSOR_SECRET",
    devCursorSecretPath(dataDir, department),
    "start through npm start, or pass 32 random bytes (base64url)",
  ).trim();
  if (secret.length < 32)
    throw new ConfigError("CURSOR_SECRET", "must be at least 32 characters (32 random bytes, base64url, are 43)");
  return secret;
}

/**
 * Settings that satisfy production's key rules with the development keys of `dataDir` (made by
 * {@link ensureDevKeys}): tokens verified with EdDSA against the development issuer's public key,
 * with its issuer and audience, and the internal-context keys named as files. For running the
 * production mode on one machine (test stacks, the benchmark); `issueDevToken` signs with the
 * issuer's private key when given these settings.
 */
export function devProductionKeyEnv(dataDir: string): Record<string, string> {
  const dir = keysDir(dataDir);
  return {
    JWT_ALGORITHMS: "EdDSA",
    JWT_PUBLIC_KEY_FILE: path.join(dir, FILES.issuerPublic),
    JWT_ISSUER: DEV_TOKEN_ISSUER,
    JWT_AUDIENCE: DEV_TOKEN_AUDIENCE,
    INTERNAL_CONTEXT_PRIVATE_KEY_FILE: path.join(dir, FILES.contextPrivate),
    INTERNAL_CONTEXT_PUBLIC_KEY_FILE: path.join(dir, FILES.contextPublic),
  };
}

/**
 * A department's keys as production names them, made in `dataDir` when missing: its cursor
 * secret, audit signing key, event signing key and NATS password, and every department's event
 * public key, as files. With {@link devProductionKeyEnv}, for running the production mode on one
 * machine.
 */
export function devDepartmentKeyEnv(dataDir: string, department: string): Record<string, string> {
  ensureDevCursorSecret(dataDir, department);
  ensureDevAuditKeys(dataDir, department);
  ensureDevEventKeys(dataDir);
  const events = devEventKeyFiles(dataDir, department);
  const publicKeys = Object.values(EVENT_PUBLISHERS).map((s) => [
    `${eventPublicKeyVariable(s)}_FILE`,
    devEventKeyFiles(dataDir, s).publicKey,
  ]);
  return {
    CURSOR_SECRET_FILE: devCursorSecretPath(dataDir, department),
    AUDIT_SIGNING_KEY_FILE: auditKeyFiles(dataDir, department).privateFile,
    EVENT_SIGNING_KEY_FILE: events.signingKey,
    NATS_USER: department,
    NATS_PASSWORD_FILE: events.natsPassword,
    ...(Object.fromEntries(publicKeys) as Record<string, string>),
  };
}

/** The development issuer's private key (see {@link devProductionKeyEnv}), next to the public key `JWT_PUBLIC_KEY_FILE` names or in `DATA_DIR/keys`. */
export function loadDevIssuerKey(env: Env, dataDir: string): crypto.KeyObject {
  const dir = env.JWT_PUBLIC_KEY_FILE ? path.dirname(env.JWT_PUBLIC_KEY_FILE) : keysDir(dataDir);
  const file = path.join(dir, FILES.issuerPrivate);
  try {
    return crypto.createPrivateKey(fs.readFileSync(file, "utf8"));
  } catch {
    throw new ConfigError(
      "JWT_PUBLIC_KEY_FILE",
      `has no development issuer key beside it (${file}): development tokens are signed with HS256 or with that key only`,
    );
  }
}

/**
 * `NAME` (the value itself) or `NAME_FILE` (a path to it), else the development file, else a
 * ConfigError. With `NODE_ENV=production` there is no development file: whoever can write
 * DATA_DIR (a backup restored, a shared volume) must not be able to plant the keys.
 */
function readSecret(env: Env, name: string, devFile: string, hint: string): string {
  const value = readKeyMaterial(env, name, devFile);
  if (value !== undefined) return value;
  if (env.NODE_ENV === "production")
    throw new ConfigError(
      name,
      `(or ${name}_FILE) must be set in production: development keys from DATA_DIR are never used there`,
    );
  throw new ConfigError(name, `is not set and ${devFile} does not exist; ${hint}`);
}

/**
 * The key id of an internal-context key: the first 16 hex digits of the SHA-256 of its public
 * half (SPKI, DER). The gateway puts it in every context it signs; a department holding several
 * public keys (during a rollover) picks the one it names.
 */
export function contextKeyId(key: crypto.KeyObject): string {
  const publicKey = key.type === "private" ? crypto.createPublicKey(key) : key;
  return crypto
    .createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 16);
}

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g;

function publicKeysOf(text: string, variable: string): crypto.KeyObject[] {
  const blocks = text.replace(/\\n/g, "\n").match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new ConfigError(variable, "holds no PEM public key");
  return blocks.map((pem) => {
    try {
      return crypto.createPublicKey(pem);
    } catch {
      throw new ConfigError(variable, "holds a PEM block that is not a public key");
    }
  });
}

/**
 * The keys a department verifies the gateway's internal context with: `INTERNAL_CONTEXT_PUBLIC_KEYS`
 * (several PEM public keys one after the other, or a directory of `*.pem` files, one key each)
 * and/or `INTERNAL_CONTEXT_PUBLIC_KEY` (`_FILE`) for one; in development the generated key in
 * DATA_DIR/keys when neither is set. Several keys let a new gateway key be rolled out before the
 * old one is withdrawn.
 */
export function loadContextVerifyKeys(env: Env, dataDir: string): crypto.KeyObject[] {
  const keys: crypto.KeyObject[] = [];
  const many = env.INTERNAL_CONTEXT_PUBLIC_KEYS;
  if (many) {
    const isDirectory = !many.includes("-----BEGIN") && fs.statSync(many, { throwIfNoEntry: false })?.isDirectory();
    if (isDirectory) {
      const files = fs
        .readdirSync(many)
        .filter((f) => f.endsWith(".pem"))
        .sort();
      for (const f of files)
        keys.push(...publicKeysOf(fs.readFileSync(path.join(many, f), "utf8"), `INTERNAL_CONTEXT_PUBLIC_KEYS (${f})`));
      if (keys.length === 0)
        throw new ConfigError("INTERNAL_CONTEXT_PUBLIC_KEYS", `names a directory without .pem files (${many})`);
    } else {
      keys.push(...publicKeysOf(many, "INTERNAL_CONTEXT_PUBLIC_KEYS"));
    }
  }
  if (!many || env.INTERNAL_CONTEXT_PUBLIC_KEY || env.INTERNAL_CONTEXT_PUBLIC_KEY_FILE) {
    const pem = readSecret(
      env,
      "INTERNAL_CONTEXT_PUBLIC_KEY",
      path.join(keysDir(dataDir), FILES.contextPublic),
      "start through npm start, or pass the gateway's Ed25519 public key",
    );
    keys.push(...publicKeysOf(pem, "INTERNAL_CONTEXT_PUBLIC_KEY"));
  }
  return keys;
}

/** The key the gateway signs the internal context with (`INTERNAL_CONTEXT_PRIVATE_KEY`). */
export function loadContextSigningKey(env: Env, dataDir: string): crypto.KeyObject {
  const pem = readSecret(
    env,
    "INTERNAL_CONTEXT_PRIVATE_KEY",
    path.join(keysDir(dataDir), FILES.contextPrivate),
    "start through npm start, or pass an Ed25519 private key",
  );
  try {
    return crypto.createPrivateKey(pem);
  } catch {
    throw new ConfigError("INTERNAL_CONTEXT_PRIVATE_KEY", "is not a PEM private key");
  }
}

/** The development token secret (`JWT_SECRET`), for HS256. */
export function loadJwtSecret(env: Env, dataDir: string): string {
  return readSecret(
    env,
    "JWT_SECRET",
    path.join(keysDir(dataDir), FILES.jwtSecret),
    "run npm start or npm run token once to generate development keys",
  ).trim();
}

/** `labor-security` → `DATA_DIR/keys/labor-security.audit.private.pem` (and `.public.pem` beside it). */
function auditKeyFiles(dataDir: string, department: string): { privateFile: string; publicFile: string } {
  const base = path.join(keysDir(dataDir), `${department}.audit`);
  return { privateFile: `${base}.private.pem`, publicFile: `${base}.public.pem` };
}

/**
 * Generates a department's development audit key pair into `DATA_DIR/keys` when it is missing:
 * the Ed25519 key it signs the head of its audit chain with. The department makes its own at
 * start, so replicas sharing a DATA_DIR may race: the private file is linked into place whole
 * (an existing one wins) and the public half is always derived from the private file that won.
 */
export function ensureDevAuditKeys(dataDir: string, department: string): void {
  const dir = keysDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateFile, publicFile } = auditKeyFiles(dataDir, department);
  if (!fs.existsSync(privateFile)) {
    const tmp = `${privateFile}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
    fs.writeFileSync(tmp, crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }), {
      mode: 0o600,
      flag: "wx",
    });
    try {
      fs.linkSync(tmp, privateFile);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  if (!fs.existsSync(publicFile)) {
    const pem = crypto.createPublicKey(fs.readFileSync(privateFile, "utf8")).export({ type: "spki", format: "pem" });
    fs.writeFileSync(publicFile, pem, { mode: 0o644 });
  }
}

/** The key a department signs its audit chain's heads with (`AUDIT_SIGNING_KEY`, Ed25519). */
export function loadAuditSigningKey(env: Env, dataDir: string, department: string): crypto.KeyObject {
  const pem = readSecret(
    env,
    "AUDIT_SIGNING_KEY",
    auditKeyFiles(dataDir, department).privateFile,
    "start through npm start, or pass the department's Ed25519 private key",
  );
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey(pem);
  } catch {
    throw new ConfigError("AUDIT_SIGNING_KEY", "is not a PEM private key");
  }
  if (key.asymmetricKeyType !== "ed25519")
    throw new ConfigError("AUDIT_SIGNING_KEY", `must be an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}

/**
 * The key a department's signed audit heads are checked with (`AUDIT_VERIFY_KEY`, the public half
 * of `AUDIT_SIGNING_KEY`): from the variable, else the development file, else derived from the
 * signing key when the process has it.
 */
export function loadAuditVerifyKey(env: Env, dataDir: string, department: string): crypto.KeyObject {
  if (!env.AUDIT_VERIFY_KEY && !env.AUDIT_VERIFY_KEY_FILE && (env.AUDIT_SIGNING_KEY || env.AUDIT_SIGNING_KEY_FILE)) {
    return crypto.createPublicKey(loadAuditSigningKey(env, dataDir, department));
  }
  const pem = readSecret(
    env,
    "AUDIT_VERIFY_KEY",
    auditKeyFiles(dataDir, department).publicFile,
    "pass the department's Ed25519 audit public key",
  );
  let key: crypto.KeyObject;
  try {
    key = crypto.createPublicKey(pem);
  } catch {
    throw new ConfigError("AUDIT_VERIFY_KEY", "is not a PEM public key");
  }
  if (key.asymmetricKeyType !== "ed25519")
    throw new ConfigError("AUDIT_VERIFY_KEY", `must be an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}
