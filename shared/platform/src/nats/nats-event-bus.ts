import {
  AckPolicy,
  DeliverPolicy,
  RetentionPolicy,
  StorageType,
  connect,
  nanos,
  type Consumer,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
  type ServerInfo,
} from "nats";
import { departmentOf, EVENT_PUBLISHERS, type Department } from "@onewindow/contracts";
import { natsSubject, streamName, type EventEnvelope } from "../events/event-envelope";
import type { NatsCredentials } from "../auth/event-keys";
import type { Logger } from "../logger";
import { natsServers } from "../config";

/** How a service reaches JetStream; all of it comes from configuration. */
export interface EventBusOptions {
  url: string;
  /** Replaces `onewindow` in subjects and stream names; never empty. */
  prefix: string;
  /** The service's name: the connection name and its durable consumers' name. */
  service: string;
  /**
   * Stream replicas (more than 1 needs a NATS cluster); unset: as many as the cluster connected
   * to supports ({@link replicasForCluster}).
   */
  replicas?: number;
  /** How long a stream keeps events. */
  retentionDays: number;
  logger: Logger;
  /**
   * The service's NATS user (`NATS_USER`/`NATS_PASSWORD`); none for a server without
   * authentication. The server lets a department publish only under its own prefix.
   */
  credentials?: NatsCredentials;
}

/**
 * Where a service's replies (JetStream API answers, pulled messages) arrive: an inbox of its own
 * user, `_INBOX_<service>.>`, so that the server may let each user subscribe to its own replies
 * and no one else's.
 */
export function inboxPrefixOf(service: string): string {
  return `_INBOX_${service.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/**
 * The replicas a stream gets when `NATS_REPLICAS` is unset, from the server the service
 * connected to: 3 in a JetStream cluster that has at least three servers, else 1 (a single
 * server, or a cluster too small for a quorum that survives a loss).
 *
 * Why discovered rather than a fixed default: a stream of one replica in a cluster lives on one
 * node, and that node's loss stops the department's events (or loses them with its disk) although
 * the cluster is up; a default of 1 makes that the silent outcome of forgetting a variable. Three
 * is what JetStream recommends (a quorum of two survives one node), and more only costs writes.
 * An explicit `NATS_REPLICAS` still wins: the operator may know better (five, across zones).
 * The server announces its cluster and the client URLs of its peers in the INFO every client
 * receives, so nothing beyond a department's own permissions is needed.
 */
export function replicasForCluster(info: Pick<ServerInfo, "cluster" | "connect_urls"> | undefined): number {
  if (!info?.cluster) return 1;
  return (info.connect_urls?.length ?? 0) >= 3 ? 3 : 1;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A consumer's source stream does not exist yet: its department has not connected yet. */
export class StreamNotYetCreated extends Error {
  constructor(readonly stream: string) {
    super(`stream ${stream} does not exist yet`);
  }
}

/**
 * The service's connection to NATS JetStream. It connects in the background and keeps
 * trying, so that a service starts and serves while NATS is down; its events wait in the
 * outbox meanwhile.
 */
export class NatsEventBus {
  private nc: NatsConnection | null = null;
  private js: JetStreamClient | null = null;
  private jsm: JetStreamManager | null = null;
  private readonly streams = new Set<string>();
  private stopped = false;
  private isUp = false;
  private discoveredReplicas = 1;

  constructor(readonly options: EventBusOptions) {
    if (!/^[a-z0-9_-]+$/i.test(options.prefix)) {
      throw new Error(
        `event subject prefix must be a non-empty token of letters, digits, _ and -, got "${options.prefix}"`,
      );
    }
  }

  /** Starts connecting (and reconnecting) in the background. */
  start(): void {
    void this.connectLoop();
  }

  /** The replicas streams are created with: `NATS_REPLICAS`, else as discovered on connecting. */
  get replicas(): number {
    return this.options.replicas ?? this.discoveredReplicas;
  }

  /** True while a connection to NATS is up. */
  get connected(): boolean {
    return this.nc !== null && this.isUp && !this.nc.isClosed();
  }

  private async connectLoop(): Promise<void> {
    let warned = false;
    while (!this.stopped && !this.nc) {
      try {
        const nc = await connect({
          servers: natsServers(this.options.url),
          name: this.options.service,
          maxReconnectAttempts: -1,
          reconnectTimeWait: 500,
          inboxPrefix: inboxPrefixOf(this.options.service),
          ...this.options.credentials,
        });
        this.discoveredReplicas = replicasForCluster(nc.info);
        this.nc = nc;
        this.js = nc.jetstream();
        this.jsm = await nc.jetstreamManager();
        this.isUp = true;
        this.options.logger.info({ url: this.options.url, replicas: this.replicas }, "connected to NATS");
        // Signatures still protect what is applied, but anyone reaching this server may publish.
        if (!nc.info?.auth_required)
          this.options.logger.warn(
            { url: this.options.url },
            "NATS accepts connections without credentials: run it with the generated configuration (README, Security)",
          );
        void this.watch(nc);
        // The owner makes its stream at once, so that its consumers need not wait for its first event.
        const own = this.ownDepartment();
        if (own)
          await this.ensureStream(own).catch((err) =>
            this.options.logger.warn({ err: (err as Error).message }, "cannot create the department's stream yet"),
          );
      } catch (err) {
        if (!warned)
          this.options.logger.warn(
            { err: (err as Error).message, url: this.options.url },
            "NATS unreachable; events wait in the outbox until it is back",
          );
        warned = true;
        await sleep(1000);
      }
    }
  }

  private async watch(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === "disconnect") {
        this.isUp = false;
        this.options.logger.warn("NATS connection lost; reconnecting");
      } else if (status.type === "reconnect") {
        this.isUp = true;
        // The server may have come back without our streams (a fresh store): check again.
        this.streams.clear();
        this.options.logger.info("NATS connection restored");
      }
    }
  }

  /** The department whose events this service publishes, if it is a publisher. */
  private ownDepartment(): Department | undefined {
    return (Object.keys(EVENT_PUBLISHERS) as Department[]).find((d) => EVENT_PUBLISHERS[d] === this.options.service);
  }

  /**
   * Creates the department's stream when missing (file storage, configured retention and
   * replicas). Only the department's own service may create it; another waits for it
   * ({@link StreamNotYetCreated}).
   */
  async ensureStream(department: Department): Promise<string> {
    const name = streamName(this.options.prefix, department);
    if (this.streams.has(name)) return name;
    const jsm = this.manager();
    if (this.options.credentials && department !== this.ownDepartment()) {
      // A consumer's NATS user may read another department's stream, never create or change it.
      const exists = await jsm.streams.info(name).then(
        () => true,
        (err) => {
          if (/not found/i.test(String(err))) return false;
          throw err;
        },
      );
      if (!exists) throw new StreamNotYetCreated(name);
      this.streams.add(name);
      return name;
    }
    const config = {
      name,
      subjects: [`${this.options.prefix}.${department}.>`],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      num_replicas: this.replicas,
      max_age: nanos(this.options.retentionDays * 86_400_000),
      duplicate_window: nanos(120_000),
    };
    try {
      await jsm.streams.info(name);
    } catch {
      await jsm.streams.add(config).catch(async (err) => {
        // Another service created it first.
        if (!/already in use|exists/i.test(String(err))) throw err;
      });
    }
    this.streams.add(name);
    return name;
  }

  /**
   * Publishes one (signed, serialised) envelope as it is and waits for JetStream's
   * acknowledgement; de-duplicated by event id.
   */
  async publish(envelope: string): Promise<void> {
    if (!this.connected || !this.js) throw new Error("NATS is not connected");
    const event = JSON.parse(envelope) as EventEnvelope;
    await this.ensureStream(departmentOf(event.type));
    try {
      await this.js.publish(natsSubject(this.options.prefix, event.type), envelope, { msgID: event.id, timeout: 5000 });
    } catch (err) {
      this.streams.clear();
      throw err;
    }
  }

  /**
   * The service's durable pull consumer on a department's stream: explicit ack, a bounded
   * number of deliveries, every event type of that department in stream order.
   */
  async consumer(department: Department, options: { ackWaitMs: number; maxDeliver: number }): Promise<Consumer> {
    const stream = await this.ensureStream(department);
    const jsm = this.manager();
    const durable = this.options.service.replace(/[^A-Za-z0-9_-]/g, "_");
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: `${this.options.prefix}.${department}.>`,
      ack_wait: nanos(options.ackWaitMs),
      max_deliver: options.maxDeliver,
      max_ack_pending: 1000,
      // No num_replicas: a durable consumer takes its stream's (three in a cluster), so its
      // delivery state survives the loss of a node along with the stream's messages.
    };
    try {
      await jsm.consumers.info(stream, durable);
      await jsm.consumers.update(stream, durable, {
        ack_wait: config.ack_wait,
        max_deliver: config.max_deliver,
        max_ack_pending: config.max_ack_pending,
      });
    } catch {
      await jsm.consumers.add(stream, config);
    }
    return this.js!.consumers.get(stream, durable);
  }

  /** The connection's JetStream client and manager, for streams other than the departments' events (the audit heads). */
  jetStream(): { js: JetStreamClient; jsm: JetStreamManager } {
    return { js: this.js!, jsm: this.manager() };
  }

  private manager(): JetStreamManager {
    if (!this.jsm || !this.isUp) throw new Error("NATS is not connected");
    return this.jsm;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.nc?.drain().catch(() => this.nc?.close());
  }
}
