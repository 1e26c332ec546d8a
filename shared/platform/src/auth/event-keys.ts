import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ConfigError } from "../config";
import { readKeyMaterial } from "./key-material";
import { EVENT_PUBLISHERS } from "@onewindow/contracts";

type Env = Record<string, string | undefined>;

/**
 * The services that hold NATS credentials and event keys: every department, plus `admin` (NATS
 * only: operators' tools and tests, which may manage every stream).
 */
export const NATS_ADMIN_USER = "admin";
/** The gateway's NATS user: it reads the events its subscriptions follow and publishes nothing. */
export const NATS_GATEWAY_USER = "gateway";

const eventsDir = (dataDir: string) => path.join(dataDir, "keys", "events");
const natsDir = (dataDir: string) => path.join(dataDir, "keys", "nats");

/** The development files of one service's event keys and NATS password. */
export function devEventKeyFiles(
  dataDir: string,
  service: string,
): { signingKey: string; publicKey: string; natsPassword: string } {
  return {
    signingKey: path.join(eventsDir(dataDir), `${service}.private.pem`),
    publicKey: path.join(eventsDir(dataDir), `${service}.public.pem`),
    natsPassword: path.join(natsDir(dataDir), `${service}.password`),
  };
}

/**
 * Generates, when missing, each department's Ed25519 event-signing pair and NATS password, and
 * the NATS admin password, into `DATA_DIR/keys/events` and `DATA_DIR/keys/nats`. Development
 * only: production passes `EVENT_SIGNING_KEY`, `EVENT_PUBLIC_KEY_<SERVICE>`, `NATS_USER` and
 * `NATS_PASSWORD` by environment.
 */
export function ensureDevEventKeys(dataDir: string): void {
  fs.mkdirSync(eventsDir(dataDir), { recursive: true, mode: 0o700 });
  fs.mkdirSync(natsDir(dataDir), { recursive: true, mode: 0o700 });
  for (const service of [...Object.values(EVENT_PUBLISHERS), NATS_ADMIN_USER, NATS_GATEWAY_USER]) {
    const files = devEventKeyFiles(dataDir, service);
    if (!fs.existsSync(files.natsPassword))
      writeOnce(files.natsPassword, crypto.randomBytes(24).toString("base64url"), 0o600);
    if (service === NATS_ADMIN_USER || service === NATS_GATEWAY_USER || fs.existsSync(files.signingKey)) continue;
    const { privateKey, publicKey } = crypto.generateKeyPairSync("ed25519");
    // Public half first: a reader that sees the private file can rely on the public one.
    writeOnce(files.publicKey, publicKey.export({ type: "spki", format: "pem" }) as string, 0o644);
    writeOnce(files.signingKey, privateKey.export({ type: "pkcs8", format: "pem" }) as string, 0o600);
  }
}

function writeOnce(file: string, content: string, mode: number): void {
  try {
    fs.writeFileSync(file, content, { mode, flag: "wx" });
  } catch (err) {
    // Another process of the same start made it first: theirs stands.
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
}

/** `EVENT_PUBLIC_KEY_LABOR_SECURITY` for `labor-security`. */
export function eventPublicKeyVariable(service: string): string {
  return `EVENT_PUBLIC_KEY_${service.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/** The key a department signs its events with (`EVENT_SIGNING_KEY`, Ed25519 PKCS#8 PEM). */
export function loadEventSigningKey(env: Env, dataDir: string, service: string): crypto.KeyObject {
  const pem = readKeyMaterial(env, "EVENT_SIGNING_KEY", devEventKeyFiles(dataDir, service).signingKey);
  if (!pem)
    throw new ConfigError(
      "EVENT_SIGNING_KEY",
      `is not set and there is no development key for ${service}; start through npm start, or pass the department's Ed25519 private key`,
    );
  try {
    const key = crypto.createPrivateKey(pem);
    if (key.asymmetricKeyType !== "ed25519") throw new Error();
    return key;
  } catch {
    throw new ConfigError("EVENT_SIGNING_KEY", "is not an Ed25519 PEM private key");
  }
}

/** The public keys of the services whose events a consumer accepts (`EVENT_PUBLIC_KEY_<SERVICE>`). */
export function loadEventVerifyKeys(
  env: Env,
  dataDir: string,
  services: Iterable<string>,
): Map<string, crypto.KeyObject> {
  const keys = new Map<string, crypto.KeyObject>();
  for (const service of services) {
    const variable = eventPublicKeyVariable(service);
    const pem = readKeyMaterial(env, variable, devEventKeyFiles(dataDir, service).publicKey);
    if (!pem)
      throw new ConfigError(
        variable,
        `is not set and there is no development key; pass ${service}'s Ed25519 public key`,
      );
    try {
      keys.set(service, crypto.createPublicKey(pem));
    } catch {
      throw new ConfigError(variable, "is not a PEM public key");
    }
  }
  return keys;
}

/** A NATS user and password, for the `nats` client's `user`/`pass`. */
export interface NatsCredentials {
  user: string;
  pass: string;
}

/**
 * The NATS credentials a service connects with: `NATS_USER` and `NATS_PASSWORD` (or
 * `NATS_PASSWORD_FILE`); else, in development, the service's generated password under
 * `DATA_DIR/keys/nats`; else none (a NATS without authentication).
 */
export function loadNatsCredentials(env: Env, dataDir: string, service: string): NatsCredentials | undefined {
  const user = env.NATS_USER || service;
  const pass = readKeyMaterial(
    env,
    "NATS_PASSWORD",
    dataDir ? devEventKeyFiles(dataDir, user).natsPassword : undefined,
  )?.trim();
  if (env.NATS_USER && !pass) throw new ConfigError("NATS_PASSWORD", `is not set for NATS_USER ${env.NATS_USER}`);
  return pass ? { user, pass } : undefined;
}
