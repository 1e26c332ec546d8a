import { afterAll, test } from "@jest/globals";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { deriveContextKey, devDepartmentKeyEnv, ensureDevKeys, loadContextSecret, loadContextVerifyKeys } from "./keys";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-keys-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
ensureDevKeys(dataDir);

const text = (key: crypto.KeyObject) => key.export().toString("base64url");
const randomKey = () => text(crypto.createSecretKey(crypto.randomBytes(32)));

test("in development a department derives its key from the secret in DATA_DIR, as the gateway does", () => {
  const [key] = loadContextVerifyKeys({}, dataDir, "tax");
  assert.equal(text(key), text(deriveContextKey(loadContextSecret({}, dataDir), "tax")));
  // The file production settings name for the department holds the same key, and only it.
  const file = devDepartmentKeyEnv(dataDir, "tax").INTERNAL_CONTEXT_KEY_FILE;
  assert.equal(fs.readFileSync(file, "utf8"), text(key));
  assert.notEqual(text(loadContextVerifyKeys({}, dataDir, "labor-security")[0]), text(key));
});

test("in production neither the secret nor a department's key comes from DATA_DIR", () => {
  assert.throws(
    () => loadContextSecret({ NODE_ENV: "production" }, dataDir),
    /INTERNAL_CONTEXT_SECRET .*must be set in production/,
  );
  assert.throws(
    () => loadContextVerifyKeys({ NODE_ENV: "production" }, dataDir, "tax"),
    /INTERNAL_CONTEXT_KEY .*must be set in production/,
  );
  const given = randomKey();
  assert.deepEqual(
    loadContextVerifyKeys({ NODE_ENV: "production", INTERNAL_CONTEXT_KEY: given }, dataDir, "tax").map(text),
    [given],
  );
});

test("several keys for a rollover, listed or as a directory of .key files; short or malformed keys are refused", () => {
  const [a, b] = [randomKey(), randomKey()];
  assert.deepEqual(loadContextVerifyKeys({ INTERNAL_CONTEXT_KEYS: `${a}, ${b}\n` }, dataDir, "tax").map(text), [a, b]);
  const dir = fs.mkdtempSync(path.join(dataDir, "context-keys-"));
  fs.writeFileSync(path.join(dir, "1.key"), `${a}\n`);
  fs.writeFileSync(path.join(dir, "2.key"), b);
  fs.writeFileSync(path.join(dir, "notes.txt"), "not a key");
  assert.deepEqual(loadContextVerifyKeys({ INTERNAL_CONTEXT_KEYS: dir }, dataDir, "tax").map(text), [a, b]);
  // Both: the listed ones and the single one.
  assert.equal(loadContextVerifyKeys({ INTERNAL_CONTEXT_KEYS: a, INTERNAL_CONTEXT_KEY: b }, dataDir, "tax").length, 2);
  const empty = fs.mkdtempSync(path.join(dataDir, "no-keys-"));
  assert.throws(() => loadContextVerifyKeys({ INTERNAL_CONTEXT_KEYS: empty }, dataDir, "tax"), /without \.key files/);
  assert.throws(
    () => loadContextVerifyKeys({ INTERNAL_CONTEXT_KEY: "c2hvcnQ" }, dataDir, "tax"),
    /INTERNAL_CONTEXT_KEY must be at least 32 random bytes/,
  );
  assert.throws(
    () => loadContextSecret({ INTERNAL_CONTEXT_SECRET: `${a}!` }, dataDir),
    /INTERNAL_CONTEXT_SECRET must be at least 32 random bytes/,
  );
});
