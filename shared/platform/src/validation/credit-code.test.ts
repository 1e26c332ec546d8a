import { test } from "@jest/globals";
import assert from "node:assert/strict";
import type { LocalizedText } from "@onewindow/contracts/i18n";
import { checkCreditCode, creditCodeCheckCharacter, makeCreditCode, parseCreditCode } from "./credit-code";

test("accepts the textbook example code", () => {
  // The example used in descriptions of GB 32100-2015 (Fuzhou, organization code M000100Y4).
  assert.deepEqual(checkCreditCode("91350100M000100Y43"), { creditCode: "91350100M000100Y43", region: "350100" });
});

test("says what is wrong", () => {
  const good = makeCreditCode("330104", 12345678);
  const wrongCheck = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
  const problem = (code: string) => (checkCreditCode(code) as { problem: LocalizedText }).problem;
  assert.equal(problem(wrongCheck).en, `check character should be ${good[17]}, got ${wrongCheck[17]}`);
  assert.equal(problem(wrongCheck).zh, `统一社会信用代码校验位应为 ${good[17]}，现为 ${wrongCheck[17]}`);
  assert.equal(problem("91330104123").en, "must be 18 characters, got 11");
  assert.match(problem("91330104I23456788A").en, /character 9 "I" is not allowed/);
  assert.match(problem("9133A104123456788A").en, /region code 33A104 must be 6 digits/);
});

test("the check character is computed over the 31-character alphabet", () => {
  assert.equal(creditCodeCheckCharacter("91350100M000100Y4"), "3");
});

test("parseCreditCode upper-cases and throws BAD_USER_INPUT with a message", () => {
  const code = makeCreditCode("330102", 7654321);
  assert.equal(parseCreditCode(code.toLowerCase()), code);
  assert.throws(
    () => parseCreditCode("x"),
    (err: any) => err.extensions.code === "BAD_USER_INPUT" && /18 characters/.test(err.message),
  );
});

test("makeCreditCode builds codes that validate", () => {
  for (let serial = 1; serial < 3000; serial += 7) {
    const code = makeCreditCode("330104", serial);
    assert.ok(!("problem" in checkCreditCode(code)), code);
  }
});
