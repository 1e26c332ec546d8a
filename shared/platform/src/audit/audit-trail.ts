import crypto from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { AuditEntry } from "./audit-entry.entity";
import { isSignedHeadValid, signAuditHead, type AuditSigning, type SignedAuditHead } from "./audit-head";

/** What a department records about one act; the trail adds id, time, chain and hash. */
export interface AuditRead {
  requestId: string;
  userId: string | null;
  roles: string[];
  purpose: string | null;
  idNumber: string | null;
  department: string;
  fields: string[];
  /** The client's own `x-request-id`, kept beside the gateway's `requestId`. */
  clientRequestId?: string | null;
  /** The `jti` of the caller's token. */
  tokenJti?: string | null;
  /** Default `ok`. */
  outcome?: AuditOutcome;
  /** Why it was refused or failed. */
  reason?: string | null;
}

/** Whether an act was served, went wrong (bad input, not found …), or was refused (who may not). */
export type AuditOutcome = "ok" | "failed" | "refused";

/** The result of checking a department's chain from its first row. */
export interface ChainCheckResult {
  ok: boolean;
  /** Rows checked. */
  checked: number;
  /** The first row that does not fit the chain, or null. */
  brokenAt: number | null;
  reason: string | null;
  /** The newest row covered by a validly signed head (local or published), or null (an unsigned trail). */
  signedHead?: number | null;
}

const GENESIS = "0".repeat(64);
/** The table's columns in {@link hashOf}'s order, and their PostgreSQL types (see audit.migration.ts). */
const COLUMNS = [
  "id",
  "at",
  "request_id",
  "user_id",
  "roles",
  "purpose",
  "id_number",
  "department",
  "fields",
  "client_request_id",
  "token_jti",
  "outcome",
  "reason",
  "prev_hash",
  "hash",
];
// The id is an integer; everything else, times and hashes included, is text.
const COLUMN_TYPES = COLUMNS.map((c) => (c === "id" ? "int" : "varchar"));
const PAGE = 1000;

/** Who read or did what, when: the first nine columns, hashed since the first entry. */
function whoWhatWhen(row: Omit<AuditEntry, "hash">): unknown[] {
  return [row.id, row.at, row.requestId, row.userId, row.roles, row.purpose, row.idNumber, row.department, row.fields];
}

function hashOf(row: Omit<AuditEntry, "hash">): string {
  const content: unknown[] = [...whoWhatWhen(row), row.prevHash];
  // Rows written since the act columns exist always have an outcome and hash all four; older
  // rows have none and hash as they did, so they still verify. Clearing a new row's outcome
  // changes its content, so that is caught like any other rewrite.
  if (row.outcome !== null) content.push(row.clientRequestId, row.tokenJti, row.outcome, row.reason);
  return crypto.createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

/**
 * A department's append-only, hash-chained audit trail. Appends are serialised: in this process
 * by one writer, across processes (replicas on PostgreSQL) by an advisory lock, so the chain has
 * exactly one next row. Reads that arrive while a write is in flight are written together in the
 * next transaction (group commit), so the trail costs one transaction per burst, not per read.
 */
export class AuditTrail {
  private pending: { records: AuditRead[]; done: (err?: unknown) => void }[] = [];
  private writing = false;

  /**
   * `signing`: the department signs the head of every group commit in the same transaction as
   * its rows (an `audit_head` row, published to JetStream by the head relay), and `verify` checks
   * the rows against those heads. Without it (in-process tests, tools) only the plain chain is kept.
   */
  constructor(
    private readonly db: DataSource,
    private readonly signing?: AuditSigning,
  ) {}

  /** Appends `records`; resolves when they are committed. */
  append(records: AuditRead[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ records, done: (err) => (err ? reject(err) : resolve()) });
      if (!this.writing) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.pending.length) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.db.transaction((tx) =>
          this.appendIn(
            tx,
            batch.flatMap((b) => b.records),
          ),
        );
        this.signing?.headsCommitted?.();
        batch.forEach((b) => b.done());
      } catch (err) {
        // One request's rows must not fail the others': write each request's alone.
        if (batch.length === 1) batch[0].done(err);
        else
          for (const b of batch)
            await this.db
              .transaction((tx) => this.appendIn(tx, b.records))
              .then(() => {
                this.signing?.headsCommitted?.();
                b.done();
              }, b.done);
      }
    }
    this.writing = false;
  }

  private async appendIn(tx: EntityManager, records: AuditRead[]): Promise<void> {
    const postgres = tx.connection.options.type === "postgres";
    // 0x4f57 4155: "OWAU", one lock id for the trail of this database.
    if (postgres) await tx.query("SELECT pg_advisory_xact_lock(1331118421)");
    // Plain SQL here and below: through TypeORM's query builder and entity insert, an append of
    // 50 rows cost 3.7 ms of CPU (1.7 ms for one row), most of a department's cost per read.
    const [last] = (await tx.query("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")) as {
      id: number;
      hash: string;
    }[];
    let id = Number(last?.id ?? 0);
    const first = id + 1;
    let prevHash = last?.hash ?? GENESIS;
    const at = new Date().toISOString();
    const rows = records.map((r) => {
      const row = {
        id: ++id,
        at,
        requestId: r.requestId.slice(0, 64),
        userId: r.userId?.slice(0, 120) ?? null,
        roles: r.roles.join(",").slice(0, 200),
        purpose: r.purpose?.slice(0, 200) ?? null,
        idNumber: r.idNumber?.slice(0, 18) ?? null,
        department: r.department.slice(0, 40),
        fields: r.fields.join(",").slice(0, 1000),
        clientRequestId: r.clientRequestId?.slice(0, 64) ?? null,
        tokenJti: r.tokenJti?.slice(0, 120) ?? null,
        outcome: r.outcome ?? "ok",
        reason: r.reason?.slice(0, 500) ?? null,
        prevHash,
      };
      prevHash = hashOf(row);
      return [...whoWhatWhen(row), row.clientRequestId, row.tokenJti, row.outcome, row.reason, row.prevHash, prevHash];
    });
    if (postgres) {
      // One statement with a parameter per column, whatever the number of rows.
      const columns = COLUMNS.map((_, c) => rows.map((row) => row[c]));
      await tx.query(
        `INSERT INTO audit_entry (${COLUMNS.join(", ")}) SELECT * FROM unnest(${COLUMN_TYPES.map((t, c) => `$${c + 1}::${t}[]`).join(", ")})`,
        columns,
      );
    } else {
      const values = `(${COLUMNS.map(() => "?").join(", ")})`;
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        await tx.query(
          `INSERT INTO audit_entry (${COLUMNS.join(", ")}) VALUES ${chunk.map(() => values).join(", ")}`,
          chunk.flat(),
        );
      }
    }
    if (this.signing) await this.signHead(tx, first, id, prevHash, at);
  }

  /**
   * Signs the new head in the rows' own transaction, so a committed row always has its signed head
   * beside it and the relay publishes it later (a read never waits for NATS). The head covers the
   * rows since the previous head; rows someone added behind the department's back since then stay
   * uncovered, and `verify` reports them as inserted.
   */
  private async signHead(tx: EntityManager, first: number, id: number, hash: string, at: string): Promise<void> {
    const [previous] = (await tx.query("SELECT id FROM audit_head ORDER BY id DESC LIMIT 1")) as { id: number }[];
    // The first head ever also covers the rows written before heads were signed.
    const from = previous ? first : 1;
    if (!this.signing!.signingKey) throw new Error("this audit trail has no signing key: it can only be checked");
    const head = signAuditHead(this.signing!.signingKey, { department: this.signing!.department, from, id, hash, at });
    const p = tx.connection.options.type === "postgres" ? ["$1", "$2", "$3", "$4", "$5"] : ["?", "?", "?", "?", "?"];
    await tx.query(`INSERT INTO audit_head (id, from_id, hash, at, signature) VALUES (${p.join(", ")})`, [
      head.id,
      head.from,
      head.hash,
      head.at,
      head.signature,
    ]);
  }

  /**
   * The validly signed heads, sorted by row: the department's own `audit_head` rows and the heads
   * it published (which nobody can delete). Two valid heads for one row that disagree mean the
   * key itself was misused; the published one is kept.
   */
  private async signedHeads(): Promise<SignedAuditHead[]> {
    const { department, verifyKey } = this.signing!;
    const local = (await this.db.query("SELECT id, from_id, hash, at, signature FROM audit_head")) as {
      id: number;
      from_id: number;
      hash: string;
      at: string;
      signature: string;
    }[];
    const published = await this.signing!.publishedHeads();
    const heads = new Map<number, SignedAuditHead>();
    for (const row of local) {
      const head = {
        department,
        from: Number(row.from_id),
        id: Number(row.id),
        hash: row.hash,
        at: row.at,
        signature: row.signature,
      };
      if (isSignedHeadValid(verifyKey, department, head)) heads.set(head.id, head);
    }
    for (const head of published) if (isSignedHeadValid(verifyKey, department, head)) heads.set(head.id, head);
    return [...heads.values()].sort((a, b) => a.id - b.id);
  }

  /**
   * Recomputes the chain from the first row and, when the trail is signed, checks it against the
   * signed heads; reports the first row that was altered, inserted or removed, and rows missing
   * at the end (truncation). Rows newer than the newest head read are left for the next check:
   * they may have been committed while this one ran.
   */
  async verify(): Promise<ChainCheckResult> {
    let heads: SignedAuditHead[] | null = null;
    if (this.signing) {
      try {
        // Heads first, rows after: every row up to the newest head read is committed by then.
        heads = await this.signedHeads();
      } catch (err) {
        return {
          ok: false,
          checked: 0,
          brokenAt: null,
          reason: `the signed heads cannot be read, so the trail cannot be checked: ${(err as Error).message}`,
          signedHead: null,
        };
      }
    }
    const newest = heads?.at(-1)?.id ?? null;
    const signedHead = heads ? (newest ?? 0) : null;
    let prevHash = GENESIS;
    let expectedId = 1;
    let checked = 0;
    let h = 0;
    for (;;) {
      const rows = await this.db
        .getRepository(AuditEntry)
        .createQueryBuilder("a")
        .where("a.id >= :from", { from: expectedId })
        .orderBy("a.id", "ASC")
        .take(PAGE)
        .getMany();
      for (const row of rows) {
        if (heads && row.id > newest!) return { ok: true, checked, brokenAt: null, reason: null, signedHead };
        const broken = (reason: string, at = row.id, ok = checked): ChainCheckResult => ({
          ok: false,
          checked: ok,
          brokenAt: at,
          reason,
          ...(heads ? { signedHead } : {}),
        });
        if (row.id !== expectedId) return broken(`row ${expectedId} is missing`, expectedId);
        if (row.prevHash !== prevHash) return broken(`row ${row.id} does not follow row ${row.id - 1}`);
        const { hash, ...content } = row;
        if (hashOf(content) !== hash) return broken(`row ${row.id} was altered after it was written`);
        if (heads) {
          while (heads[h].id < row.id) h++;
          const head = heads[h];
          if (row.id < head.from)
            return broken(`row ${row.id} is covered by no signed head: it was inserted behind the department's back`);
          if (row.id === head.id && head.hash !== hash) {
            const reason =
              head.from === head.id
                ? `row ${head.id} is not the row its department signed`
                : `rows ${head.from}-${head.id} are not the rows their department signed at row ${head.id}`;
            // Rows before the group checked out; which row of the group was changed is not signed.
            return broken(reason, head.from, head.from - 1);
          }
        }
        prevHash = hash;
        expectedId++;
        checked++;
      }
      if (rows.length < PAGE) break;
    }
    if (heads && expectedId <= newest!) {
      return {
        ok: false,
        checked,
        brokenAt: expectedId,
        reason: `rows ${expectedId}-${newest} are missing: the trail ends before its newest signed head`,
        signedHead,
      };
    }
    return { ok: true, checked, brokenAt: null, reason: null, ...(heads ? { signedHead } : {}) };
  }

  /** Newest first: everything (`idNumber` null) or the reads of one person's data. */
  async list(idNumber: string | null, offset: number, limit: number): Promise<{ rows: AuditEntry[]; total: number }> {
    const repo = this.db.getRepository(AuditEntry);
    const where = idNumber ? { idNumber } : {};
    const [rows, total] = await Promise.all([
      repo.find({ where, order: { id: "DESC" }, skip: offset, take: limit }),
      repo.count({ where }),
    ]);
    return { rows, total };
  }
}
