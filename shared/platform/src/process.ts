import type { Logger } from "./logger";

/**
 * Runs a process's `main` and stops it gracefully on SIGTERM or SIGINT: in-flight requests
 * finish, connections close, then the process exits. A second signal exits at once.
 */
export function runProcess(logger: Logger, main: () => Promise<{ stop(): Promise<void> }>): void {
  let stopping = false;
  main()
    .then((running) => {
      const shutdown = (signal: string) => {
        if (stopping) process.exit(1);
        stopping = true;
        logger.info({ signal }, "shutting down");
        const force = setTimeout(() => process.exit(1), 10_000);
        force.unref();
        running.stop().then(
          () => process.exit(0),
          (err) => {
            logger.error({ err }, "error while shutting down");
            process.exit(1);
          },
        );
      };
      process.on("SIGTERM", () => shutdown("SIGTERM"));
      process.on("SIGINT", () => shutdown("SIGINT"));
      // A parent that forked us may ask us to stop over IPC (tests, the launcher on Windows).
      process.on("message", (msg: { type?: string }) => msg?.type === "stop" && shutdown("IPC"));
    })
    .catch((err: unknown) => {
      // Configuration errors carry a message meant for the operator, not a stack trace.
      if (err instanceof Error && err.name === "ConfigError") console.error(err.message);
      else logger.fatal({ err }, "failed to start");
      process.exit(1);
    });
}
