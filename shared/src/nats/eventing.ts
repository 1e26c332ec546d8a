import type { DataSource } from "typeorm";
import type { BaseConfig } from "../config";
import type { EventHandlers } from "../events/event-handling";
import type { Logger } from "../logger";
import { EventConsumer } from "./event-consumer";
import { reportEventing } from "./eventing-metrics";
import { NatsEventBus } from "./nats-event-bus";
import { OutboxRelay } from "./outbox-relay";

/** A service's running event backbone: its bus connection, outbox relay and consumers. */
export interface Eventing {
  bus: NatsEventBus;
  stop(): Promise<void>;
}

/**
 * Connects a service to the event backbone: relays its outbox to JetStream and, when it has
 * handlers, consumes the departments' streams it reacts to. Nothing here blocks start-up:
 * without NATS the service serves and its events wait.
 */
export function startEventing(db: DataSource, config: BaseConfig, service: string, handlers: EventHandlers | undefined, logger: Logger): Eventing {
  const bus = new NatsEventBus({
    url: config.natsUrl,
    prefix: config.events.prefix,
    service,
    replicas: config.events.replicas,
    retentionDays: config.events.retentionDays,
    logger,
  });
  bus.start();
  const relay = new OutboxRelay(db, bus, logger);
  relay.start();
  const consumer = handlers && Object.keys(handlers).length
    ? new EventConsumer(db, bus, handlers, {
        maxAttempts: config.events.maxAttempts,
        ackWaitMs: config.events.ackWaitMs,
        logger,
        crashAfterEffect: config.events.testCrashAfterEffect,
      })
    : undefined;
  consumer?.start();
  const unreport = reportEventing(service, db, consumer);
  return {
    bus,
    async stop() {
      unreport();
      await consumer?.stop();
      await relay.stop();
      await bus.stop();
    },
  };
}
