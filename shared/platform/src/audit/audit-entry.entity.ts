import "reflect-metadata";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * One act at a department, as the department recorded it: a read of a citizen's personal data,
 * a use of a special access grant, a mutation (whatever it selected), a read of the trail itself,
 * or a refusal. Rows are only ever appended; each row's `hash`
 * covers its content and the previous row's hash in its chain, so altering or removing a row
 * breaks the chain from there on (see `AuditTrail.verify`).
 */
@Entity("audit_entry")
@Index("audit_entry_citizen", ["idNumber", "id"])
export class AuditEntry {
  /** The chain: each process of a department writes its own (`''` where one process writes). */
  @PrimaryColumn({ type: "varchar", length: 40, default: "" })
  writer: string;

  /** 1, 2, 3 … in its chain without gaps: a removed row shows as a gap. */
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

  /** The id the client sent in `x-request-id`, if any; `requestId` is always the gateway's own. */
  @Column({ type: "varchar", length: 64, name: "client_request_id", nullable: true })
  clientRequestId: string | null;

  /** The `jti` of the caller's token, when it had one. */
  @Column({ type: "varchar", length: 120, name: "token_jti", nullable: true })
  tokenJti: string | null;

  /** `ok` (served), `failed` (the act went wrong: bad input, not found …) or `refused`; null on rows older than the column. */
  @Column({ type: "varchar", length: 16, nullable: true })
  outcome: string | null;

  /** Why it was refused or failed: the error's code and message. */
  @Column({ type: "varchar", length: 500, nullable: true })
  reason: string | null;

  @Column({ type: "varchar", length: 64, name: "prev_hash" })
  prevHash: string;

  @Column({ type: "varchar", length: 64 })
  hash: string;
}
