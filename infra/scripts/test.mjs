#!/usr/bin/env node
// `npm test [-- jest options]`: builds (the end-to-end stacks fork what is built), then runs
// Jest twice with the same options: the unit projects on two workers, then the end-to-end
// project in band, since each of its files starts a whole stack of processes and two stacks at
// once on a small machine make each other's timings fail. Jest sets workers for a whole run, not
// per project, hence two runs. Coverage is the unit projects' own: the end-to-end tests exercise
// child processes, which Jest does not instrument.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const jest = createRequire(import.meta.url).resolve("jest/bin/jest");
const args = process.argv.slice(2);
// The OTLP exporter loads `http` with a dynamic import(), which Jest serves only with VM modules on.
const node = ["--experimental-vm-modules", "--disable-warning=ExperimentalWarning"];
const unitProjects = [
  "shared",
  "labor-security",
  "medical-insurance",
  "tax",
  "hospital-quality",
  "service-hall",
  "gateway",
  "infra",
];

function run(command, argv) {
  const { status, signal } = spawnSync(command, argv, { cwd: root, stdio: "inherit" });
  if (status !== 0) process.exit(status ?? (signal ? 1 : 0));
}

run("npm", ["run", "build", "--silent"]);
run(process.execPath, [
  ...node,
  jest,
  "--selectProjects",
  ...unitProjects,
  "--maxWorkers=2",
  "--passWithNoTests",
  ...args,
]);
run(process.execPath, [
  ...node,
  jest,
  "--selectProjects",
  "e2e",
  "--runInBand",
  "--passWithNoTests",
  ...args.filter((a) => a !== "--coverage"),
]);
