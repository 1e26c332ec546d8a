import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { forkAndWait, subgraphs } from "@onewindow/infra";
import { type Caller } from "@onewindow/contracts";
import {
  CONTEXT_HEADER,
  contextClaims,
  DEV_TOKEN_AUDIENCE,
  DEV_TOKEN_ISSUER,
  devProductionKeyEnv,
  ensureDevKeys,
  keysDir,
  deriveContextKey,
  loadContextSecret,
  loadDevIssuerKey,
  signContextHeader,
} from "@onewindow/platform";
import { startStack, type Stack } from "./harness/stack";

const gatewayMain = path.resolve(__dirname, "..", "..", "gateway", "dist", "main.js");
const laborMain = path.join(subgraphs.find((s) => s.definition.name === "labor-security")!.dir, "dist", "main.js");

/** A fresh DATA_DIR holding the development keys, removed after the test file. */
const dataDirs: string[] = [];
function devDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-config-"));
  dataDirs.push(dir);
  ensureDevKeys(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts `main` and expects it to exit before listening, with a message matching `message`. */
async function refusesToStart(main: string, env: Record<string, string>, message: RegExp): Promise<void> {
  await assert.rejects(
    forkAndWait(
      "refused",
      main,
      { LOG_LEVEL: "warn", HOST: "127.0.0.1", PORT: "0", GATEWAY_PORT: "0", SEED: "none", ...env },
      { timeoutMs: 30_000 },
    ),
    (err: Error) => {
      assert.match(err.message, /exited with code 1/);
      assert.match(err.message, message);
      return true;
    },
  );
}

describe("production refuses unsafe settings, naming the one that is wrong", () => {
  test("the gateway with JWT_SECRET=x", async () => {
    await refusesToStart(
      gatewayMain,
      { NODE_ENV: "production", DATA_DIR: devDataDir(), JWT_SECRET: "x" },
      /JWT_SECRET must not be set in production/,
    );
  });

  test("the gateway with HS256, or with an asymmetric key but no issuer or no audience", async () => {
    const dataDir = devDataDir();
    const keys = devProductionKeyEnv(dataDir);
    const good = { NODE_ENV: "production", DATA_DIR: dataDir, ...keys };
    await refusesToStart(
      gatewayMain,
      { ...good, JWT_ALGORITHMS: "HS256" },
      /JWT_ALGORITHMS must list only asymmetric algorithms/,
    );
    await refusesToStart(gatewayMain, { ...good, JWT_ISSUER: "" }, /JWT_ISSUER must be set in production/);
    await refusesToStart(gatewayMain, { ...good, JWT_AUDIENCE: "" }, /JWT_AUDIENCE must be set in production/);
  });

  test("the gateway and a department when only the development keys in DATA_DIR exist", async () => {
    const dataDir = devDataDir();
    await refusesToStart(
      gatewayMain,
      { NODE_ENV: "production", DATA_DIR: dataDir },
      /JWT_PUBLIC_KEY .*must be set in production/,
    );
    // Token settings in order, but the context secret only in DATA_DIR.
    const { INTERNAL_CONTEXT_SECRET_FILE, ...tokenSettings } = devProductionKeyEnv(dataDir);
    assert.ok(fs.existsSync(INTERNAL_CONTEXT_SECRET_FILE), "the development secret is there");
    await refusesToStart(
      gatewayMain,
      { NODE_ENV: "production", DATA_DIR: dataDir, ...tokenSettings },
      /INTERNAL_CONTEXT_SECRET .*must be set in production/,
    );
    // A department is never given the secret, and in production does not derive its key from DATA_DIR.
    await refusesToStart(
      laborMain,
      { NODE_ENV: "production", DATA_DIR: dataDir },
      /INTERNAL_CONTEXT_KEY .*must be set in production/,
    );
    await refusesToStart(
      laborMain,
      { NODE_ENV: "production", DATA_DIR: dataDir, INTERNAL_CONTEXT_KEY: "too-short" },
      /INTERNAL_CONTEXT_KEY must be at least 32 random bytes/,
    );
  });
});

/** An EdDSA JWT signed with `key`, claims as given (no rules applied: the gateway must apply them). */
function jwt(key: crypto.KeyObject, claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const signingInput = `${part({ alg: "EdDSA", typ: "JWT" })}.${part(claims)}`;
  return `${signingInput}.${crypto.sign(null, Buffer.from(signingInput), key).toString("base64url")}`;
}

describe("tokens the production gateway refuses, over HTTP", () => {
  let stack: Stack;
  let issuerKey: crypto.KeyObject;
  beforeAll(async () => {
    stack = await startStack({ env: { NODE_ENV: "production" } });
    issuerKey = loadDevIssuerKey({}, stack.dataDir);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown>) => ({
    sub: "clerk-01",
    iss: DEV_TOKEN_ISSUER,
    aud: DEV_TOKEN_AUDIENCE,
    iat: now(),
    exp: now() + 3600,
    roles: ["window_clerk"],
    ...extra,
  });
  const send = async (token: string) => {
    const res = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ hospitals { code } }" }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] },
    };
  };
  const refused = async (token: string, message: RegExp) => {
    const { status, body } = await send(token);
    assert.equal(status, 401, JSON.stringify(body));
    assert.equal(body.errors?.[0].extensions?.code, "UNAUTHENTICATED");
    assert.match(body.errors![0].message, message);
  };

  test("a token within the rules is accepted (the refusals below are the rules, not the key)", async () => {
    const { status, body } = await send(jwt(issuerKey, claims({ exp: now() + 11 * 3600 })));
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.errors, undefined);
  });

  test("a ten-year token, one without exp, and one whose iat lies in the future are refused", async () => {
    await refused(
      jwt(issuerKey, claims({ exp: now() + 10 * 365 * 24 * 3600 })),
      /lives longer than the 12 h this gateway accepts \(JWT_MAX_LIFETIME\)/,
    );
    const { exp, ...noExp } = claims({});
    assert.ok(exp);
    await refused(jwt(issuerKey, noExp), /no expiry/);
    // exp - iat is one hour, but the token stays valid for ten years from now.
    const later = now() + 10 * 365 * 24 * 3600;
    await refused(jwt(issuerKey, claims({ iat: later - 3600, exp: later })), /lives longer than/);
  });

  test("auditor together with window_clerk, and a hospital office without its hospital, are refused", async () => {
    await refused(
      jwt(issuerKey, claims({ roles: ["window_clerk", "auditor"] })),
      /cannot hold auditor together with a role that reads personal data \(window_clerk\)/,
    );
    await refused(
      jwt(issuerKey, claims({ roles: ["auditor", "hospital_admin"], hospital: "JD001" })),
      /cannot hold auditor/,
    );
    await refused(jwt(issuerKey, claims({ roles: ["info_office"] })), /an info_office token must name its hospital/);
    await refused(
      jwt(issuerKey, claims({ roles: ["medical_affairs"] })),
      /medical_affairs token must name its hospital/,
    );
    // The same roles, each rule met: accepted.
    assert.equal((await send(jwt(issuerKey, claims({ roles: ["auditor", "analyst"] })))).status, 200);
    assert.equal((await send(jwt(issuerKey, claims({ roles: ["info_office"], hospital: "JD001" })))).status, 200);
  });

  test("a token signed with the development HS256 secret is refused in production", async () => {
    const secret = fs.readFileSync(path.join(keysDir(stack.dataDir), "jwt-hs256.secret"));
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const input = `${part({ alg: "HS256", typ: "JWT" })}.${part(claims({}))}`;
    await refused(`${input}.${crypto.createHmac("sha256", secret).update(input).digest("base64url")}`, /not valid/);
  });
});

describe("internal-context keys and replay, against a department's own port", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const body = JSON.stringify({ query: "{ __typename }" });
  const clerk: Caller = {
    userId: "clerk-01",
    roles: ["window_clerk"],
    hospitalCode: null,
    idNumber: null,
    purpose: "walk-in enquiry",
  };
  const signed = (key: crypto.KeyObject) =>
    signContextHeader(key, contextClaims(clerk, "labor-security", "rollover"), body);
  const sendTo = async (port: number, header: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", [CONTEXT_HEADER]: header },
      body,
    });
    return {
      status: res.status,
      body: (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] },
    };
  };

  test("a department holding its keys under the old and the new gateway secret accepts either; once the old is withdrawn, only the new", async () => {
    const oldKey = deriveContextKey(loadContextSecret({}, stack.dataDir), "labor-security");
    const nextKey = deriveContextKey(crypto.createSecretKey(crypto.randomBytes(32)), "labor-security");
    const text = (key: crypto.KeyObject) => key.export().toString("base64url");
    const port = stack.portOf("labor-security");

    await stack.stopSubgraph("labor-security");
    await stack.restartSubgraph("labor-security", { INTERNAL_CONTEXT_KEYS: `${text(oldKey)},${text(nextKey)}` });
    assert.equal((await sendTo(port, signed(oldKey))).status, 200, "old key during the rollover");
    assert.equal((await sendTo(port, signed(nextKey))).status, 200, "new key during the rollover");
    // The key of another department under the same secret opens nothing here.
    const taxKey = deriveContextKey(loadContextSecret({}, stack.dataDir), "tax");
    assert.equal((await sendTo(port, signed(taxKey))).status, 401, "another department's key");

    // The old key withdrawn: a directory holding the new key alone.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-context-keys-"));
    dataDirs.push(dir);
    fs.writeFileSync(path.join(dir, "gateway-2.key"), text(nextKey));
    await stack.stopSubgraph("labor-security");
    await stack.restartSubgraph("labor-security", { INTERNAL_CONTEXT_KEYS: dir });
    const withdrawn = await sendTo(port, signed(oldKey));
    assert.equal(withdrawn.status, 401);
    assert.equal(withdrawn.body.errors?.[0].extensions?.code, "UNAUTHENTICATED");
    assert.match(withdrawn.body.errors![0].message, /key this department does not hold/);
    assert.equal((await sendTo(port, signed(nextKey))).status, 200, "new key after the rollover");

    // Back to the stack's own key, for the test below.
    await stack.stopSubgraph("labor-security");
    await stack.restartSubgraph("labor-security");
  });

  test("a signed request replayed to a second replica of the department (same database) is refused", async () => {
    const replica = await stack.startReplica("labor-security");
    const key = deriveContextKey(loadContextSecret({}, stack.dataDir), "labor-security");
    const header = signed(key);
    const first = await sendTo(stack.portOf("labor-security"), header);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const replayed = await sendTo(replica.port, header);
    assert.equal(replayed.status, 401, JSON.stringify(replayed.body));
    assert.equal(replayed.body.errors?.[0].extensions?.code, "UNAUTHENTICATED");
    assert.match(replayed.body.errors![0].message, /replayed/);
    // The replica serves a context it has not seen: the refusal was the replay, not the replica.
    assert.equal((await sendTo(replica.port, signed(key))).status, 200);
    // And the other way round: first to the replica, then to the first process.
    const other = signed(key);
    assert.equal((await sendTo(replica.port, other)).status, 200);
    assert.equal((await sendTo(stack.portOf("labor-security"), other)).status, 401);
    await replica.stop();
  });
});
