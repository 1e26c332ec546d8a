import { describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";

/** What requiring one entry of the package loads, seen from a fresh process. */
interface Loaded {
  /** Files of the package itself (`dist/…`, relative to the package). */
  own: string[];
  /** Files of the test support package (`shared/testing`), relative to it. */
  testing: string[];
  /** Packages loaded from node_modules, by name. */
  packages: string[];
  /** Node built-ins required by the package's own files (`node:` prefix removed). */
  ownBuiltins: string[];
  /** Node built-ins loaded at all, by anyone. */
  builtins: string[];
}

const packageRoot = path.join(__dirname, "..");
const testingRoot = path.join(packageRoot, "..", "testing");

/**
 * Requires `specifier` in a child process (this one is a Jest worker, with Jest loaded already) and lists
 * what came with it: from `require.cache` for files, from `process.moduleLoadList` for built-ins,
 * and from a hook on `require` for which built-ins the package's own code asked for (pino's
 * sonic-boom asks for `assert` itself, which says nothing about this package).
 */
function load(specifier: string): Loaded {
  const script = `
    const Module = require("node:module");
    const path = require("node:path");
    const root = ${JSON.stringify(packageRoot + path.sep)};
    const testingRoot = ${JSON.stringify(testingRoot + path.sep)};
    const ownBuiltins = new Set();
    const original = Module.prototype.require;
    Module.prototype.require = function (id) {
      if (this.filename && this.filename.startsWith(root) && Module.isBuiltin(id)) ownBuiltins.add(id.replace(/^node:/, ""));
      return original.apply(this, arguments);
    };
    require(${JSON.stringify(specifier)});
    const files = Object.keys(require.cache);
    const packages = new Set();
    for (const file of files) {
      const m = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file.slice(file.lastIndexOf("node_modules")));
      if (m) packages.add(m[1].replace(/\\\\/g, "/"));
    }
    process.stdout.write(JSON.stringify({
      own: files.filter((f) => f.startsWith(root)).map((f) => path.relative(root, f).split(path.sep).join("/")),
      testing: files.filter((f) => f.startsWith(testingRoot)).map((f) => path.relative(testingRoot, f).split(path.sep).join("/")),
      packages: [...packages],
      ownBuiltins: [...ownBuiltins],
      builtins: process.moduleLoadList.filter((m) => m.startsWith("NativeModule ")).map((m) => m.slice("NativeModule ".length)),
    }));
  `;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: packageRoot, encoding: "utf8" })) as Loaded;
}

const isTestSupport = (file: string) => /\.test\.js$|\.fixture\.js$|(^|\/)testing\//.test(file);

describe("@onewindow/platform's entries load only what their importers use", () => {
  test("the main entry loads neither the NATS client nor node:test, node:assert or any test helper", () => {
    const loaded = load("@onewindow/platform");
    assert.ok(loaded.own.includes("dist/index.js"), "the check saw the package's own files");
    assert.deepEqual(
      loaded.packages.filter((p) => p === "nats"),
      [],
      "nats",
    );
    assert.deepEqual(
      loaded.own.filter((f) => f.startsWith("dist/nats/")),
      [],
      "the NATS adapter",
    );
    assert.deepEqual(loaded.own.filter(isTestSupport), [], "test helpers");
    assert.deepEqual(loaded.testing, [], "@onewindow/testing");
    assert.deepEqual(
      loaded.builtins.filter((m) => m === "test" || m.startsWith("internal/test_runner")),
      [],
      "node:test",
    );
    assert.deepEqual(
      loaded.ownBuiltins.filter((m) => m === "test" || m.startsWith("assert")),
      [],
      "node:test or node:assert, asked for by the package",
    );
  });

  test("the process entry brings the NATS client, and still no test helper", () => {
    const loaded = load("@onewindow/platform/server");
    assert.ok(loaded.packages.includes("nats"), "a department's process talks to NATS");
    assert.deepEqual(loaded.own.filter(isTestSupport), []);
    assert.deepEqual(loaded.testing, []);
    assert.deepEqual(
      loaded.ownBuiltins.filter((m) => m === "test" || m.startsWith("assert")),
      [],
    );
  });

  test("the web entry (the gateway's) loads no database, cache store, subgraph library or NATS client", () => {
    const loaded = load("@onewindow/platform/web");
    assert.ok(loaded.own.includes("dist/web.js"), "the check saw the package's own files");
    const heavy = [
      "typeorm",
      "reflect-metadata",
      "pg",
      "better-sqlite3",
      "ioredis",
      "@apollo/subgraph",
      "type-graphql",
      "nats",
    ];
    assert.deepEqual(
      loaded.packages.filter((p) => heavy.includes(p)),
      [],
    );
    assert.deepEqual(loaded.own.filter(isTestSupport), []);
  });

  test("the test entry is where node:assert comes from", () => {
    const loaded = load("@onewindow/testing");
    assert.ok(loaded.testing.includes("dist/rule-testing.js"));
    assert.ok(loaded.builtins.includes("assert/strict") || loaded.builtins.includes("assert"));
  });
});
