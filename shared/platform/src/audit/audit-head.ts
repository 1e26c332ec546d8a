import crypto from "node:crypto";

/**
 * The head of a department's audit chain after one group commit, signed with the department's
 * audit key (Ed25519, never in its database): rows `from`…`id` were written together and row
 * `id` has `hash`. The head covers ids and hashes only, never row contents, so the rows' columns
 * may change without changing what is signed.
 */
export interface SignedAuditHead {
  department: string;
  /** The chain (the writer process's); absent or `''` for the department's first chain. */
  writer?: string;
  /** The first row this head covers (the row after the previous head). */
  from: number;
  /** The last row of the group commit: the head. */
  id: number;
  /** That row's hash. */
  hash: string;
  /** When it was signed (ISO 8601). */
  at: string;
  /** Ed25519 signature over {@link headPayload}, base64. */
  signature: string;
}

/**
 * What is signed: a fixed label (so no other signed text can pass for a head), then the fields.
 * A head of a named chain has a label of its own and the chain in it, so a head can be moved
 * neither to another chain nor to the first one; the first chain's heads are signed as they
 * always were, so those published before chains existed still check.
 */
function headPayload(head: Omit<SignedAuditHead, "signature">): Buffer {
  const fields = `${head.from}\n${head.id}\n${head.hash}\n${head.at}`;
  return Buffer.from(
    head.writer
      ? `onewindow-audit-chain-head\n${head.department}\n${head.writer}\n${fields}`
      : `onewindow-audit-head\n${head.department}\n${fields}`,
  );
}

/** What a chain may be called: it is part of a signed head, a message id and a log line. */
export const WRITER_PATTERN = /^[a-z0-9-]{0,40}$/;

/** An `audit_head` row as the table holds it. */
export interface AuditHeadRow {
  writer: string;
  id: number | string;
  from_id: number | string;
  hash: string;
  at: string;
  signature: string;
}

/** The head an `audit_head` row of `department` holds (its signature unchecked). */
export function headFromRow(department: string, row: AuditHeadRow): SignedAuditHead {
  return {
    department,
    ...(row.writer ? { writer: row.writer } : {}),
    from: Number(row.from_id),
    id: Number(row.id),
    hash: row.hash,
    at: row.at,
    signature: row.signature,
  };
}

/** Signs a head: one Ed25519 signature (about 50 µs) per group commit, whatever its size. */
export function signAuditHead(key: crypto.KeyObject, head: Omit<SignedAuditHead, "signature">): SignedAuditHead {
  return { ...head, signature: crypto.sign(null, headPayload(head), key).toString("base64") };
}

/** True when `head` is well formed, is `department`'s, and its signature checks with `key`. */
export function isSignedHeadValid(key: crypto.KeyObject, department: string, head: unknown): head is SignedAuditHead {
  const h = head as SignedAuditHead;
  if (!h || typeof h !== "object" || h.department !== department) return false;
  if (h.writer !== undefined && (typeof h.writer !== "string" || !WRITER_PATTERN.test(h.writer))) return false;
  if (!Number.isSafeInteger(h.from) || !Number.isSafeInteger(h.id) || h.from < 1 || h.from > h.id) return false;
  if (typeof h.hash !== "string" || typeof h.at !== "string" || typeof h.signature !== "string") return false;
  try {
    return crypto.verify(null, headPayload(h), key, Buffer.from(h.signature, "base64"));
  } catch {
    return false;
  }
}

/** The department's signing and checking keys, and where its published heads are read back from. */
export interface AuditSigning {
  department: string;
  /** Absent where the trail is only checked (the offline verifier): nothing is appended there. */
  signingKey?: crypto.KeyObject;
  verifyKey: crypto.KeyObject;
  /**
   * Every head the department has published (from the JetStream stream that refuses deletes and
   * purges). Throws when they cannot be read: then the trail cannot be checked.
   */
  publishedHeads(): Promise<unknown[]>;
  /** Called with each head once it has committed (hands it to the relay that publishes it). */
  headsCommitted?(head: SignedAuditHead): void;
}
