import type { Consumer, JsMsg } from "nats";
import type { DataSource } from "typeorm";
import { departmentOf, type Department } from "@onewindow/contracts";
import type { EventEnvelope } from "../events/event-envelope";
import { applyOnce, recordDeadLetter, type EventHandler, type EventHandlers } from "../events/event-handling";
import type { Logger } from "../logger";
import { traceLogFields, withEventSpan } from "../telemetry";
import { StreamNotYetCreated, type NatsEventBus } from "./nats-event-bus";
import type { EventVerifier } from "../events/event-signing";

/** Limits of a service's event handling; all configurable. */
export interface ConsumerOptions {
  /** Attempts per event before it goes to the dead-letter list. */
  maxAttempts: number;
  /** How long JetStream waits for an ack before redelivering (a crashed consumer's events). */
  ackWaitMs: number;
  logger: Logger;
  /** Refuses events not signed by the department that owns their type. */
  verifier: EventVerifier;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A service's reaction to other departments' events: one durable pull consumer per source
 * department, messages handled one at a time in stream order (so events about one citizen
 * apply in the order they happened, also after a redelivery), each at most once (inbox), and
 * after `maxAttempts` failures filed as a dead letter so that the events behind it keep
 * flowing.
 */
export class EventConsumer {
  private running = false;
  private readonly loops: Promise<void>[] = [];
  private readonly stops: (() => void)[] = [];
  private readonly consumers = new Map<Department, Consumer>();

  constructor(
    private readonly db: DataSource,
    private readonly bus: NatsEventBus,
    private readonly handlers: EventHandlers,
    private readonly options: ConsumerOptions,
  ) {}

  start(): void {
    this.running = true;
    const departments = new Set(Object.keys(this.handlers).map(departmentOf));
    for (const department of departments) this.loops.push(this.consume(department));
  }

  private async consume(department: Department): Promise<void> {
    while (this.running) {
      if (!this.bus.connected) {
        await sleep(250);
        continue;
      }
      try {
        const consumer = await this.bus.consumer(department, {
          ackWaitMs: this.options.ackWaitMs,
          // A backstop: attempts are counted here, this only bounds deliveries of a message
          // whose consumer keeps dying before it can file a dead letter.
          maxDeliver: this.options.maxAttempts + 5,
        });
        this.consumers.set(department, consumer);
        const messages = await consumer.consume({ max_messages: 64 });
        this.stops.push(() => messages.stop());
        for await (const message of messages) {
          await this.handle(message);
          if (!this.running) break;
        }
      } catch (err) {
        if (err instanceof StreamNotYetCreated) {
          this.options.logger.debug({ department }, "waiting for the department to create its stream");
          await sleep(1000);
          continue;
        }
        if (this.running)
          this.options.logger.warn({ err: (err as Error).message, department }, "event consumer interrupted; resuming");
        await sleep(500);
      }
    }
  }

  private async handle(message: JsMsg): Promise<void> {
    let event: EventEnvelope;
    try {
      event = JSON.parse(message.string()) as EventEnvelope;
    } catch {
      this.options.logger.error({ subject: message.subject }, "event is not JSON; terminated");
      message.term();
      return;
    }
    if (!isFileable(event)) {
      // Without an id and a type there is nothing to file it under or to apply.
      this.options.logger.error({ subject: message.subject }, "event has no usable id or type; terminated");
      message.term();
      return;
    }
    // The handler registered for the event's own type.
    const handler = this.handlers[event.type] as EventHandler | undefined;
    if (!handler) {
      message.ack();
      return;
    }
    const refusal = this.options.verifier.reasonToRefuse(event, message.subject);
    if (refusal) {
      this.options.logger.error(
        { eventId: event.id, type: event.type, source: String(event.source).slice(0, 60), reason: refusal },
        "event refused; filed as a dead letter, nothing applied",
      );
      await recordDeadLetter(this.db, event, new Error(refusal), 0);
      message.ack();
      return;
    }
    // In a span continuing the trace of the request that wrote the event (its `traceId`).
    await withEventSpan(event, async () => {
      let lastError: unknown;
      for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
        try {
          await applyOnce(this.db, event, handler);
          lastError = undefined;
          break;
        } catch (err) {
          lastError = err;
          if (attempt < this.options.maxAttempts) await sleep(Math.min(2000, 50 * 2 ** attempt));
        }
      }
      if (lastError !== undefined) {
        this.options.logger.error(
          { err: lastError, eventId: event.id, type: event.type, ...traceLogFields() },
          "event failed every attempt; filed as a dead letter",
        );
        await recordDeadLetter(this.db, event, lastError, this.options.maxAttempts);
      }
    });
    message.ack();
  }

  /** Events each source department has published that this service has not yet acknowledged. */
  async lag(): Promise<Map<Department, number>> {
    const lag = new Map<Department, number>();
    if (!this.bus.connected) return lag;
    for (const [department, consumer] of this.consumers) {
      // Asked afresh: the client's cached info is the consumer's state when it was opened.
      const info = await consumer.info(false).catch(() => null);
      if (info) lag.set(department, info.num_pending + info.num_ack_pending);
    }
    return lag;
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const stop of this.stops) stop();
    await Promise.race([Promise.all(this.loops), sleep(2000)]);
  }
}

/** An envelope with an id and type a dead letter can be filed under (column sizes included). */
function isFileable(event: unknown): event is EventEnvelope {
  const e = event as Partial<EventEnvelope> | null;
  return (
    typeof e === "object" &&
    e !== null &&
    typeof e.id === "string" &&
    /^[0-9a-f-]{1,36}$/i.test(e.id) &&
    typeof e.type === "string" &&
    e.type.length <= 120
  );
}
