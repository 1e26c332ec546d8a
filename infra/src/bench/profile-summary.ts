import fs from "node:fs";
import path from "node:path";
import { profileWithin, type CpuProfile, type ProfiledRun } from "./profiles";

/**
 * `node infra/dist/bench/profile-summary.js DIR [--functions N]`: where the CPU time of each
 * profiled process (DIR, written by `npm run bench -- --profile DIR`) went during each query's
 * measured runs through each target, in ms per request, by kind of code; with `--functions`, the
 * N functions with the most self time too.
 */
function main(argv: string[]): void {
  const dir = argv[0];
  if (!dir) throw new Error("usage: node infra/dist/bench/profile-summary.js DIR [--functions N]");
  const functions = argv.includes("--functions") ? Number(argv[argv.indexOf("--functions") + 1]) : 0;
  const runs = JSON.parse(fs.readFileSync(path.join(dir, "runs.json"), "utf8")) as ProfiledRun[];
  const profiles = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => [f.replace(/\.cpuprofile$/, ""), JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))] as const);
  const groups = new Map<string, ProfiledRun[]>();
  for (const run of runs) {
    const key = `${run.query} (${run.target})`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  for (const [key, group] of groups) {
    const requests = group.reduce((sum, r) => sum + r.requests, 0);
    console.log(
      `\n## ${key}: ${requests} requests in ${group.length} run(s), CPU ms per request by process and kind of code`,
    );
    for (const [name, profile] of profiles) {
      const spent = profileWithin(profile as CpuProfile, group);
      if (spent.totalMs / Math.max(1, requests) < 0.01) continue;
      const per = (ms: number) => (ms / Math.max(1, requests)).toFixed(3);
      console.log(`\n${name}: ${per(spent.totalMs)} ms/req`);
      for (const [c, ms] of [...spent.byCategory].sort((a, b) => b[1] - a[1]))
        if (ms / spent.totalMs >= 0.005)
          console.log(`  ${per(ms).padStart(7)}  ${((100 * ms) / spent.totalMs).toFixed(1).padStart(5)} %  ${c}`);
      if (functions) {
        console.log("  top functions (self):");
        for (const [f, ms] of [...spent.byFunction].sort((a, b) => b[1] - a[1]).slice(0, functions))
          console.log(`    ${per(ms).padStart(7)}  ${f}`);
      }
    }
  }
}

main(process.argv.slice(2));
