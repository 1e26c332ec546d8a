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
import { strict } from "node:assert";
import { deserialize, serialize } from "node:v8";

function sameRealm(actual: unknown, expected: unknown): [unknown, unknown] {
  try {
    return [deserialize(serialize(actual)), deserialize(serialize(expected))];
  } catch {
    return [actual, expected];
  }
}

type Deep = (actual: unknown, expected: unknown, message?: string | Error) => void;
/** One of the four deep comparisons, on copies of both sides in this realm. */
const inOneRealm =
  (compare: Deep): Deep =>
  (actual, expected, message) =>
    compare(...sameRealm(actual, expected), message);

const assert = Object.assign((value: unknown, message?: string | Error) => strict(value, message), strict, {
  deepEqual: inOneRealm(strict.deepEqual),
  deepStrictEqual: inOneRealm(strict.deepStrictEqual),
  notDeepEqual: inOneRealm(strict.notDeepEqual),
  notDeepStrictEqual: inOneRealm(strict.notDeepStrictEqual),
});
assert.strict = assert as never;

export = assert;
