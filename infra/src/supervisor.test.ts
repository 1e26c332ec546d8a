import { test } from "@jest/globals";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Supervised } from "./supervisor";

const waitFor = async (check: () => boolean, what: string, timeoutMs = 20_000) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A real child: reports `listening` like a OneWindow process, then waits, or crashes at once when CRASH_NOW is set. */
function childScript(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-supervisor-")), "child.js");
  fs.writeFileSync(
    file,
    `if (process.env.CRASH_NOW) process.exit(3); process.send({ type: "listening", port: 1 }); setInterval(() => {}, 1000);`,
  );
  return file;
}

function recorder() {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    info: (fields: object, message: string) =>
      void lines.push({ level: "info", fields: fields as Record<string, unknown>, message }),
    warn: (fields: object, message: string) =>
      void lines.push({ level: "warn", fields: fields as Record<string, unknown>, message }),
  };
}

test("a killed process is restarted after a logged back-off, and stop() ends it for good", async () => {
  const log = recorder();
  const supervised = new Supervised("labor-security", childScript(), {}, log, {
    initialDelayMs: 50,
    maxDelayMs: 400,
    resetAfterMs: 60_000,
  });
  await supervised.start();
  const first = supervised.pid!;
  process.kill(first, "SIGKILL");
  await waitFor(
    () => supervised.restarts === 1 && supervised.pid !== undefined && supervised.pid !== first,
    "a restart",
  );
  await waitFor(() => log.lines.some((l) => l.message === "labor-security restarted"), "the restart's log line");
  const crash = log.lines.find((l) => l.level === "warn")!;
  assert.equal(crash.fields.signal, "SIGKILL");
  assert.equal(crash.fields.restartInMs, 50);
  // Killed again soon after: it waits twice as long.
  process.kill(supervised.pid!, "SIGKILL");
  await waitFor(() => supervised.restarts === 2 && supervised.pid !== undefined, "a second restart");
  assert.equal(log.lines.filter((l) => l.level === "warn")[1].fields.restartInMs, 100);
  const last = supervised.pid!;
  await supervised.stop();
  assert.equal(supervised.pid, undefined);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(supervised.restarts, 2, "a stopped process is not restarted");
  assert.throws(() => process.kill(last, 0), /ESRCH/);
});

test("a process that keeps crashing is retried with a growing back-off up to the cap", async () => {
  const log = recorder();
  const main = childScript();
  const env: Record<string, string> = {};
  const supervised = new Supervised("tax", main, env, log, {
    initialDelayMs: 20,
    maxDelayMs: 80,
    resetAfterMs: 60_000,
  });
  await supervised.start();
  // From now on every start of the child crashes before listening.
  env.CRASH_NOW = "1";
  process.kill(supervised.pid!, "SIGKILL");
  await waitFor(() => log.lines.filter((l) => l.level === "warn").length >= 5, "five crashes");
  await supervised.stop();
  assert.deepEqual(
    log.lines
      .filter((l) => l.level === "warn")
      .slice(0, 5)
      .map((l) => l.fields.restartInMs),
    [20, 40, 80, 80, 80],
  );
});

test("a first start that fails is reported, not retried", async () => {
  const log = recorder();
  const supervised = new Supervised("gateway", childScript(), { CRASH_NOW: "1" }, log);
  await assert.rejects(supervised.start(), /gateway exited with code 3 while starting/);
  assert.equal(supervised.restarts, 0);
});
