import { fork, type ChildProcess } from "node:child_process";

/** How {@link Supervised} restarts its process. */
export interface RestartPolicy {
  /** Wait before the first restart, ms (default 1 s); doubled after each crash. */
  initialDelayMs: number;
  /** Longest wait between restarts, ms (default 30 s). */
  maxDelayMs: number;
  /** Running this long (ms, default 60 s) counts as healthy: the next crash waits `initialDelayMs` again. */
  resetAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { initialDelayMs: 1000, maxDelayMs: 30_000, resetAfterMs: 60_000 };

/** Where {@link Supervised} reports what it does (the launcher's logger). */
export interface SupervisorLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/**
 * One OneWindow process that `npm start` keeps running, as Kubernetes would: forked from `main`,
 * restarted after it dies (a crash, an out-of-memory kill) with exponential back-off, each
 * restart logged; `stop` sends SIGTERM and does not restart it.
 */
export class Supervised {
  private child: ChildProcess | undefined;
  private stopping = false;
  private delay: number;
  private timer: NodeJS.Timeout | undefined;
  /** Times the process has been started again after dying. */
  restarts = 0;

  constructor(
    readonly name: string,
    private readonly main: string,
    private readonly env: Record<string, string | undefined>,
    private readonly log: SupervisorLog,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  ) {
    this.delay = policy.initialDelayMs;
  }

  /** The running process's id, if it runs. */
  get pid(): number | undefined {
    return this.child && this.child.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /** Starts the process and resolves once it reports `listening` (rejects if it dies first: a first start that fails is not retried). */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = this.spawn();
      const onExit = (code: number | null) => reject(new Error(`${this.name} exited with code ${code} while starting`));
      child.once("exit", onExit);
      child.once("message", () => {
        child.off("exit", onExit);
        this.watch(child);
        resolve();
      });
    });
  }

  /** Stops the process (SIGTERM) and any pending restart; resolves when it has exited. */
  stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  }

  private spawn(): ChildProcess {
    this.child = fork(this.main, [], { env: { ...process.env, ...this.env }, stdio: "inherit" });
    return this.child;
  }

  private watch(child: ChildProcess): void {
    const startedAt = Date.now();
    child.once("exit", (code, signal) => {
      if (this.stopping) return;
      if (Date.now() - startedAt >= this.policy.resetAfterMs) this.delay = this.policy.initialDelayMs;
      const wait = this.delay;
      this.delay = Math.min(this.delay * 2, this.policy.maxDelayMs);
      this.log.warn(
        { process: this.name, code, signal, restartInMs: wait },
        `${this.name} stopped (${signal ?? `code ${code}`}); restarting in ${wait} ms`,
      );
      this.timer = setTimeout(() => this.restart(), wait);
    });
  }

  private restart(): void {
    if (this.stopping) return;
    const child = this.spawn();
    this.restarts++;
    // A restart that dies before listening is handled like any other crash: the back-off grows.
    this.watch(child);
    child.once("message", () =>
      this.log.info({ process: this.name, pid: child.pid, restarts: this.restarts }, `${this.name} restarted`),
    );
  }
}
