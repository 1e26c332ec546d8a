#!/usr/bin/env node
// `npm run lint`: every check that reads the code without running it, each named as it runs,
// all of them run even when one fails (so one pass shows everything to fix):
// the type check of sources and tests together (the builds leave tests out), ESLint with type
// information, Prettier, and the check that every package declares what it imports.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

const checks = [
  ["types (sources and tests)", [bin("typescript", "bin/tsc"), "-p", "tsconfig.check.json"]],
  ["eslint", [bin("eslint", "bin/eslint.js"), "."]],
  ["prettier", [bin("prettier", "bin/prettier.cjs"), "--check", "--log-level", "warn", "."]],
  ["declared imports", [path.join(root, "infra", "scripts", "check-imports.mjs")]],
];

let failed = 0;
for (const [name, argv] of checks) {
  process.stderr.write(`lint: ${name}…\n`);
  const { status } = spawnSync(process.execPath, argv, { cwd: root, stdio: "inherit" });
  if (status !== 0) {
    failed++;
    process.stderr.write(`lint: ${name} failed\n`);
  }
}
process.exit(failed ? 1 : 0);
