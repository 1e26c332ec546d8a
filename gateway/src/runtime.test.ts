import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { GATEWAY_NODE_OPTIONS, gatewayNodeOptions } from "./runtime";

test("the gateway's Node options add the heap cap to the caller's, unless the caller sets the heap", () => {
  assert.equal(gatewayNodeOptions(undefined), GATEWAY_NODE_OPTIONS);
  assert.equal(gatewayNodeOptions(""), GATEWAY_NODE_OPTIONS);
  assert.equal(gatewayNodeOptions("--enable-source-maps"), `--enable-source-maps ${GATEWAY_NODE_OPTIONS}`);
  assert.equal(gatewayNodeOptions("--max-old-space-size=512"), "--max-old-space-size=512");
});
