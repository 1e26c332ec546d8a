import { test } from "@jest/globals";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { KNOWN_OPERATIONS } from "./known-operations";

test("the known operations are exactly those the dashboard, the explorer, the workbench and the daily operations name", () => {
  const root = path.resolve(__dirname, "..", "..", "..");
  const names = new Set<string>();
  for (const file of [
    "dashboard/src/operations.ts",
    "dashboard/src/workbench/operations.ts",
    "test/operations.graphql",
  ]) {
    for (const m of fs
      .readFileSync(path.join(root, file), "utf8")
      .matchAll(/(?:^|`)\s*(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/gm))
      names.add(m[1]);
  }
  assert.deepEqual([...KNOWN_OPERATIONS].sort(), [...names].sort());
});
