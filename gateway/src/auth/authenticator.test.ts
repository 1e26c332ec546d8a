import { test } from "@jest/globals";
import assert from "node:assert/strict";
import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from "jose";
import { PURPOSE_HEADER } from "@onewindow/contracts";
import { Authenticator } from "./authenticator";

const SECRET = "a development secret of enough length for HS256";

function token(claims: Record<string, unknown>, expiresAt: number, secret = SECRET): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("clerk-7")
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret));
}

const request = (bearer: string, purpose?: string) =>
  ({
    headers: { authorization: `Bearer ${bearer}`, ...(purpose ? { [PURPOSE_HEADER]: purpose } : {}) },
  }) as unknown as IncomingMessage;

const refused = (message: RegExp) => (err: any) =>
  err.extensions?.code === "UNAUTHENTICATED" && message.test(err.message);

test("a token verified once is remembered: same caller, each request's own purpose, until it expires", async () => {
  let now = Date.now();
  const auth = await Authenticator.create({ algorithms: ["HS256"], secret: SECRET }, () => now);
  const valid = await token({ roles: ["window_clerk"] }, Math.floor(now / 1000) + 30);
  assert.deepEqual(await auth.authenticate(request(valid, "窗口办理")), {
    userId: "clerk-7",
    roles: ["window_clerk"],
    hospitalCode: null,
    idNumber: null,
    purpose: "窗口办理",
    tokenId: null,
  });
  assert.equal(
    (await auth.authenticate(request(valid))).purpose,
    null,
    "the purpose is the request's, not the remembered one",
  );
  now += 31_000;
  await assert.rejects(auth.authenticate(request(valid)), refused(/expired/), "a remembered token still expires");
});

test("remembering a valid token lets no other token through", async () => {
  const now = Date.now();
  const auth = await Authenticator.create({ algorithms: ["HS256"], secret: SECRET }, () => now);
  const exp = Math.floor(now / 1000) + 3600;
  const valid = await token({ roles: ["window_clerk"] }, exp);
  await auth.authenticate(request(valid));
  const forged = await token({ roles: ["auditor"] }, exp, "somebody else's secret of enough length");
  await assert.rejects(auth.authenticate(request(forged)), refused(/not valid/));
  // The same claims with the signature of the remembered token.
  const [, payload] = forged.split(".");
  const [header, , signature] = valid.split(".");
  await assert.rejects(auth.authenticate(request(`${header}.${payload}.${signature}`)), refused(/not valid/));
  await assert.rejects(auth.authenticate(request(await token({ roles: ["janitor"] }, exp))), refused(/unknown role/));
});

test("a token living longer than JWT_MAX_LIFETIME (default 12 h), or without exp, is refused", async () => {
  const now = Date.now();
  const auth = await Authenticator.create({ algorithms: ["HS256"], secret: SECRET }, () => now);
  const seconds = Math.floor(now / 1000);
  const signed = (claims: Record<string, unknown>) =>
    new SignJWT({ roles: ["window_clerk"], ...claims })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("clerk-7")
      .sign(new TextEncoder().encode(SECRET));
  assert.equal(
    (await auth.authenticate(request(await signed({ iat: seconds, exp: seconds + 12 * 3600 })))).userId,
    "clerk-7",
  );
  await assert.rejects(
    auth.authenticate(request(await signed({ iat: seconds, exp: seconds + 12 * 3600 + 1 }))),
    refused(/lives longer than the 12 h/),
  );
  // Without iat the lifetime counts from now.
  await assert.rejects(auth.authenticate(request(await signed({ exp: seconds + 13 * 3600 }))), refused(/lives longer/));
  await assert.rejects(auth.authenticate(request(await signed({ iat: seconds }))), refused(/no expiry/));
  const strict = await Authenticator.create(
    { algorithms: ["HS256"], secret: SECRET, maxLifetimeSeconds: 3600 },
    () => now,
  );
  await assert.rejects(
    strict.authenticate(request(await signed({ iat: seconds, exp: seconds + 7200 }))),
    refused(/lives longer than the 1 h/),
  );
});

test("keys from a JWKS URL are fetched again after the configured max age: a withdrawn key stops being honoured", async () => {
  const oldPair = await generateKeyPair("EdDSA");
  const newPair = await generateKeyPair("EdDSA");
  const jwk = async (key: KeyLike, kid: string) => ({ ...(await exportJWK(key)), kid, alg: "EdDSA", use: "sig" });
  let served = { keys: [await jwk(oldPair.publicKey, "old")] };
  let fetches = 0;
  const server = http.createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(served));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    const auth = await Authenticator.create({ algorithms: ["EdDSA"], jwksUrl, jwksMaxAgeMs: 1000 });
    // A new token each time: a verified token is remembered, and this is about the keys.
    let n = 0;
    const tokenOf = (key: KeyLike, kid: string) =>
      new SignJWT({ roles: ["window_clerk"], n: n++ })
        .setProtectedHeader({ alg: "EdDSA", kid })
        .setSubject("clerk-7")
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(key);
    assert.equal((await auth.authenticate(request(await tokenOf(oldPair.privateKey, "old")))).userId, "clerk-7");
    assert.equal(fetches, 1);
    served = { keys: [await jwk(newPair.publicKey, "new")] };
    await eventually(async () =>
      assert.rejects(auth.authenticate(request(await tokenOf(oldPair.privateKey, "old"))), refused(/not valid/)),
    );
    assert.ok(fetches >= 2, "the JWKS was fetched again");
    assert.equal((await auth.authenticate(request(await tokenOf(newPair.privateKey, "new")))).userId, "clerk-7");
  } finally {
    server.close();
  }
});

/** Retries `check` until it passes or 30 s have gone (jose's default cache would hold the old key for 10 minutes). */
async function eventually(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
