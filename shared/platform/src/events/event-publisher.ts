import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { EventPayloads, EventType } from "@onewindow/contracts";
import { OutboxEvent } from "./outbox-event.entity";
import { currentTraceparent } from "../telemetry";

/** A domain event as a service states it; the envelope fields are filled in here. */
export interface DomainEvent<T extends EventType = EventType> {
  type: T;
  /** What the event is about: the citizen's ID number or the employer's credit code. */
  subject: string;
  data: EventPayloads[T];
  /** A W3C `traceparent`; by default the active span's (null when tracing is off). */
  traceId?: string | null;
}

let lastSequence = 0;
/** Monotonic within the process, and across restarts because it starts from the clock. */
function nextSequence(): string {
  lastSequence = Math.max(lastSequence + 1, Date.now() * 1000);
  return String(lastSequence);
}

/**
 * The one place a service publishes its domain events. `publish` must be called with the
 * EntityManager of the transaction that makes the change: the event row commits or rolls back
 * with it (transactional outbox). The outbox relay delivers committed rows to NATS JetStream.
 */
export class EventPublisher {
  constructor(private readonly source: string) {}

  async publish<T extends EventType>(manager: EntityManager, event: DomainEvent<T>): Promise<OutboxEvent> {
    const row = manager.create(OutboxEvent, {
      id: randomUUID(),
      sequence: nextSequence(),
      type: event.type,
      source: this.source,
      subject: event.subject,
      occurredAt: new Date().toISOString(),
      data: JSON.stringify(event.data),
      // The W3C traceparent of the request writing the event: the consumer continues its trace.
      traceId: event.traceId ?? currentTraceparent(),
      // Signed by the relay, in the department's process, which alone holds the signing key.
      envelope: null,
      sentAt: null,
    });
    await manager.insert(OutboxEvent, row);
    return row;
  }
}
