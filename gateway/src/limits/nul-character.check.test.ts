import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { parse } from "graphql";
import { documentHasNul, nulRefused, variableWithNul } from "./nul-character.check";

test("a string literal holding U+0000 is found, escaped or in a block string", () => {
  assert.equal(documentHasNul(parse(`{ serviceItems(keyword: "退休") { code } }`)), false);
  assert.equal(documentHasNul(parse(`{ serviceItems(keyword: "a\\u0000b") { code } }`)), true);
  assert.equal(documentHasNul(parse(`mutation { x(input: { list: ["ok", "\\u0000"] }) }`)), true);
});

test("a variable holding U+0000 at any depth is named; deep nesting does not overflow the stack", () => {
  assert.equal(variableWithNul(undefined), null);
  assert.equal(variableWithNul({ k: "退休", n: 5, f: { openOnly: true, list: [null, "x"] } }), null);
  assert.equal(variableWithNul({ ok: "x", input: { name: "王\u0000芳" } }), "input");
  let deep: unknown = "\u0000";
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.equal(variableWithNul({ deep }), "deep");
  assert.equal(variableWithNul({ wide: Array.from({ length: 200_000 }, () => 0) }), null);
});

test("refused as BAD_USER_INPUT with HTTP 400", () => {
  const error = nulRefused("variable $input");
  assert.equal(error.extensions.code, "BAD_USER_INPUT");
  assert.deepEqual(error.extensions.http, { status: 400 });
  assert.match(error.message, /^variable \$input contains the NUL character/);
});
