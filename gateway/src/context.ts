import type { Caller, Logger } from "@onewindow/shared";

/** Per-request context at the gateway. */
export interface GatewayContext {
  requestId: string;
  logger: Logger;
  /** Who asks (anonymous without a token) and why; signed into every department request. */
  caller: Caller;
}
