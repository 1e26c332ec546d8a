import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logger for one process. `service` is on every line so logs from all
 * departments can be read side by side.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ name: service, level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}
