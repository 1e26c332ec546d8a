import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { loadLimitsConfig } from "../config";

test("the abuse limits default to depth 12, 30 aliases, cost 5000, 6000 requests a minute, 100 kB, 2000 tokens, names of 100 and no trusted proxy", () => {
  assert.deepEqual(loadLimitsConfig({}), {
    maxDepth: 12,
    maxAliases: 30,
    maxCost: 5000,
    rateLimit: 6000,
    bodyLimit: 100_000,
    maxTokens: 2000,
    maxOperationName: 100,
    trustedProxies: undefined,
  });
  const { trustedProxies, ...limits } = loadLimitsConfig({
    GATEWAY_MAX_DEPTH: "20",
    GATEWAY_MAX_ALIASES: "5",
    GATEWAY_MAX_COST: "100000",
    GATEWAY_RATE_LIMIT: "60",
    GATEWAY_BODY_LIMIT: "2000000",
    GATEWAY_MAX_TOKENS: "500",
    GATEWAY_MAX_OPERATION_NAME: "40",
    GATEWAY_TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.1",
  });
  assert.deepEqual(limits, {
    maxDepth: 20,
    maxAliases: 5,
    maxCost: 100_000,
    rateLimit: 60,
    bodyLimit: 2_000_000,
    maxTokens: 500,
    maxOperationName: 40,
  });
  assert.ok(
    trustedProxies?.check("10.2.3.4") && trustedProxies.check("192.168.1.1") && !trustedProxies.check("192.168.1.2"),
  );
});

test("a malformed limit stops the gateway with a message naming the variable", () => {
  assert.throws(
    () => loadLimitsConfig({ GATEWAY_MAX_DEPTH: "0" }),
    /GATEWAY_MAX_DEPTH must be a whole number 1-1000, got "0"/,
  );
  assert.throws(() => loadLimitsConfig({ GATEWAY_MAX_ALIASES: "-1" }), /GATEWAY_MAX_ALIASES must be a whole number/);
  assert.throws(() => loadLimitsConfig({ GATEWAY_MAX_COST: "5e3" }), /GATEWAY_MAX_COST must be a whole number/);
  assert.throws(() => loadLimitsConfig({ GATEWAY_RATE_LIMIT: "fast" }), /GATEWAY_RATE_LIMIT must be a whole number/);
  assert.throws(() => loadLimitsConfig({ GATEWAY_BODY_LIMIT: "100kB" }), /GATEWAY_BODY_LIMIT must be a whole number/);
  assert.throws(
    () => loadLimitsConfig({ GATEWAY_MAX_TOKENS: "" + 10 ** 8 }),
    /GATEWAY_MAX_TOKENS must be a whole number 1-10000000/,
  );
  assert.throws(
    () => loadLimitsConfig({ GATEWAY_TRUSTED_PROXIES: "10.0.0.0/8, proxy.local" }),
    /GATEWAY_TRUSTED_PROXIES must list IP addresses and CIDR blocks.*proxy\.local/,
  );
});
