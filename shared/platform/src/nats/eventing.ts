import type { KeyObject } from "node:crypto";
import type { DataSource } from "typeorm";
import {
  loadEventSigningKey,
  loadEventVerifyKeys,
  loadNatsCredentials,
  type NatsCredentials,
} from "../auth/event-keys";
import { departmentOf, EVENT_PUBLISHERS } from "@onewindow/contracts";
import { EventVerifier } from "../events/event-signing";
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

/** What a service proves itself with on the event backbone, and whom it believes. */
export interface EventTrust {
  /** Signs every envelope the service publishes (`EVENT_SIGNING_KEY`). */
  signingKey: KeyObject;
  /** The public keys of the services whose events it consumes (`EVENT_PUBLIC_KEY_<SERVICE>`). */
  verifyKeys: ReadonlyMap<string, KeyObject>;
  /** Its NATS user (`NATS_USER`/`NATS_PASSWORD`); none for a NATS without authentication. */
  credentials?: NatsCredentials;
}

/**
 * A service's keys and NATS credentials from the environment, else (development) from
 * `DATA_DIR/keys`: its signing key, and the public keys of the departments whose events its
 * handlers consume.
 */
export function loadEventTrust(
  env: Record<string, string | undefined>,
  dataDir: string,
  service: string,
  handlers: EventHandlers | undefined,
): EventTrust {
  const publishers = new Set(Object.keys(handlers ?? {}).map((type) => EVENT_PUBLISHERS[departmentOf(type)]));
  return {
    signingKey: loadEventSigningKey(env, dataDir, service),
    verifyKeys: loadEventVerifyKeys(env, dataDir, publishers),
    credentials: loadNatsCredentials(env, dataDir, service),
  };
}

/**
 * Connects a service to the event backbone: relays its outbox to JetStream and, when it has
 * handlers, consumes the departments' streams it reacts to. Nothing here blocks start-up:
 * without NATS the service serves and its events wait.
 */
export function startEventing(
  db: DataSource,
  config: BaseConfig,
  service: string,
  handlers: EventHandlers | undefined,
  logger: Logger,
  trust: EventTrust,
): Eventing {
  const bus = new NatsEventBus({
    url: config.natsUrl,
    prefix: config.events.prefix,
    service,
    replicas: config.events.replicas,
    retentionDays: config.events.retentionDays,
    logger,
    credentials: trust.credentials,
  });
  bus.start();
  const relay = new OutboxRelay(db, bus, logger, trust.signingKey);
  relay.start();
  const consumer =
    handlers && Object.keys(handlers).length
      ? new EventConsumer(db, bus, handlers, {
          maxAttempts: config.events.maxAttempts,
          ackWaitMs: config.events.ackWaitMs,
          logger,
          verifier: new EventVerifier(config.events.prefix, trust.verifyKeys),
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
