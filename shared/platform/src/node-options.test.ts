import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { DEPARTMENT_NODE_OPTIONS, departmentNodeOptions } from "./node-options";

test("a department's NODE_OPTIONS add the young generation's size to the caller's, unless they set it", () => {
  assert.equal(departmentNodeOptions(undefined), DEPARTMENT_NODE_OPTIONS);
  assert.equal(departmentNodeOptions(""), DEPARTMENT_NODE_OPTIONS);
  assert.equal(departmentNodeOptions("--enable-source-maps"), `--enable-source-maps ${DEPARTMENT_NODE_OPTIONS}`);
  assert.equal(departmentNodeOptions("--max-semi-space-size=64"), "--max-semi-space-size=64");
});
