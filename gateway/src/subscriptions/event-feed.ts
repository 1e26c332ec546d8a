import { connect, type NatsConnection, type Subscription } from "nats";
import type { EventType } from "@onewindow/contracts";
import {
  NATS_GATEWAY_USER,
  natsServers,
  natsSubject,
  type EventEnvelope,
  type Logger,
  type NatsCredentials,
} from "@onewindow/platform/web";

/** Where the feed reads events. */
export interface EventFeedOptions {
  url: string;
  /** The departments' subject prefix (`EVENTS_PREFIX`). */
  prefix: string;
  /** The gateway's NATS user; none for a server without authentication. */
  credentials?: NatsCredentials;
  logger: Logger;
}

type Listener = (event: EventEnvelope) => void;

/**
 * The departments' events as they are published, for this gateway process alone: a plain NATS
 * subscription to each followed type (JetStream delivers every published message to plain
 * subscribers too), so replicas each see every event and nothing is stored or acknowledged. An
 * event only says which record changed: what a subscriber receives is asked of the departments
 * in the subscriber's name. Missed while NATS is down: a screen re-reads its state on reconnect.
 */
export class EventFeed {
  private nc: NatsConnection | null = null;
  private readonly subscriptions: Subscription[] = [];
  private readonly listeners = new Map<EventType, Set<Listener>>();
  private stopped = false;

  constructor(
    private readonly options: EventFeedOptions,
    private readonly types: readonly EventType[],
  ) {}

  /** Connects (and keeps reconnecting) in the background: the gateway serves meanwhile. */
  start(): void {
    void this.connectLoop();
  }

  /** True while NATS is connected. */
  get connected(): boolean {
    return this.nc !== null && !this.nc.isClosed();
  }

  /** Calls `listener` with every event of `types` until the returned function is called. */
  listen(types: readonly EventType[], listener: Listener): () => void {
    for (const type of types) {
      let set = this.listeners.get(type);
      if (!set) this.listeners.set(type, (set = new Set()));
      set.add(listener);
    }
    return () => {
      for (const type of types) this.listeners.get(type)?.delete(listener);
    };
  }

  private async connectLoop(): Promise<void> {
    let warned = false;
    while (!this.stopped && !this.nc) {
      try {
        const nc = await connect({
          servers: natsServers(this.options.url),
          name: NATS_GATEWAY_USER,
          maxReconnectAttempts: -1,
          reconnectTimeWait: 500,
          inboxPrefix: `_INBOX_${NATS_GATEWAY_USER}`,
          ...this.options.credentials,
        });
        if (this.stopped) {
          await nc.close();
          return;
        }
        this.nc = nc;
        for (const type of this.types) {
          this.subscriptions.push(
            nc.subscribe(natsSubject(this.options.prefix, type), {
              callback: (err, msg) => {
                if (err) this.options.logger.warn({ err: err.message, type }, "cannot follow events of this type");
                else this.deliver(type, msg.data);
              },
            }),
          );
        }
        this.options.logger.info({ url: this.options.url }, "subscriptions follow the departments' events");
      } catch (err) {
        if (!warned)
          this.options.logger.warn(
            { err: (err as Error).message, url: this.options.url },
            "NATS unreachable; subscriptions receive nothing until it is back",
          );
        warned = true;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private deliver(type: EventType, data: Uint8Array): void {
    const listeners = this.listeners.get(type);
    if (!listeners?.size) return;
    let event: EventEnvelope;
    try {
      event = JSON.parse(Buffer.from(data).toString("utf8")) as EventEnvelope;
    } catch {
      return;
    }
    if (event.type !== type || typeof event.data !== "object" || event.data === null) return;
    for (const listener of listeners) listener(event);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const s of this.subscriptions) s.unsubscribe();
    await this.nc?.drain().catch(() => this.nc?.close());
  }
}
