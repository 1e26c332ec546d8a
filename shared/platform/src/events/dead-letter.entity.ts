import "reflect-metadata";
import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * An event a handler kept failing on after the bounded attempts. Operators list and replay
 * these (`npm run dead-letters`); the envelope is kept whole so a replay applies exactly it.
 */
@Entity("dead_letter")
export class DeadLetter {
  /** The event id. */
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 120 })
  type: string;

  @Column({ type: "varchar", length: 64 })
  subject: string;

  /** The whole envelope, JSON. */
  @Column({ type: "text" })
  envelope: string;

  @Column({ type: "text" })
  error: string;

  /** Handler attempts; 0 for an event refused before any (unsigned, forged, wrong source): never replayed. */
  @Column({ type: "integer" })
  attempts: number;

  @Column({ type: "varchar", length: 32, name: "failed_at" })
  failedAt: string;

  /** Set when a replay succeeded; the row stays as a record of the incident. */
  @Column({ type: "varchar", length: 32, name: "replayed_at", nullable: true })
  replayedAt: string | null;
}
