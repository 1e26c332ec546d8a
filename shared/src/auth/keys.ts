import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ConfigError } from "../config";
import { ensureDevEventKeys } from "./event-keys";

type Env = Record<string, string | undefined>;

/** Where `npm start`, `npm run token` and the test stacks keep development keys: `DATA_DIR/keys`. */
export function keysDir(dataDir: string): string {
  return path.join(dataDir, "keys");
}

const FILES = {
  jwtSecret: "jwt-hs256.secret",
  contextPrivate: "internal-context.private.pem",
  contextPublic: "internal-context.public.pem",
};

/**
 * Generates the development keys into `DATA_DIR/keys` when they are missing: the HS256 secret
 * development tokens are signed with, and the Ed25519 pair the gateway signs the internal
 * context with (subgraphs read only the public half), and the departments' event keys and NATS
 * passwords (event-keys.ts). Never committed; production passes keys
 * by environment instead (see the README).
 */
export function ensureDevKeys(dataDir: string): void {
  const dir = keysDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = path.join(dir, FILES.jwtSecret);
  if (!fs.existsSync(secret)) fs.writeFileSync(secret, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  const priv = path.join(dir, FILES.contextPrivate);
  if (!fs.existsSync(priv)) {
    const { privateKey, publicKey } = crypto.generateKeyPairSync("ed25519");
    // Public half first: a reader that sees the private file can rely on the public one.
    fs.writeFileSync(path.join(dir, FILES.contextPublic), publicKey.export({ type: "spki", format: "pem" }), { mode: 0o644 });
    fs.writeFileSync(priv, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  }
  ensureDevEventKeys(dataDir);
}

/** `NAME` (the value itself) or `NAME_FILE` (a path to it), else the development file, else a ConfigError. */
function readSecret(env: Env, name: string, devFile: string, hint: string): string {
  if (env[name]) return env[name]!.replace(/\\n/g, "\n");
  const file = env[`${name}_FILE`];
  if (file) {
    try {
      return fs.readFileSync(file, "utf8");
    } catch {
      throw new ConfigError(`${name}_FILE`, `names no readable file (${file})`);
    }
  }
  try {
    return fs.readFileSync(devFile, "utf8");
  } catch {
    throw new ConfigError(name, `is not set and ${devFile} does not exist; ${hint}`);
  }
}

/** The key subgraphs verify the gateway's internal context with (`INTERNAL_CONTEXT_PUBLIC_KEY`). */
export function loadContextVerifyKey(env: Env, dataDir: string): crypto.KeyObject {
  const pem = readSecret(env, "INTERNAL_CONTEXT_PUBLIC_KEY", path.join(keysDir(dataDir), FILES.contextPublic), "start through npm start, or pass the gateway's Ed25519 public key");
  try {
    return crypto.createPublicKey(pem);
  } catch {
    throw new ConfigError("INTERNAL_CONTEXT_PUBLIC_KEY", "is not a PEM public key");
  }
}

/** The key the gateway signs the internal context with (`INTERNAL_CONTEXT_PRIVATE_KEY`). */
export function loadContextSigningKey(env: Env, dataDir: string): crypto.KeyObject {
  const pem = readSecret(env, "INTERNAL_CONTEXT_PRIVATE_KEY", path.join(keysDir(dataDir), FILES.contextPrivate), "start through npm start, or pass an Ed25519 private key");
  try {
    return crypto.createPrivateKey(pem);
  } catch {
    throw new ConfigError("INTERNAL_CONTEXT_PRIVATE_KEY", "is not a PEM private key");
  }
}

/** The development token secret (`JWT_SECRET`), for HS256. */
export function loadJwtSecret(env: Env, dataDir: string): string {
  return readSecret(env, "JWT_SECRET", path.join(keysDir(dataDir), FILES.jwtSecret), "run npm start or npm run token once to generate development keys").trim();
}
