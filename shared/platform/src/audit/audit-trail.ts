import crypto from "node:crypto";
import type { DataSource } from "typeorm";
import { isUniqueViolation } from "../data-source";
import { onPrimary } from "../db/read-routing";
import { runPrepared, runSql } from "../db/sql";
import { AuditEntry } from "./audit-entry.entity";
import {
  headFromRow,
  isSignedHeadValid,
  type AuditHeadRow,
  signAuditHead,
  WRITER_PATTERN,
  type AuditSigning,
  type SignedAuditHead,
} from "./audit-head";

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
/**
 * The table's columns in {@link hashOf}'s order, the row's property for each, and their
 * PostgreSQL types (see audit.migration.ts).
 */
const COLUMNS: [column: string, property: Exclude<keyof AuditEntry, "writer">][] = [
  ["id", "id"],
  ["at", "at"],
  ["request_id", "requestId"],
  ["user_id", "userId"],
  ["roles", "roles"],
  ["purpose", "purpose"],
  ["id_number", "idNumber"],
  ["department", "department"],
  ["fields", "fields"],
  ["client_request_id", "clientRequestId"],
  ["token_jti", "tokenJti"],
  ["outcome", "outcome"],
  ["reason", "reason"],
  ["prev_hash", "prevHash"],
  ["hash", "hash"],
];
const COLUMN_NAMES = COLUMNS.map(([column]) => column).join(", ");
// The id is an integer; everything else, times and hashes included, is text.
const COLUMN_TYPES = COLUMNS.map(([column]) => (column === "id" ? "int" : "varchar"));
const PAGE = 1000;

/**
 * A row's hash: who read or did what, when (the first nine columns, hashed since the first
 * entry), the previous row's hash and, since the act columns exist, those four. Rows written
 * before have no outcome and hash as they did, so they still verify; clearing a new row's outcome
 * changes its content, so that is caught like any other rewrite. One-shot `crypto.hash`: an
 * append of a page of 50 reads hashes 50 rows, and a `Hash` object each cost twice as much.
 */
function hashOf(row: Omit<AuditEntry, "hash" | "writer">): string {
  const content: unknown[] = [
    row.id,
    row.at,
    row.requestId,
    row.userId,
    row.roles,
    row.purpose,
    row.idNumber,
    row.department,
    row.fields,
    row.prevHash,
  ];
  if (row.outcome !== null) content.push(row.clientRequestId, row.tokenJti, row.outcome, row.reason);
  return crypto.hash("sha256", JSON.stringify(content), "hex");
}

/** What a writer says of rows of its chain that no signed head covers. */
const uncovered = (from: number, to: number, chain: string) =>
  from === to
    ? `row ${from} of ${chain} is covered by no signed head: it was written behind the department's back, and the next head does not cover it`
    : `rows ${from}-${to} of ${chain} are covered by no signed head: they were written behind the department's back, and the next head does not cover them`;

/** Where a writer's chain stands: its newest row, and whether a signed head was ever written to it. */
interface ChainHead {
  id: number;
  hash: string;
  signed: boolean;
}

/** What {@link AuditTrail} takes beyond its database and keys. */
export interface AuditTrailOptions {
  /** The chain this process appends to (see `claimAuditWriter`); default `''`, the first. */
  writer?: string;
  /**
   * Told when the chain in the database is not where this writer left it or, at start-up, not
   * where its newest signed head says: rows added behind the department's back, rows removed,
   * or another process writing the same chain. The writer never overwrites: it appends after
   * what is there, and its next head covers only its own rows, so `verify` names the others.
   */
  onChainMismatch?: (message: string) => void;
}

/**
 * A department's append-only, hash-chained audit trail. Each writer process appends to a chain
 * of its own (`writer`) and keeps that chain's head in memory, so an append is one statement:
 * the rows and their signed head in one `INSERT` (on PostgreSQL; SQLite, written by one process,
 * takes one short transaction). The key (writer, id) keeps the chain linear: an append from a
 * head that is no longer the newest fails as a duplicate, and the writer then reads the chain's
 * head again and appends after it. Reads that arrive while a write is in flight are written
 * together in the next statement (group commit), so the trail costs one statement per burst,
 * not per read. `verify` checks every chain.
 */
export class AuditTrail {
  private pending: { records: AuditRead[]; done: (err?: unknown) => void }[] = [];
  private writing = false;
  /** This writer's chain head; null until read from the database, and again after a failed append. */
  private head: ChainHead | null = null;
  private readonly writer: string;
  private readonly onChainMismatch: (message: string) => void;

  /**
   * `signing`: the department signs the head of every group commit with its rows (an `audit_head`
   * row, published to JetStream by the head relay), and `verify` checks the rows against those
   * heads. Without it (in-process tests, tools) only the plain chain is kept.
   */
  constructor(
    private readonly db: DataSource,
    private readonly signing?: AuditSigning,
    options: AuditTrailOptions = {},
  ) {
    this.writer = options.writer ?? "";
    if (!WRITER_PATTERN.test(this.writer)) throw new Error(`"${this.writer}" cannot name an audit chain`);
    this.onChainMismatch = options.onChainMismatch ?? (() => undefined);
  }

  /** Appends `records`; resolves when they are committed. */
  append(records: AuditRead[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ records, done: (err) => (err ? reject(err) : resolve()) });
      // On the primary, and without pinning the request that reads: its reads may stay on a replica.
      if (!this.writing) void onPrimary(() => this.write());
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.pending.length) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.commit(batch.flatMap((b) => b.records));
        batch.forEach((b) => b.done());
      } catch (err) {
        // One request's rows must not fail the others': write each request's alone.
        if (batch.length === 1) batch[0].done(err);
        else for (const b of batch) await this.commit(b.records).then(() => b.done(), b.done);
      }
    }
    this.writing = false;
  }

  /**
   * Reads where this writer's chain stands and, on a signed trail, checks it against the chain's
   * newest signed head: the process's start-up check (and what a writer does after an append
   * failed). Returns the chain's newest row id (0: empty); a mismatch goes to `onChainMismatch`.
   */
  async resume(): Promise<number> {
    const chain = this.writer ? `chain ${this.writer}` : "the chain";
    const [last] = await runSql<{ id: number; hash: string }>(
      this.db.manager,
      "SELECT id, hash FROM audit_entry WHERE writer = ? ORDER BY id DESC LIMIT 1",
      [this.writer],
    );
    const id = Number(last?.id ?? 0);
    const hash = last?.hash ?? GENESIS;
    let signed = false;
    if (this.signing) {
      const [row] = await runSql<AuditHeadRow>(
        this.db.manager,
        "SELECT writer, id, from_id, hash, at, signature FROM audit_head WHERE writer = ? ORDER BY id DESC LIMIT 1",
        [this.writer],
      );
      signed = row !== undefined;
      const head = row && headFromRow(this.signing.department, row);
      const valid = !head || isSignedHeadValid(this.signing.verifyKey, this.signing.department, head as unknown);
      if (head && !valid)
        this.onChainMismatch(
          `${chain}'s newest head in the database (row ${head.id}) is not signed with the department's key: the next head covers only rows after row ${id}`,
        );
      else if (head && head.id < id) this.onChainMismatch(uncovered(head.id + 1, id, chain));
      else if (head && head.id > id)
        this.onChainMismatch(
          `${chain} ends at row ${id}, before its newest signed head (row ${head.id}): rows were removed`,
        );
      else if (head && head.hash !== hash)
        this.onChainMismatch(`row ${id} of ${chain} is not the row its department signed`);
      else if (!head && id > 0 && this.writer) this.onChainMismatch(uncovered(1, id, chain));
    }
    this.head = { id, hash, signed };
    return id;
  }

  /**
   * Appends `records` after this writer's head, in one statement. A duplicate key means the chain
   * moved on without this writer (rows added behind its back, or another process on the same
   * chain): it reads the head again, says so, and appends after it.
   */
  private async commit(records: AuditRead[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const known = this.head;
      if (!known) await this.resume();
      const head = this.head!;
      const rows = this.rowsAfter(head, records);
      const last = rows.at(-1)!;
      try {
        const signed = await this.insert(head, rows);
        this.head = { id: last.id, hash: last.hash, signed: head.signed || !!this.signing };
        if (signed) this.signing?.headsCommitted?.(signed);
        return;
      } catch (err) {
        // Whatever happened, the database says where the chain is now.
        this.head = null;
        if (!isUniqueViolation(err) || attempt >= 3) throw err;
        const was = head.id;
        const now = await this.resume();
        this.onChainMismatch(
          `${this.writer ? `chain ${this.writer}` : "the chain"} moved from row ${was} to row ${now} without this writer: another process writes it, or rows were added behind the department's back`,
        );
      }
    }
  }

  /** The rows of `records` as they follow `head`: ids, time, previous hash and hash. */
  private rowsAfter(head: ChainHead, records: AuditRead[]): AuditEntry[] {
    let id = head.id;
    let prevHash = head.hash;
    const at = new Date().toISOString();
    return records.map((r) => {
      const row: AuditEntry = {
        writer: this.writer,
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
        hash: "",
      };
      row.hash = prevHash = hashOf(row);
      return row;
    });
  }

  /**
   * Writes the rows and, on a signed trail, their head (returned): one `INSERT` on PostgreSQL (the
   * head's in a data-modifying WITH of the rows', so both commit or neither), a transaction on SQLite.
   * Plain SQL: through TypeORM's query builder and entity insert, an append of 50 rows cost
   * 3.7 ms of CPU (1.7 ms for one row), most of a department's cost per read.
   */
  private async insert(head: ChainHead, rows: AuditEntry[]): Promise<SignedAuditHead | undefined> {
    const signed = this.signing ? this.signHead(head, rows) : undefined;
    if (this.db.options.type === "postgres") {
      // One parameter per column, whatever the number of rows.
      const columns = COLUMNS.map(([, property]) => rows.map((row) => row[property]));
      const insertRows = `INSERT INTO audit_entry (writer, ${COLUMN_NAMES}) SELECT $1::varchar, * FROM unnest(${COLUMN_TYPES.map((t, c) => `$${c + 2}::${t}[]`).join(", ")})`;
      // Prepared: one text for any number of rows, planned once per connection.
      if (!signed) {
        await runPrepared(this.db, insertRows, [this.writer, ...columns]);
        return undefined;
      }
      const p = COLUMNS.length + 2;
      await runPrepared(
        this.db,
        `WITH appended AS (${insertRows}) INSERT INTO audit_head (writer, id, from_id, hash, at, signature) VALUES ($1, $${p}, $${p + 1}, $${p + 2}, $${p + 3}, $${p + 4})`,
        [this.writer, ...columns, signed.id, signed.from, signed.hash, signed.at, signed.signature],
      );
      return signed;
    }
    const placeholders = `(?, ${COLUMNS.map(() => "?").join(", ")})`;
    const values = (row: AuditEntry) => COLUMNS.map(([, property]) => row[property]);
    await this.db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        await tx.query(
          `INSERT INTO audit_entry (writer, ${COLUMN_NAMES}) VALUES ${chunk.map(() => placeholders).join(", ")}`,
          chunk.flatMap((row) => [this.writer, ...values(row)]),
        );
      }
      if (signed)
        await tx.query("INSERT INTO audit_head (writer, id, from_id, hash, at, signature) VALUES (?, ?, ?, ?, ?, ?)", [
          this.writer,
          signed.id,
          signed.from,
          signed.hash,
          signed.at,
          signed.signature,
        ]);
    });
    return signed;
  }

  /**
   * Signs the head of `rows`, written with them, so a committed row always has its signed head
   * beside it and the relay publishes it later (a read never waits for NATS). The head covers the
   * rows since the chain's previous head; rows someone added behind the department's back since
   * then stay uncovered, and `verify` reports them as inserted. The first head ever of the first
   * chain also covers the rows written before heads were signed.
   */
  private signHead(head: ChainHead, rows: AuditEntry[]): SignedAuditHead {
    const { signingKey, department } = this.signing!;
    if (!signingKey) throw new Error("this audit trail has no signing key: it can only be checked");
    const last = rows.at(-1)!;
    const from = head.signed || this.writer ? rows[0].id : 1;
    return signAuditHead(signingKey, {
      department,
      ...(this.writer ? { writer: this.writer } : {}),
      from,
      id: last.id,
      hash: last.hash,
      at: last.at,
    });
  }

  /**
   * The validly signed heads of every chain, each chain's sorted by row: the department's own
   * `audit_head` rows and the heads it published (which nobody can delete). Two valid heads for
   * one row that disagree mean the key itself was misused; the published one is kept.
   */
  private async signedHeads(): Promise<Map<string, SignedAuditHead[]>> {
    const { department, verifyKey } = this.signing!;
    const local = (await this.db.query(
      "SELECT writer, id, from_id, hash, at, signature FROM audit_head",
    )) as AuditHeadRow[];
    const published = await this.signing!.publishedHeads();
    const chains = new Map<string, Map<number, SignedAuditHead>>();
    const keep = (head: SignedAuditHead) => {
      const writer = head.writer ?? "";
      const chain = chains.get(writer) ?? chains.set(writer, new Map()).get(writer)!;
      chain.set(head.id, head);
    };
    for (const row of local) {
      const head = headFromRow(department, row);
      if (isSignedHeadValid(verifyKey, department, head)) keep(head);
    }
    for (const head of published) if (isSignedHeadValid(verifyKey, department, head)) keep(head);
    return new Map([...chains].map(([writer, heads]) => [writer, [...heads.values()].sort((a, b) => a.id - b.id)]));
  }

  /**
   * Recomputes every chain from its first row and, when the trail is signed, checks it against
   * the chain's signed heads; reports the first row that was altered, inserted or removed, and
   * rows missing at the end (truncation) — of the first chain, then the others by name (their
   * reasons name them). Rows newer than a chain's newest head read are left for the next check:
   * they may have been committed while this one ran. `checked` and `signedHead` add up the chains.
   */
  async verify(): Promise<ChainCheckResult> {
    let heads: Map<string, SignedAuditHead[]> | null = null;
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
    const inRows = (await this.db.query("SELECT DISTINCT writer FROM audit_entry")) as { writer: string }[];
    const writers = [...new Set(["", ...inRows.map((r) => r.writer), ...(heads?.keys() ?? [])])].sort();
    let checked = 0;
    let signedHead = 0;
    let broken: ChainCheckResult | null = null;
    for (const writer of writers) {
      const result = await this.verifyChain(writer, heads ? (heads.get(writer) ?? []) : null);
      checked += result.checked;
      signedHead += result.signedHead ?? 0;
      if (!result.ok && !broken) broken = writer ? { ...result, reason: `chain ${writer}: ${result.reason}` } : result;
    }
    return {
      ...(broken ?? { ok: true, brokenAt: null, reason: null }),
      checked,
      ...(heads ? { signedHead } : {}),
    };
  }

  /** {@link verify} for one chain, against its heads (null: an unsigned trail). */
  private async verifyChain(writer: string, heads: SignedAuditHead[] | null): Promise<ChainCheckResult> {
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
        .where("a.writer = :writer AND a.id >= :from", { writer, from: expectedId })
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
      // By time, then position: the chains of a department's processes interleave.
      repo.find({ where, order: { at: "DESC", id: "DESC", writer: "ASC" }, skip: offset, take: limit }),
      repo.count({ where }),
    ]);
    return { rows, total };
  }
}
