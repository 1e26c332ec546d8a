import "reflect-metadata";
import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * An event a consuming service has applied. The row commits in the same transaction as the
 * handler's effect, so a redelivered or duplicated event finds it and has no second effect.
 */
@Entity("inbox_event")
export class InboxEvent {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 120 })
  type: string;

  /**
   * The event's own time (its envelope's `occurredAt`): on PostgreSQL the inbox is partitioned by
   * it, and a redelivery, carrying the same time, meets the first delivery's row under the key.
   */
  @Column({ type: "varchar", length: 32, name: "occurred_at" })
  occurredAt: string;

  @Column({ type: "varchar", length: 32, name: "applied_at" })
  appliedAt: string;
}
