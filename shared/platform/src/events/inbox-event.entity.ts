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

  @Column({ type: "varchar", length: 32, name: "applied_at" })
  appliedAt: string;
}
