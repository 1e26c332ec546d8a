import "reflect-metadata";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * A domain event waiting in the service's outbox. It is written in the same transaction as
 * the change that caused it, so an event exists exactly when its change committed; the relay
 * that publishes pending rows to NATS JetStream marks them sent.
 */
@Entity("outbox_event")
@Index(["sentAt", "sequence"])
export class OutboxEvent {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  /** Insertion order, so that the relay publishes in the order changes happened. */
  @Column({ type: "bigint" })
  sequence: string;

  @Column({ type: "varchar", length: 120 })
  type: string;

  @Column({ type: "varchar", length: 60 })
  source: string;

  /** What the event is about (a citizen's ID number, an employer's credit code). */
  @Column({ type: "varchar", length: 64 })
  subject: string;

  @Column({ type: "varchar", length: 32, name: "occurred_at" })
  occurredAt: string;

  @Column({ type: "text" })
  data: string;

  @Column({ type: "varchar", length: 64, name: "trace_id", nullable: true })
  traceId: string | null;

  /** The signed envelope as published (JSON), written by the relay before the first publish. */
  @Column({ type: "text", nullable: true })
  envelope: string | null;

  @Column({ type: "varchar", length: 32, name: "sent_at", nullable: true })
  sentAt: string | null;
}
