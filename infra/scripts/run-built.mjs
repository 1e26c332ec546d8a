// Runs a compiled entry point from what is built (`npm run token`, `audit:verify`, `dead-letters`):
//
//   node infra/scripts/run-built.mjs gateway/dist/token-cli.js --role analyst
//
// It compiles only when the entry is not built at all (its own project, with what that project
// references), so an everyday command costs the start of one Node process rather than a build of
// the whole project, dashboard included. When sources are newer than the last build it says so
// and still runs what is built: `npm run build` (incremental) brings it up to date.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const require = createRequire(import.meta.url);
const [entry, ...args] = process.argv.slice(2);
const dist = entry?.indexOf("/dist/") ?? -1;
if (!entry || dist < 0) {
  console.error("用法 / usage: node infra/scripts/run-built.mjs <package>/dist/<file>.js [args…]");
  process.exit(2);
}
const project = entry.slice(0, dist);
const file = path.join(root, entry);

if (!fs.existsSync(file)) {
  console.error(`${entry} 尚未构建，正在编译 ${project}… / not built yet: compiling ${project}…`);
  // --force only when a build that thinks itself up to date lacks the entry (a deleted file).
  for (const force of [[], ["--force"]]) {
    if (fs.existsSync(file)) break;
    const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-b", project, ...force], {
      cwd: root,
      stdio: "inherit",
    });
    if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  }
} else {
  const stale = [project, "shared/contracts", "shared/platform"].filter(
    (p) => newestSource(path.join(root, p, "src")) > mtime(path.join(root, p, "dist", ".tsbuildinfo")),
  );
  if (stale.length)
    console.error(
      `提示：${stale.join("、")} 的源代码比上次构建新，运行的是已构建的版本（npm run build 可更新） / note: sources of ${stale.join(", ")} changed since the last build; running what is built`,
    );
}

// In this process, as if Node had been started on the entry itself.
process.argv = [process.argv[0], file, ...args];
require(file);

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".ts"))
      newest = Math.max(newest, mtime(path.join(entry.parentPath ?? entry.path, entry.name)));
  }
  return newest;
}
