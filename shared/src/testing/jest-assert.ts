/**
 * `node:assert/strict` as tests see it under Jest (jest.config.js maps the specifier here).
 *
 * Jest runs each test file in a VM context of its own, so an array written in a test and an
 * array made by Node itself (a driver's rows, `fs.readdirSync`, `JSON.parse` in a built-in,
 * `fetch`'s `json()`) have different prototypes, and the strict deep comparisons refuse them
 * with "no visual difference". Here both sides are first copied into this process's own realm
 * by structured clone; values that cannot be cloned (functions, class instances with symbols)
 * are compared as they are. Everything else is Node's strict assert unchanged.
 */
import { deserialize, serialize } from "node:v8";
const strict: typeof import("node:assert/strict") = require("assert").strict;

function sameRealm(actual: unknown, expected: unknown): [unknown, unknown] {
  try {
    return [deserialize(serialize(actual)), deserialize(serialize(expected))];
  } catch {
    return [actual, expected];
  }
}

const assert = Object.assign((value: unknown, message?: string | Error) => strict(value, message), strict, {
  deepEqual(actual: unknown, expected: unknown, message?: string | Error) {
    const [a, e] = sameRealm(actual, expected);
    strict.deepEqual(a, e, message ?? (undefined as never));
  },
  deepStrictEqual(actual: unknown, expected: unknown, message?: string | Error) {
    const [a, e] = sameRealm(actual, expected);
    strict.deepStrictEqual(a, e, message ?? (undefined as never));
  },
  notDeepEqual(actual: unknown, expected: unknown, message?: string | Error) {
    const [a, e] = sameRealm(actual, expected);
    strict.notDeepEqual(a, e, message ?? (undefined as never));
  },
  notDeepStrictEqual(actual: unknown, expected: unknown, message?: string | Error) {
    const [a, e] = sameRealm(actual, expected);
    strict.notDeepStrictEqual(a, e, message ?? (undefined as never));
  },
});
assert.strict = assert as never;

export = assert;
