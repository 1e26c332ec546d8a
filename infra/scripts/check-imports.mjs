#!/usr/bin/env node
// Every package declares what it imports: a production file's imports in `dependencies`, a
// test's or fixture's in `dependencies` or `devDependencies`. npm hoists every workspace's
// dependencies to the root, so an undeclared import works here and breaks in an image that
// installs one package. Also refused: a declared dependency that nothing imports, and a
// production file importing @onewindow/testing. `--fix` writes the missing and drops the unused.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const fix = process.argv.includes("--fix");
const rootPkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8"));

/** The workspace folders (the root package.json's globs, one level of `*`). */
function workspaces() {
  return rootPkg.workspaces.flatMap((pattern) =>
    pattern.endsWith("/*")
      ? readdirSync(path.join(root, pattern.slice(0, -2))).map((d) => `${pattern.slice(0, -2)}/${d}`)
      : [pattern],
  );
}

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) yield full;
  }
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"'./][^"']*)["']|(?:^|[\s;(])import\s*\(?\s*["']([^"'./][^"']*)["']|require(?:\.resolve)?\(\s*["']([^"'./][^"']*)["']\s*\)/g;
const builtins = new Set(builtinModules);
/** Required by name at run time rather than imported: the database drivers TypeORM loads. */
const LOADED_BY_NAME = new Set(["pg", "better-sqlite3"]);

function packageOf(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/**
 * Files that only tests, the build or a developer run: tests, fixtures, harnesses, scripts,
 * benchmarks (`npm run bench`: the gateways it measures ours against are no part of any image),
 * config files.
 */
const isTestOnly = (file) =>
  /\.(test|fixture)\.[mc]?[jt]sx?$/.test(file) ||
  /(^|[\\/])(testing|harness|scripts|bench)[\\/]/.test(file) ||
  !/[\\/]/.test(file);

const problems = [];
for (const dir of workspaces()) {
  const pkgFile = path.join(root, dir, "package.json");
  const pkg = JSON.parse(readFileSync(pkgFile, "utf8"));
  const dependencies = pkg.dependencies ?? {};
  const devDependencies = pkg.devDependencies ?? {};
  const used = new Map(); // package -> "prod" | "test"
  const folders = ["src", "scripts", "pages"]
    .map((f) => path.join(root, dir, f))
    .filter((f) => {
      try {
        return statSync(f).isDirectory();
      } catch {
        return false;
      }
    });
  const files = [...folders.flatMap((f) => [...sources(f)])];
  for (const config of readdirSync(path.join(root, dir)).filter((f) => /\.(mjs|js|ts)$/.test(f))) {
    files.push(path.join(root, dir, config));
  }
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const kind = isTestOnly(path.relative(path.join(root, dir), file)) ? "test" : "prod";
    for (const m of text.matchAll(IMPORT)) {
      const specifier = m[1] ?? m[2] ?? m[3];
      if (specifier.startsWith("node:") || builtins.has(specifier) || builtins.has(specifier.split("/")[0])) continue;
      const name = packageOf(specifier);
      if (name === pkg.name) continue;
      if (kind === "prod" && name === "@onewindow/testing" && !dir.startsWith("test")) {
        problems.push(`${path.relative(root, file)}: production code imports @onewindow/testing`);
      }
      if (used.get(name) !== "prod") used.set(name, kind);
    }
  }
  // What --fix declares: the workspace's version, the root's range, or what the lock file installed.
  const versionOf = (name) => {
    if (name.startsWith("@onewindow/")) return "0.1.0";
    const installed = lock.packages?.[`node_modules/${name}`]?.version;
    return rootPkg.devDependencies?.[name] ?? (installed ? `^${installed}` : null);
  };
  const missing = [];
  for (const [name, kind] of used) {
    const declared =
      name in dependencies || (kind === "test" && (name in devDependencies || name in (rootPkg.devDependencies ?? {})));
    if (!declared) missing.push([name, kind]);
  }
  const unused = Object.keys(dependencies).filter(
    (name) => !used.has(name) && !name.startsWith("@types/") && !LOADED_BY_NAME.has(name),
  );
  for (const [name, kind] of missing) problems.push(`${dir}: imports ${name} (${kind}) without declaring it`);
  for (const name of unused) problems.push(`${dir}: declares ${name}, which it does not import`);
  if (fix && (missing.length || unused.length)) {
    for (const [name, kind] of missing) {
      const version = versionOf(name);
      if (!version) continue;
      if (kind === "prod") (pkg.dependencies ??= {})[name] = version;
      else (pkg.devDependencies ??= {})[name] = version;
    }
    for (const name of unused) delete pkg.dependencies[name];
    const sort = (o) => o && Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
    pkg.dependencies = sort(pkg.dependencies);
    if (pkg.devDependencies) pkg.devDependencies = sort(pkg.devDependencies);
    writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  }
}

if (problems.length) {
  console.error(problems.join("\n"));
  if (!fix) process.exit(1);
} else console.log("every package declares what it imports");
