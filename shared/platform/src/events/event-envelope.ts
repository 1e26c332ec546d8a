import type { EventPayloads, EventType } from "@onewindow/contracts";

/**
 * What travels on the bus: the envelope `{ id, type, source, occurredAt,
 * subject, data, traceId }`, plus the payload version.
 */
export interface EventEnvelope<T extends EventType = EventType> {
  /** UUID; also the JetStream `Nats-Msg-Id`, and the key of every consumer's inbox. */
  id: string;
  type: T;
  version: number;
  /** The publishing service (`labor-security`). */
  source: string;
  occurredAt: string;
  /** What the event is about: a citizen's ID number, an employer's credit code, a hospital code. */
  subject: string;
  data: EventPayloads[T];
  traceId: string | null;
  /**
   * Ed25519 signature by the publishing department over the canonical JSON of every other
   * field (see event-signing.ts), base64url. Consumers refuse an event without a valid one.
   */
  signature?: string;
}

/**
 * The NATS subject an event type travels on. The catalogue's types start with `onewindow`;
 * `prefix` replaces it, so several installations (or test runs) can share one NATS server.
 */
export function natsSubject(prefix: string, type: string): string {
  return `${prefix}${type.slice("onewindow".length)}`;
}

/** The JetStream stream of one department's events under `prefix`: `ONEWINDOW_LABOR`. */
export function streamName(prefix: string, department: string): string {
  return `${prefix}_${department}`.toUpperCase().replace(/[^A-Z0-9_]/g, "_");
}
