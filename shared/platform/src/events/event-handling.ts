import { IsNull, type DataSource, type EntityManager } from "typeorm";
import type { EventType } from "@onewindow/contracts";
import type { EventEnvelope } from "./event-envelope";
import { DeadLetter } from "./dead-letter.entity";
import { InboxEvent } from "./inbox-event.entity";

/** Reacts to one event inside the transaction that also records it in the inbox. */
export type EventHandler<T extends EventType = EventType> = (
  event: EventEnvelope<T>,
  tx: EntityManager,
) => Promise<void>;

/** The events a service reacts to, by type. */
export type EventHandlers = { [K in EventType]?: EventHandler<K> };

/**
 * Applies an event at most once: the inbox row and the handler's effect commit in one
 * transaction. Returns false (and does nothing) when the event was applied before.
 */
export async function applyOnce<T extends EventType>(
  db: DataSource,
  event: EventEnvelope<T>,
  handler: EventHandler<T>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (await tx.existsBy(InboxEvent, { id: event.id })) return false;
    await tx.insert(InboxEvent, {
      id: event.id,
      type: event.type,
      occurredAt: String(event.occurredAt).slice(0, 32),
      appliedAt: new Date().toISOString(),
    });
    await handler(event, tx);
    return true;
  });
}

/**
 * Files an event its handler kept failing on, for an operator to look at and replay; or, with
 * `attempts` 0, one refused unapplied (not signed by its owner), kept as evidence only.
 */
export async function recordDeadLetter(
  db: DataSource,
  event: EventEnvelope,
  error: unknown,
  attempts: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(DeadLetter, { id: event.id });
    await tx.insert(DeadLetter, {
      id: event.id,
      type: event.type,
      // A refused event may carry anything: what is filed fits the columns.
      subject: String(event.subject ?? "").slice(0, 64),
      envelope: JSON.stringify(event),
      error: error instanceof Error ? error.message : String(error),
      attempts,
      failedAt: new Date().toISOString(),
      replayedAt: null,
    });
  });
}

/** Dead letters not yet replayed, oldest first. */
export function listDeadLetters(db: DataSource): Promise<DeadLetter[]> {
  return db.getRepository(DeadLetter).find({ where: { replayedAt: IsNull() }, order: { failedAt: "ASC" } });
}

/**
 * Applies a dead letter again with today's handler (after the fault was fixed). Still at most
 * once: an event that meanwhile got applied is only marked replayed.
 */
export async function replayDeadLetter(
  db: DataSource,
  id: string,
  handlers: EventHandlers,
): Promise<"applied" | "already applied"> {
  const letter = await db.getRepository(DeadLetter).findOneBy({ id });
  if (!letter) throw new Error(`no dead letter with id ${id}`);
  if (letter.attempts === 0)
    throw new Error(`dead letter ${id} was refused, not failed (${letter.error}); it is never applied`);
  const event = JSON.parse(letter.envelope) as EventEnvelope;
  const handler = handlers[event.type];
  if (!handler) throw new Error(`this service has no handler for ${event.type}`);
  // The handler registered for the event's own type.
  const applied = await applyOnce(db, event, handler as EventHandler);
  await db.getRepository(DeadLetter).update({ id }, { replayedAt: new Date().toISOString() });
  return applied ? "applied" : "already applied";
}
