import crypto from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { AuditEntry } from "./audit-entry.entity";

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
}

const GENESIS = "0".repeat(64);
/** The table's columns in {@link hashOf}'s order, and their PostgreSQL types (see audit.migration.ts). */
const COLUMNS = ["id", "at", "request_id", "user_id", "roles", "purpose", "id_number", "department", "fields", "client_request_id", "token_jti", "outcome", "reason", "prev_hash", "hash"];
const COLUMN_TYPES = ["int", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar"];
const PAGE = 1000;

function hashOf(row: Omit<AuditEntry, "hash">): string {
  const content: unknown[] = [row.id, row.at, row.requestId, row.userId, row.roles, row.purpose, row.idNumber, row.department, row.fields, row.prevHash];
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

  constructor(private readonly db: DataSource) {}

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
        await this.db.transaction((tx) => this.appendIn(tx, batch.flatMap((b) => b.records)));
        batch.forEach((b) => b.done());
      } catch (err) {
        // One request's rows must not fail the others': write each request's alone.
        if (batch.length === 1) batch[0].done(err);
        else for (const b of batch) await this.db.transaction((tx) => this.appendIn(tx, b.records)).then(() => b.done(), b.done);
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
    const [last] = (await tx.query("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")) as { id: number; hash: string }[];
    let id = Number(last?.id ?? 0);
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
      return [
        row.id, row.at, row.requestId, row.userId, row.roles, row.purpose, row.idNumber, row.department, row.fields,
        row.clientRequestId, row.tokenJti, row.outcome, row.reason, row.prevHash, prevHash,
      ];
    });
    if (postgres) {
      // One statement with a parameter per column, whatever the number of rows.
      const columns = COLUMNS.map((_, c) => rows.map((row) => row[c]));
      await tx.query(`INSERT INTO audit_entry (${COLUMNS.join(", ")}) SELECT * FROM unnest(${COLUMN_TYPES.map((t, c) => `$${c + 1}::${t}[]`).join(", ")})`, columns);
    } else {
      const values = `(${COLUMNS.map(() => "?").join(", ")})`;
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        await tx.query(`INSERT INTO audit_entry (${COLUMNS.join(", ")}) VALUES ${chunk.map(() => values).join(", ")}`, chunk.flat());
      }
    }
  }

  /** Recomputes the chain from the first row; reports the first row that was altered, inserted or removed. */
  async verify(): Promise<ChainCheckResult> {
    let prevHash = GENESIS;
    let expectedId = 1;
    let checked = 0;
    for (;;) {
      const rows = await this.db.getRepository(AuditEntry).createQueryBuilder("a").where("a.id >= :from", { from: expectedId }).orderBy("a.id", "ASC").take(PAGE).getMany();
      for (const row of rows) {
        const broken = (reason: string): ChainCheckResult => ({ ok: false, checked, brokenAt: row.id, reason });
        if (row.id !== expectedId) return { ok: false, checked, brokenAt: expectedId, reason: `row ${expectedId} is missing` };
        if (row.prevHash !== prevHash) return broken(`row ${row.id} does not follow row ${row.id - 1}`);
        const { hash, ...content } = row;
        if (hashOf(content) !== hash) return broken(`row ${row.id} was altered after it was written`);
        prevHash = hash;
        expectedId++;
        checked++;
      }
      if (rows.length < PAGE) return { ok: true, checked, brokenAt: null, reason: null };
    }
  }

  /** Newest first: everything (`idNumber` null) or the reads of one person's data. */
  async list(idNumber: string | null, offset: number, limit: number): Promise<{ rows: AuditEntry[]; total: number }> {
    const repo = this.db.getRepository(AuditEntry);
    const where = idNumber ? { idNumber } : {};
    const [rows, total] = await Promise.all([repo.find({ where, order: { id: "DESC" }, skip: offset, take: limit }), repo.count({ where })]);
    return { rows, total };
  }
}
