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
  "contracts",
  "platform",
  "labor-security",
  "medical-insurance",
  "tax",
  "hospital-quality",
  "service-hall",
  "notifications",
  "gateway",
  "infra",
];

function run(command, argv) {
  const { status, signal } = spawnSync(command, argv, { cwd: root, stdio: "inherit" });
  if (status !== 0) process.exit(status ?? (signal ? 1 : 0));
}

// `--unit` and `--e2e` run one half without building (npm run test:unit / test:e2e). The
// caller's options and paths go first: Jest's --selectProjects would take a path after it for
// a project's name.
const only = args[0] === "--unit" || args[0] === "--e2e" ? args.shift() : undefined;
const unit = () =>
  run(process.execPath, [
    ...node,
    jest,
    ...args,
    "--maxWorkers=2",
    "--passWithNoTests",
    "--selectProjects",
    ...unitProjects,
  ]);
const e2e = () =>
  run(process.execPath, [
    ...node,
    jest,
    ...args.filter((a) => a !== "--coverage"),
    "--runInBand",
    "--passWithNoTests",
    "--selectProjects",
    "e2e",
  ]);

if (only === "--unit") unit();
else if (only === "--e2e") e2e();
else {
  run("npm", ["run", "build", "--silent"]);
  unit();
  e2e();
}
