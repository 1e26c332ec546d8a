// The dashboard's build (`npm run build`, `npm start`, `npm test`): codegen, type check and Vite
// bundle take about fifteen seconds, so they run only when an input is newer than the last
// build's stamp (dist/.built), or with --force. Inputs: the dashboard's own sources and
// configuration, the gateway's supergraph and subscription fields (the API schema codegen reads)
// and the lock file (a changed dependency).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dashboard = fileURLToPath(new URL("..", import.meta.url));
const stamp = path.join(dashboard, "dist", ".built");
const inputs = [
  "src",
  "pages",
  "scripts",
  "codegen.mjs",
  "vite.config.mjs",
  "tsconfig.json",
  "package.json",
  "../gateway/supergraph.graphql",
  "../gateway/src/subscriptions/subscription-fields.ts",
  "../package-lock.json",
].map((p) => path.join(dashboard, p));
// Written by the build itself: never a reason to build again.
const outputs = [path.join(dashboard, "src", "generated")];

if (!process.argv.includes("--force") && newest(inputs) <= mtime(stamp)) process.exit(0);

const npm = spawnSync("npm", ["run", "--silent", "build:always"], {
  cwd: dashboard,
  stdio: "inherit",
  shell: process.platform === "win32",
});
if (npm.status !== 0) process.exit(npm.status ?? 1);
fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newest(paths) {
  let latest = 0;
  for (const p of paths) {
    if (outputs.some((o) => p === o || p.startsWith(o + path.sep))) continue;
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      continue;
    }
    if (!stat.isDirectory()) latest = Math.max(latest, stat.mtimeMs);
    else latest = Math.max(latest, newest(fs.readdirSync(p).map((name) => path.join(p, name))));
  }
  return latest;
}
