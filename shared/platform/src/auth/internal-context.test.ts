import { test } from "@jest/globals";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { contextClaims, ContextVerifier, signContextHeader } from "./internal-context";
import { contextKeyId, deriveContextKey } from "./keys";
import type { Caller } from "@onewindow/contracts";

const secret = crypto.createSecretKey(crypto.randomBytes(32));
const key = deriveContextKey(secret, "labor-security");
const clerk: Caller = {
  userId: "clerk-01",
  roles: ["window_clerk"],
  hospitalCode: null,
  idNumber: null,
  purpose: "walk-in enquiry",
  tokenId: "token-7f3a",
};
const body = JSON.stringify({ query: '{ citizen(idNumber: "x") { name } }' });

const refusal = (fn: () => unknown) =>
  assert.throws(fn, (err: { extensions?: { code?: string }; message: string }) => {
    assert.equal(err.extensions?.code, "UNAUTHENTICATED");
    return true;
  });

test("a context signed by the gateway for this department, fresh, is accepted once", () => {
  const verifier = new ContextVerifier(key, "labor-security");
  const header = signContextHeader(key, contextClaims(clerk, "labor-security", "req-1", "client-9"), body);
  const { caller, requestId, clientRequestId } = verifier.verify(header, body);
  // The token's jti and the client's own request id travel signed, for the audit trail.
  assert.deepEqual(caller, clerk);
  assert.equal(requestId, "req-1");
  assert.equal(clientRequestId, "client-9");
  assert.throws(() => verifier.verify(header, body), /replayed/);
});

test("missing, forged, moved, stale or other-department contexts are UNAUTHENTICATED", () => {
  const verifier = new ContextVerifier(key, "labor-security");
  refusal(() => verifier.verify(undefined, body));
  refusal(() => verifier.verify("garbage", body));
  // Signed by someone else's key.
  const other = crypto.createSecretKey(crypto.randomBytes(32));
  refusal(() => verifier.verify(signContextHeader(other, contextClaims(clerk, "labor-security", "r"), body), body));
  // Claims edited after signing (roles raised).
  const header = signContextHeader(key, contextClaims(clerk, "labor-security", "r"), body);
  const [kid, claims, signature] = header.split(".");
  const raised = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(claims, "base64url").toString()), roles: ["auditor"] }),
  ).toString("base64url");
  refusal(() => verifier.verify(`${kid}.${raised}.${signature}`, body));
  // Someone else's signature under the gateway's key id.
  const foreign = signContextHeader(other, contextClaims(clerk, "labor-security", "r"), body).split(".");
  refusal(() => verifier.verify(`${kid}.${foreign[1]}.${foreign[2]}`, body));
  // The same signature on another query.
  refusal(() =>
    verifier.verify(
      signContextHeader(key, contextClaims(clerk, "labor-security", "r"), body),
      body.replace("name", "birthDate"),
    ),
  );
  // Made for another department.
  assert.throws(
    () => verifier.verify(signContextHeader(key, contextClaims(clerk, "tax", "r"), body), body),
    /signed for tax/,
  );
  // Signed with another department's key, under the same secret.
  refusal(() =>
    verifier.verify(
      signContextHeader(deriveContextKey(secret, "tax"), contextClaims(clerk, "labor-security", "r"), body),
      body,
    ),
  );
  // Older than 30 seconds.
  const stale = signContextHeader(key, contextClaims(clerk, "labor-security", "r"), body);
  assert.throws(() => verifier.verify(stale, body, Date.now() + 31_000), /expired/);
});

test("during a key rollover a department holding the old and the new key accepts either; once the old is withdrawn, only the new", () => {
  const next = deriveContextKey(crypto.createSecretKey(crypto.randomBytes(32)), "labor-security");
  const both = new ContextVerifier([key, next], "labor-security");
  const signedOld = () => signContextHeader(key, contextClaims(clerk, "labor-security", "r"), body);
  const signedNew = () => signContextHeader(next, contextClaims(clerk, "labor-security", "r"), body);
  assert.equal(signedOld().split(".")[0], contextKeyId(key), "the header names the signing key");
  assert.notEqual(contextKeyId(key), contextKeyId(next));
  assert.equal(both.verify(signedOld(), body).caller.userId, "clerk-01");
  assert.equal(both.verify(signedNew(), body).caller.userId, "clerk-01");
  const newOnly = new ContextVerifier([next], "labor-security");
  assert.equal(newOnly.verify(signedNew(), body).caller.userId, "clerk-01");
  assert.throws(() => newOnly.verify(signedOld(), body), /key this department does not hold/);
});

test("each department's key is derived from the gateway's secret and its name alone; the key id says nothing of the key", () => {
  assert.deepEqual(deriveContextKey(secret, "tax").export(), deriveContextKey(secret, "tax").export());
  assert.notDeepEqual(deriveContextKey(secret, "tax").export(), key.export());
  assert.equal(key.export().length, 32);
  assert.match(contextKeyId(key), /^[0-9a-f]{16}$/);
  assert.ok(!key.export().toString("hex").includes(contextKeyId(key)));
});
