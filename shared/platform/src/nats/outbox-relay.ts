import type { KeyObject } from "node:crypto";
import type { DataSource, EntitySubscriberInterface, QueryRunner } from "typeorm";
import { EVENT_VERSION, type EventType } from "@onewindow/contracts";
import type { EventEnvelope } from "../events/event-envelope";
import { signEnvelope } from "../events/event-signing";
import { OutboxEvent } from "../events/outbox-event.entity";
import type { Logger } from "../logger";
import type { NatsEventBus } from "./nats-event-bus";
import { RelayLoop } from "./relay-loop";

const BATCH = 200;

/** The envelope of an outbox row. */
export function envelopeOf(row: OutboxEvent): EventEnvelope {
  return {
    id: row.id,
    type: row.type as EventType,
    version: EVENT_VERSION,
    source: row.source,
    occurredAt: row.occurredAt,
    subject: row.subject,
    data: JSON.parse(row.data) as EventEnvelope["data"],
    traceId: row.traceId,
  };
}

/**
 * Publishes committed outbox rows to JetStream in the order they were written, one at a time
 * (so events about one citizen stay in order), and marks them sent. While NATS is unreachable
 * it backs off and retries; rows wait and go out when it returns. Woken after every commit that
 * wrote an outbox row, with a slow poll as a safety net.
 */
export class OutboxRelay extends RelayLoop {
  /** `signingKey`: the department's `EVENT_SIGNING_KEY`; every envelope goes out signed with it. */
  constructor(
    private readonly db: DataSource,
    bus: NatsEventBus,
    logger: Logger,
    private readonly signingKey: KeyObject,
  ) {
    super(bus, logger, "outbox relay");
  }

  override start(): void {
    // Woken by the commits that wrote an outbox row, not by every commit: an audited read commits
    // its audit rows too, and each woke the relay for a look at an outbox with nothing new.
    const wrote = new WeakSet<QueryRunner>();
    const subscriber: EntitySubscriberInterface = {
      afterInsert: (event) => {
        if (event.metadata.target !== OutboxEvent) return;
        if (event.queryRunner.isTransactionActive) wrote.add(event.queryRunner);
        else this.nudge();
      },
      // The outermost transaction's commit; a savepoint's release leaves the transaction open.
      afterTransactionCommit: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive && wrote.delete(queryRunner)) this.nudge();
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) wrote.delete(queryRunner);
      },
    };
    this.db.subscribers.push(subscriber);
    super.start();
  }

  /** Publishes one batch of pending rows; returns how many went out. */
  protected async drain(): Promise<number> {
    if (!this.bus.connected) throw new Error("NATS is not connected");
    // No transactions here: a commit of the relay's own would wake it again, for ever.
    const rows = await this.db
      .getRepository(OutboxEvent)
      .createQueryBuilder("o")
      .where("o.sent_at IS NULL")
      .orderBy("o.sequence", "ASC")
      .limit(BATCH)
      .getMany();
    const sent: string[] = [];
    try {
      for (const row of rows) {
        await this.bus.publish(await this.signed(row));
        sent.push(row.id);
      }
    } finally {
      if (sent.length) {
        const sentAt = new Date().toISOString();
        await this.db
          .getRepository(OutboxEvent)
          .createQueryBuilder()
          .update()
          .set({ sentAt })
          .whereInIds(sent)
          .execute();
      }
    }
    return sent.length;
  }

  /**
   * The row's signed envelope: the one stored in the row, or signed now and stored before it is
   * published, so that a row published twice goes out the same both times.
   */
  private async signed(row: OutboxEvent): Promise<string> {
    if (row.envelope) return row.envelope;
    const envelope = JSON.stringify(signEnvelope(envelopeOf(row), this.signingKey));
    await this.db
      .getRepository(OutboxEvent)
      .createQueryBuilder()
      .update()
      .set({ envelope })
      .where("id = :id AND envelope IS NULL", { id: row.id })
      .execute();
    return envelope;
  }
}
