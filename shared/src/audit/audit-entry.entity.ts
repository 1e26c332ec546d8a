import "reflect-metadata";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * One read of a citizen's personal data (or one use of a special access grant), as the
 * department that holds the data recorded it. Rows are only ever appended; each row's `hash`
 * covers its content and the previous row's hash, so altering or removing a row breaks the chain
 * from there on (see `AuditTrail.verify`).
 */
@Entity("audit_entry")
@Index("audit_entry_citizen", ["idNumber", "id"])
export class AuditEntry {
  /** 1, 2, 3 … without gaps: a removed row shows as a gap. */
  @PrimaryColumn({ type: "integer" })
  id: number;

  @Column({ type: "varchar", length: 32 })
  at: string;

  @Column({ type: "varchar", length: 64, name: "request_id" })
  requestId: string;

  @Column({ type: "varchar", length: 120, name: "user_id", nullable: true })
  userId: string | null;

  /** The caller's roles, comma-separated. */
  @Column({ type: "varchar", length: 200 })
  roles: string;

  @Column({ type: "varchar", length: 200, nullable: true })
  purpose: string | null;

  /** Whose data was read; null for reads that are about no single person (prescriber statistics). */
  @Column({ type: "varchar", length: 18, name: "id_number", nullable: true })
  idNumber: string | null;

  @Column({ type: "varchar", length: 40 })
  department: string;

  /** What was read: field names, comma-separated (`name,employment`), or the operation. */
  @Column({ type: "varchar", length: 1000 })
  fields: string;

  @Column({ type: "varchar", length: 64, name: "prev_hash" })
  prevHash: string;

  @Column({ type: "varchar", length: 64 })
  hash: string;
}
