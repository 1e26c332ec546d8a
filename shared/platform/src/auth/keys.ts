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
  contextSecret: "internal-context.secret",
  issuerPrivate: "token-issuer.private.pem",
  issuerPublic: "token-issuer.public.pem",
};

/** The issuer and audience of tokens signed with the development issuer key. */
export const DEV_TOKEN_ISSUER = "onewindow-development-issuer";
export const DEV_TOKEN_AUDIENCE = "onewindow";

/**
 * Generates the development keys into `DATA_DIR/keys` when they are missing: the HS256 secret
 * development tokens are signed with, the secret the gateway derives each department's
 * internal-context key from (a department is given only its own derived key: see
 * {@link deriveContextKey}), an Ed25519 pair that stands in for an identity provider where
 * production settings are exercised on one machine (test stacks, the benchmark, Compose: see
 * {@link devProductionKeyEnv}), and the departments' event keys and NATS passwords
 * (event-keys.ts). Never committed; production passes keys by environment instead (see the README).
 */
export function ensureDevKeys(dataDir: string): void {
  const dir = keysDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of [FILES.jwtSecret, FILES.contextSecret]) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file))
      fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  if (!fs.existsSync(path.join(dir, FILES.issuerPrivate))) {
    const { privateKey, publicKey } = crypto.generateKeyPairSync("ed25519");
    // Public half first: a reader that sees the private file can rely on the public one.
    fs.writeFileSync(path.join(dir, FILES.issuerPublic), publicKey.export({ type: "spki", format: "pem" }), {
      mode: 0o644,
    });
    fs.writeFileSync(path.join(dir, FILES.issuerPrivate), privateKey.export({ type: "pkcs8", format: "pem" }), {
      mode: 0o600,
    });
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
 * with its issuer and audience, and the gateway's internal-context secret named as a file. For running the
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
    INTERNAL_CONTEXT_SECRET_FILE: path.join(dir, FILES.contextSecret),
  };
}

/**
 * A department's keys as production names them, made in `dataDir` when missing: its
 * internal-context key (derived from the development context secret), cursor secret, audit
 * signing key, event signing key and NATS password, and every department's event public key, as
 * files. With {@link devProductionKeyEnv}, for running the production mode on one machine.
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
    INTERNAL_CONTEXT_KEY_FILE: ensureDevContextKey(dataDir, department),
    CURSOR_SECRET_FILE: devCursorSecretPath(dataDir, department),
    AUDIT_SIGNING_KEY_FILE: auditKeyFiles(dataDir, department).privateFile,
    EVENT_SIGNING_KEY_FILE: events.signingKey,
    NATS_USER: department,
    NATS_PASSWORD_FILE: events.natsPassword,
    ...(Object.fromEntries(publicKeys) as Record<string, string>),
  };
}

/**
 * Writes `department`'s internal-context key, derived from the development context secret, to
 * `DATA_DIR/keys/<department>.context.key` (rewritten every time: it follows the secret); its path.
 */
function ensureDevContextKey(dataDir: string, department: string): string {
  ensureDevKeys(dataDir);
  const file = path.join(keysDir(dataDir), `${department}.context.key`);
  const key = deriveContextKey(loadContextSecret({}, dataDir), department).export().toString("base64url");
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
  fs.writeFileSync(tmp, key, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return file;
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

/** What a department's internal-context key is derived with: HKDF-SHA256's salt. */
const CONTEXT_KEY_SALT = "onewindow internal context v1";
/** Secrets and keys shorter than this many bytes are refused. */
const MIN_KEY_BYTES = 32;

/**
 * The key the gateway signs (HMAC-SHA256) `department`'s internal context with, and the only one
 * that department holds: HKDF-SHA256 of the gateway's context secret with the department's name
 * as `info`. Knowing one department's key tells nothing of another's, nor of the secret; so a
 * department can vouch for a caller to itself alone, never to another department.
 */
export function deriveContextKey(secret: crypto.KeyObject, department: string): crypto.KeyObject {
  return crypto.createSecretKey(
    Buffer.from(crypto.hkdfSync("sha256", secret.export(), CONTEXT_KEY_SALT, department, 32)),
  );
}

/**
 * The key id of an internal-context key: the first 16 hex digits of an HMAC of a fixed text under
 * it, which says nothing of the key. The gateway puts it in every context it signs; a department
 * holding several keys (during a rollover) picks the one it names.
 */
export function contextKeyId(key: crypto.KeyObject): string {
  return crypto.createHmac("sha256", key).update("onewindow context key id").digest("hex").slice(0, 16);
}

/** Base64url text of at least 32 bytes as a secret key; a ConfigError naming `variable` otherwise. */
function secretKeyOf(text: string, variable: string): crypto.KeyObject {
  const trimmed = text.trim();
  const bytes = Buffer.from(trimmed, "base64url");
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(trimmed) || bytes.length < MIN_KEY_BYTES)
    throw new ConfigError(variable, `must be at least ${MIN_KEY_BYTES} random bytes, base64url`);
  return crypto.createSecretKey(bytes);
}

/**
 * The keys a department verifies the gateway's internal context with: `INTERNAL_CONTEXT_KEYS`
 * (several keys separated by spaces, commas or line breaks, or a directory of `*.key` files, one
 * key each) and/or `INTERNAL_CONTEXT_KEY` (`_FILE`) for one, each the department's key as
 * `npm run context-key` derives it; in development, derived from the context secret in
 * DATA_DIR/keys when none is set. Several keys let a new gateway secret be rolled out before the
 * old one is withdrawn.
 */
export function loadContextVerifyKeys(env: Env, dataDir: string, department: string): crypto.KeyObject[] {
  const keys: crypto.KeyObject[] = [];
  const many = env.INTERNAL_CONTEXT_KEYS;
  if (many) {
    const isDirectory = fs.statSync(many, { throwIfNoEntry: false })?.isDirectory();
    if (isDirectory) {
      const files = fs
        .readdirSync(many)
        .filter((f) => f.endsWith(".key"))
        .sort();
      for (const f of files)
        keys.push(secretKeyOf(fs.readFileSync(path.join(many, f), "utf8"), `INTERNAL_CONTEXT_KEYS (${f})`));
      if (keys.length === 0)
        throw new ConfigError("INTERNAL_CONTEXT_KEYS", `names a directory without .key files (${many})`);
    } else {
      for (const text of many.split(/[\s,]+/).filter(Boolean)) keys.push(secretKeyOf(text, "INTERNAL_CONTEXT_KEYS"));
    }
  }
  if (!many || env.INTERNAL_CONTEXT_KEY || env.INTERNAL_CONTEXT_KEY_FILE) {
    const given = readKeyMaterial(env, "INTERNAL_CONTEXT_KEY");
    // Development only (readSecret never reads DATA_DIR in production): derived from the secret there.
    const derived = () =>
      deriveContextKey(
        secretKeyOf(
          readSecret(
            env,
            "INTERNAL_CONTEXT_KEY",
            devContextSecretPath(dataDir),
            "pass the key npm run context-key derives",
          ),
          "INTERNAL_CONTEXT_SECRET",
        ),
        department,
      );
    keys.push(given !== undefined ? secretKeyOf(given, "INTERNAL_CONTEXT_KEY") : derived());
  }
  return keys;
}

const devContextSecretPath = (dataDir: string) => path.join(keysDir(dataDir), FILES.contextSecret);

/**
 * The secret the gateway derives every department's internal-context key from
 * (`INTERNAL_CONTEXT_SECRET`, at least 32 random bytes, base64url), else the development file.
 */
export function loadContextSecret(env: Env, dataDir: string): crypto.KeyObject {
  const text = readSecret(
    env,
    "INTERNAL_CONTEXT_SECRET",
    devContextSecretPath(dataDir),
    "start through npm start, or pass 32 random bytes (base64url)",
  );
  return secretKeyOf(text, "INTERNAL_CONTEXT_SECRET");
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
