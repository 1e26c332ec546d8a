import { withNodeOption } from "@onewindow/platform/web";

/**
 * Node.js options every launcher gives the gateway process (`npm start`, the bench, Compose,
 * Kubernetes). Without a cap V8 lets the old generation grow with the allocation rate: under
 * load the gateway's RSS reached 310-318 MB, though what stays live is far smaller. Capped at
 * 192 MB it peaked at 159-181 MB under every bench query, with no loss of requests/s or more
 * CPU per request (BENCHMARKS.md, "The gateway"). The Kubernetes memory limit (512Mi) leaves room
 * above the cap for code, buffers and sockets.
 */
export const GATEWAY_NODE_OPTIONS = "--max-old-space-size=192";

/** `NODE_OPTIONS` for a gateway process: the caller's own, with {@link GATEWAY_NODE_OPTIONS} unless it sets the heap itself. */
export function gatewayNodeOptions(existing: string | undefined = process.env.NODE_OPTIONS): string {
  return withNodeOption(GATEWAY_NODE_OPTIONS, existing);
}
