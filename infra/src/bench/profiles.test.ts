import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { categoryOf, monotonicUs, profileWithin, type CpuProfile } from "./profiles";

test("code is put in its kind by the file it is in; native frames have none of their own", () => {
  assert.equal(
    categoryOf("file:///app/shared/platform/dist/audit/audit-trail.js", "append"),
    "audit trail (platform audit)",
  );
  assert.equal(
    categoryOf("file:///app/node_modules/graphql/execution/execute.js", "executeField"),
    "GraphQL execution (graphql-js)",
  );
  assert.equal(categoryOf("node:internal/crypto/sig", "verifyOneShot"), "crypto (signatures, hashes)");
  assert.equal(categoryOf("file:///app/node_modules/left-pad/index.js", "pad"), "other packages (left-pad)");
  assert.equal(categoryOf("", "(garbage collector)"), "garbage collection");
  assert.equal(categoryOf("", "verify"), null);
});

test("a profile is cut to the runs' windows; a native frame's time goes to its JavaScript caller", () => {
  const frame = (functionName: string, url = "") => ({ functionName, url, lineNumber: 0 });
  // root → execute (graphql) → verify (native); root → (idle); root → stringify (native JSON).
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame("(root)"), children: [2, 4, 5] },
      { id: 2, callFrame: frame("execute", "file:///app/node_modules/graphql/execution/execute.js"), children: [3] },
      { id: 3, callFrame: frame("verify") },
      { id: 4, callFrame: frame("(idle)") },
      { id: 5, callFrame: frame("stringify") },
    ],
    startTime: 1_000,
    // Samples at 1,000, 2,000 ... 7,000 µs; each stands for the 1,000 µs until the next.
    samples: [2, 3, 4, 5, 3, 2, 2],
    timeDeltas: [0, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000],
  };
  // Samples 2,000-4,999 µs: verify, idle, stringify.
  const first = profileWithin(profile, [{ from: 2_000, to: 5_000 }]);
  assert.equal(first.totalMs, 2);
  assert.deepEqual(
    [...first.byCategory],
    [
      ["GraphQL execution (graphql-js)", 1],
      ["JSON", 1],
    ],
  );
  // Two windows together; the last sample stands for no time (nothing follows it).
  const both = profileWithin(profile, [
    { from: 1_000, to: 2_000 },
    { from: 5_000, to: 8_000 },
  ]);
  assert.equal(both.totalMs, 3);
  assert.equal(both.byFunction.get("execute graphql/execution/execute.js:1"), 2);
});

test("the bench's clock for runs moves forward in microseconds", () => {
  const a = monotonicUs();
  const b = monotonicUs();
  assert.ok(Number.isInteger(a) && b >= a);
});
