import type { Logger } from "@onewindow/shared";

/** Per-request context at the gateway. */
export interface GatewayContext {
  requestId: string;
  logger: Logger;
}
