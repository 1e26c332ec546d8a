import type { Caller } from "@onewindow/contracts";
import type { Logger } from "@onewindow/platform/web";

/** Per-request context at the gateway. */
export interface GatewayContext {
  /** Issued by the gateway for every request; a client's `x-request-id` never becomes it. */
  requestId: string;
  /** The id the client sent in `x-request-id`, if any: kept beside `requestId` in the audit trail. */
  clientRequestId: string | null;
  logger: Logger;
  /** Who asks (anonymous without a token) and why; signed into every department request. */
  caller: Caller;
}
