import { fork, type ChildProcess } from "node:child_process";

/** A forked OneWindow process and the ports it reported over IPC. */
export interface Child {
  name: string;
  process: ChildProcess;
  port: number;
  /** Where it serves /metrics. */
  metricsPort?: number;
  stderr: () => string;
  /** The last 64 kB of its standard output (its JSON log). */
  stdout: () => string;
}

/** Forks `main` and keeps the tail of its output (its JSON log on stdout, the runtime's errors on stderr). */
function forkCapturing(
  main: string,
  args: string[],
  env: Record<string, string>,
  execArgv: string[] = [],
): { child: ChildProcess; stdout: () => string; stderr: () => string } {
  const child = fork(main, args, {
    env: { ...process.env, ...env },
    execArgv,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let stderr = "";
  let stdout = "";
  child.stdout?.on("data", (chunk) => {
    stdout = (stdout + chunk).slice(-64_000);
  });
  child.stderr?.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-8000);
  });
  return { child, stdout: () => stdout, stderr: () => stderr };
}

/** How {@link forkAndWait} starts a process. */
export interface ForkOptions {
  /** Node's own flags for the child (a CPU profile, say). */
  execArgv?: string[];
  timeoutMs?: number;
}

/**
 * Forks `main` with `env` and waits until it reports `listening` over IPC (it binds port 0,
 * so parallel stacks never collide): the one way the test stacks and the bench start a process.
 * Rejects with the child's stderr if it dies first.
 */
export function forkAndWait(
  name: string,
  main: string,
  env: Record<string, string>,
  { execArgv = [], timeoutMs = 60_000 }: ForkOptions = {},
): Promise<Child> {
  const { child, stdout, stderr } = forkCapturing(main, [], env, execArgv);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${stderr()}`));
    }, timeoutMs);
    child.on("message", (msg: { type?: string; port?: number; metricsPort?: number }) => {
      if (msg?.type === "listening" && msg.port) {
        clearTimeout(timer);
        resolve({ name, process: child, port: msg.port, metricsPort: msg.metricsPort, stderr, stdout });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      // A department logs its start-up failure as JSON on stdout, the runtime's on stderr.
      reject(new Error(`${name} exited with code ${code} before listening:\n${stderr()}${stdout().slice(-4000)}`));
    });
  });
}

/** Stops a child with SIGTERM (graceful shutdown) and waits for it to exit; SIGKILL after `graceMs`. */
export function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.process.kill("SIGKILL"), graceMs);
    child.process.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.process.kill("SIGTERM");
  });
}

/** How a process that ran to its end ended: its exit code (null if killed at the timeout) and output. */
export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Forks `main` with `args` and `env` and waits for it to exit (a one-shot step such as
 * `main.js migrate`); kills it after `timeoutMs` (a process that should have stopped but serves).
 */
export function runToExit(
  main: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<Finished> {
  const { child, stdout, stderr } = forkCapturing(main, args, env);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    // "close", not "exit": the output is all read by then.
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: stdout(), stderr: stderr() });
    });
  });
}
