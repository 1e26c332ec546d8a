import { afterAll, beforeAll, test } from "@jest/globals";
import assert from "node:assert/strict";
import { startStack, type Stack } from "./harness/stack";
import { freshIdNumber } from "./harness/fixtures";

/**
 * Chinese first: every error carries `extensions.localizedMessage`, Chinese unless the request's
 * Accept-Language prefers English, while `message` stays English for API clients.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function ask(query: string, variables: Record<string, unknown>, acceptLanguage?: string) {
  const res = await fetch(stack.gatewayUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(await stack.headers()),
      ...(acceptLanguage ? { "accept-language": acceptLanguage } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

const REGISTER = `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`;
// A valid number with its check character changed from 7.
const valid = (() => {
  for (let n = 0; ; n++) {
    const id = freshIdNumber("1980-05-05", "MALE");
    if (id.endsWith("7")) return id;
    if (n > 1000) throw new Error("no number with check character 7");
  }
})();
const invalid = valid.slice(0, 17) + "1";

test("an invalid ID number is answered in Chinese for zh-CN and by default, in English on request", async () => {
  for (const language of ["zh-CN,zh;q=0.9,en;q=0.8", undefined]) {
    const res = await ask(REGISTER, { i: { idNumber: invalid, name: "钱明" } }, language);
    const [error] = res.errors ?? [];
    assert.equal(error?.extensions.code, "BAD_USER_INPUT");
    assert.equal(error?.extensions.localizedMessage, "身份证号码校验位应为 7，现为 1");
    assert.match(error!.message, /check character should be 7, got 1/);
  }
  const english = await ask(REGISTER, { i: { idNumber: invalid, name: "钱明" } }, "en-GB,en;q=0.9,zh;q=0.5");
  assert.match(String(english.errors?.[0]?.extensions.localizedMessage), /check character should be 7, got 1/);
});

test("a department's own error keeps its Chinese through the gateway", async () => {
  const idNumber = freshIdNumber("1975-03-03", "FEMALE");
  assert.equal((await ask(REGISTER, { i: { idNumber, name: "孙丽" } })).errors, undefined);
  const again = await ask(REGISTER, { i: { idNumber, name: "孙丽" } }, "zh-CN");
  const [error] = again.errors ?? [];
  assert.equal(error?.extensions.code, "CONFLICT");
  assert.match(String(error?.extensions.localizedMessage), /[\u4e00-\u9fff]/);
  assert.doesNotMatch(String(error?.extensions.localizedMessage), /[a-z]{4,}/, "no English words in the Chinese");
});

test("errors written by no department (graphql-js validation) get their code's Chinese label", async () => {
  const res = await ask(`{ citizen(idNumber: "x") { nosuchfield } }`, {}, "zh-CN");
  const [error] = res.errors ?? [];
  assert.equal(error?.extensions.code, "GRAPHQL_VALIDATION_FAILED");
  assert.equal(error?.extensions.localizedMessage, "查询语句不符合接口定义");
});

test("a refusal before GraphQL runs (a bad token) is localised too", async () => {
  const res = await fetch(stack.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer not.a.token", "accept-language": "zh-CN" },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  assert.equal(res.status, 401);
  const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
  assert.equal(body.errors[0]?.extensions.code, "UNAUTHENTICATED");
  assert.equal(body.errors[0]?.extensions.localizedMessage, "登录令牌无效");
});
