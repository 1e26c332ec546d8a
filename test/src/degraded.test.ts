import { afterAll, beforeAll, test } from "@jest/globals";
import assert from "node:assert/strict";
import { startStack, type Stack } from "./harness/stack";
import { freshIdNumber } from "./harness/fixtures";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

// A department being down must not take the window down with it.
test("with medical insurance stopped, a citizen query still returns the labor fields plus an error naming the department", async () => {
  const idNumber = freshIdNumber("1966-06-06", "MALE");
  const reg = await stack.query(`mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
    i: { idNumber, name: "孙志强" },
  });
  assert.equal(reg.errors, undefined);
  await stack.stopSubgraph("medical-insurance");
  const res = await stack.query(
    `query ($id: ID!) { citizen(idNumber: $id) { name birthDate medicalInsurance { scheme } } }`,
    { id: idNumber },
  );
  assert.deepEqual(res.data?.citizen, { name: "孙志强", birthDate: "1966-06-06", medicalInsurance: null });
  assert.equal(res.errors?.length, 1);
  assert.equal(res.errors![0].extensions?.code, "SERVICE_UNAVAILABLE");
  assert.equal(res.errors![0].extensions?.department, "medical-insurance");
  assert.match(res.errors![0].message, /medical-insurance department is unavailable/);
  const ready = await fetch(stack.gatewayUrl.replace("/graphql", "/readyz"));
  assert.equal(ready.status, 503);
  assert.match(await ready.text(), /medical-insurance/);
});
