import { test } from "node:test";
import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { SignJWT } from "jose";
import { PURPOSE_HEADER } from "@onewindow/shared";
import { Authenticator } from "./authenticator";

const SECRET = "a development secret of enough length for HS256";

function token(claims: Record<string, unknown>, expiresAt: number, secret = SECRET): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setSubject("clerk-7").setExpirationTime(expiresAt).sign(new TextEncoder().encode(secret));
}

const request = (bearer: string, purpose?: string) =>
  ({ headers: { authorization: `Bearer ${bearer}`, ...(purpose ? { [PURPOSE_HEADER]: purpose } : {}) } }) as unknown as IncomingMessage;

const refused = (message: RegExp) => (err: any) => err.extensions?.code === "UNAUTHENTICATED" && message.test(err.message);

test("a token verified once is remembered: same caller, each request's own purpose, until it expires", async () => {
  let now = Date.now();
  const auth = await Authenticator.create({ algorithms: ["HS256"], secret: SECRET }, () => now);
  const valid = await token({ roles: ["window_clerk"] }, Math.floor(now / 1000) + 30);
  assert.deepEqual(await auth.authenticate(request(valid, "窗口办理")), { userId: "clerk-7", roles: ["window_clerk"], hospitalCode: null, idNumber: null, purpose: "窗口办理" });
  assert.equal((await auth.authenticate(request(valid))).purpose, null, "the purpose is the request's, not the remembered one");
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
