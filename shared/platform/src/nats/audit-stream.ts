import {
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  nanos,
  type JetStreamClient,
  type JetStreamManager,
  type StreamConfig,
} from "nats";
import type { KeyObject } from "node:crypto";
import type { DataSource } from "typeorm";
import { headFromRow, signAuditHead, type AuditHeadRow, type SignedAuditHead } from "../audit/audit-head";
import { streamName } from "../events/event-envelope";
import type { Logger } from "../logger";
import type { NatsEventBus } from "./nats-event-bus";
import { RelayLoop } from "./relay-loop";

/** `ONEWINDOW_AUDIT`: the stream every department publishes its signed audit heads to. */
export function auditStreamName(prefix: string): string {
  return streamName(prefix, "audit");
}

/** `onewindow.audit.labor-security`: the subject of one department's signed heads. */
export function auditSubject(prefix: string, service: string): string {
  return `${prefix}.audit.${service}`;
}

/**
 * Creates the audit stream when missing: file storage, kept for ever, and no message can be
 * deleted, purged or rolled up, by anyone, through the JetStream API. A stream of that name that
 * would allow any of it (made by someone else, or by hand) is refused rather than trusted.
 * JetStream API calls: `STREAM.INFO.<stream>`, and `STREAM.CREATE.<stream>` the first time.
 */
export async function ensureAuditStream(jsm: JetStreamManager, prefix: string, replicas: number): Promise<string> {
  const name = auditStreamName(prefix);
  const config: Partial<StreamConfig> & { name: string } = {
    name,
    subjects: [`${prefix}.audit.>`],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.New,
    num_replicas: replicas,
    max_age: 0,
    duplicate_window: nanos(120_000),
    deny_delete: true,
    deny_purge: true,
    allow_rollup_hdrs: false,
  };
  let existing: StreamConfig;
  try {
    existing = (await jsm.streams.info(name)).config;
  } catch {
    try {
      existing = (await jsm.streams.add(config)).config;
    } catch (err) {
      // Another department created it first.
      if (!/already in use|exists/i.test(String(err))) throw err;
      existing = (await jsm.streams.info(name)).config;
    }
  }
  if (!existing.deny_delete || !existing.deny_purge || existing.allow_rollup_hdrs || existing.max_age !== 0) {
    throw new Error(
      `JetStream stream ${name} allows deleting, purging, rolling up or ageing out audit heads; it must be recreated with deny_delete and deny_purge`,
    );
  }
  return name;
}

/**
 * Every head `service` has published, oldest first, read with an ephemeral ordered consumer
 * (JetStream API: `STREAM.INFO.<stream>`, `CONSUMER.CREATE.<stream>`, `CONSUMER.MSG.NEXT`).
 * Signatures are checked by the caller.
 */
export async function readPublishedHeads(
  js: JetStreamClient,
  jsm: JetStreamManager,
  prefix: string,
  service: string,
  timeoutMs = 30_000,
): Promise<unknown[]> {
  const stream = auditStreamName(prefix);
  const subject = auditSubject(prefix, service);
  let count: number;
  try {
    const info = await jsm.streams.info(stream, { subjects_filter: subject });
    count = info.state.subjects?.[subject] ?? 0;
  } catch (err) {
    if (/stream not found/i.test(String(err))) return [];
    throw err;
  }
  if (count === 0) return [];
  const heads: unknown[] = [];
  let stop = () => {};
  const read = (async () => {
    const consumer = await js.consumers.get(stream, { filterSubjects: subject });
    const messages = await consumer.consume();
    stop = () => void messages.close();
    for await (const m of messages) {
      try {
        heads.push(m.json());
      } catch {
        // Not JSON: not a head; the signature check would drop it anyway.
      }
      if (m.info.pending === 0) break;
    }
    await messages.close();
  })();
  // When the time-out wins, a late failure of the read must not go unhandled.
  read.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`read ${heads.length} of ${count} signed audit heads from ${stream} before the time-out`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
    stop();
  }
  if (heads.length < count) throw new Error(`read ${heads.length} of ${count} signed audit heads from ${stream}`);
  return heads;
}

const BATCH = 200;
/** Heads handed over in memory and not yet published, at most; beyond, the table is read instead. */
const MAX_HANDED = 10_000;
/** How often the table itself is read for unsent heads (another replica's, one a failure left). */
const SWEEP_MS = 30_000;
/**
 * A drain waits this long after the last one, so that a busy department's heads go out together:
 * a head published 50 ms later is as good as one published at once (the window in which someone
 * who can write the database could cut the newest rows short unnoticed was already the relay's
 * latency, and is the whole of an outage of NATS), and one publish and one `UPDATE` now serve
 * every group commit of those 50 ms instead of each.
 */
const PACE_MS = 50;

/**
 * The heads of `heads` (oldest first, as committed) that follow one another on one chain, each
 * run as one head: from the run's first row to its last, signed again with `key`. Such a head
 * signs no more than the run's heads together did (the run's last row, whose hash chains every
 * row before it), so publishing it instead of them loses nothing; the table keeps them all.
 * Returns each published head with the ids of the table's heads it stands for.
 */
export function mergeHeadRuns(
  heads: SignedAuditHead[],
  key: KeyObject | undefined,
): { head: SignedAuditHead; first: number; last: number }[] {
  const runs: { heads: SignedAuditHead[] }[] = [];
  const open = new Map<string, { heads: SignedAuditHead[] }>();
  for (const head of heads) {
    const writer = head.writer ?? "";
    const run = open.get(writer);
    if (key && run && run.heads.at(-1)!.id + 1 === head.from) run.heads.push(head);
    else {
      const fresh = { heads: [head] };
      runs.push(fresh);
      open.set(writer, fresh);
    }
  }
  return runs.map(({ heads: run }) => {
    const first = run[0];
    const last = run.at(-1)!;
    if (run.length === 1) return { head: first, first: first.id, last: first.id };
    const { signature: _, ...fields } = last;
    return { head: signAuditHead(key!, { ...fields, from: first.from }), first: first.id, last: last.id };
  });
}

/**
 * Publishes the department's signed audit heads to the audit stream, oldest first, and marks them
 * sent: the audit trail's outbox. A head is written in the same statement as its rows, so none is
 * lost while NATS is down; it goes out when NATS is back. The trail hands each head it commits
 * over in memory ({@link hand}), and the relay publishes what was handed at most every 50 ms, the
 * heads that follow one another on a chain as one head signed again ({@link mergeHeadRuns}): one
 * publish and one `UPDATE` however many group commits. The table is read at start, after a
 * failure, when too many heads wait, and every 30 s (heads a stopped replica left unsent). Each is
 * published with a message id, so a head sent twice (two replicas, or handed and read back) is
 * stored once.
 */
export class AuditHeadRelay extends RelayLoop {
  private readonly handed: SignedAuditHead[] = [];
  /** When the table was last read for unsent heads; 0: read it at the next drain. */
  private sweptAt = 0;
  private publishedAt = 0;
  private streamReady = false;

  /** `signingKey`: the department's audit key, to sign the head of a run of heads; without, each goes out alone. */
  constructor(
    private readonly db: DataSource,
    bus: NatsEventBus,
    private readonly service: string,
    logger: Logger,
    private readonly signingKey?: KeyObject,
  ) {
    super(bus, logger, "audit head relay");
  }

  /** A head that has just committed, to publish without reading it back from the table. */
  hand(head: SignedAuditHead): void {
    // Bounded: past it, the heads are in the table, and the next drain reads them from there.
    if (this.handed.length < MAX_HANDED) this.handed.push(head);
    else this.sweptAt = 0;
    this.nudge();
  }

  protected async drain(): Promise<number> {
    const { js, jsm } = this.bus.jetStream();
    const prefix = this.bus.options.prefix;
    try {
      if (!this.streamReady) {
        await ensureAuditStream(jsm, prefix, this.bus.replicas);
        this.streamReady = true;
      }
      const sweep = Date.now() - this.sweptAt >= SWEEP_MS;
      if (!sweep && this.handed.length) await this.pace();
      const heads = sweep ? await this.unsent() : this.handed.splice(0, BATCH);
      await this.publish(js, prefix, heads);
      return heads.length;
    } catch (err) {
      // What was handed is in the table: read it from there once NATS or the database is back.
      this.sweptAt = 0;
      this.streamReady = false;
      throw err;
    }
  }

  /** Waits out the rest of {@link PACE_MS} since the last publish (not when stopping). */
  private async pace(): Promise<void> {
    const wait = this.publishedAt + PACE_MS - Date.now();
    if (wait > 0 && this.running) await new Promise((resolve) => setTimeout(resolve, wait));
    this.publishedAt = Date.now();
  }

  /**
   * Every chain's unsent heads from the table (a head a stopped replica left unsent goes out with
   * the others), oldest first; the sweep is over when a batch is not full.
   */
  private async unsent(): Promise<SignedAuditHead[]> {
    // Committed before the read, so in it: handed over again, they would only be sent twice.
    this.handed.length = 0;
    const rows = (await this.db.query(
      `SELECT writer, id, from_id, hash, at, signature FROM audit_head WHERE sent_at IS NULL ORDER BY id, writer LIMIT ${BATCH}`,
    )) as AuditHeadRow[];
    if (rows.length < BATCH) this.sweptAt = Date.now();
    return rows.map((row) => headFromRow(this.service, row));
  }

  /** Publishes `heads` in order, runs merged, and marks those that went out sent, in one statement. */
  private async publish(js: JetStreamClient, prefix: string, heads: SignedAuditHead[]): Promise<void> {
    const sent: { writer: string; first: number; last: number }[] = [];
    try {
      for (const { head, first, last } of mergeHeadRuns(heads, this.signingKey)) {
        await js.publish(auditSubject(prefix, this.service), JSON.stringify(head), {
          msgID: head.writer ? `${this.service}.${head.writer}.${head.id}` : `${this.service}.${head.id}`,
          timeout: 5000,
        });
        sent.push({ writer: head.writer ?? "", first, last });
      }
    } finally {
      if (sent.length) {
        const postgres = this.db.options.type === "postgres";
        let n = 1;
        const p = () => (postgres ? `$${++n}` : "?");
        const which = sent.map(() => `(writer = ${p()} AND id BETWEEN ${p()} AND ${p()})`).join(" OR ");
        await this.db.query(`UPDATE audit_head SET sent_at = ${postgres ? "$1" : "?"} WHERE ${which}`, [
          new Date().toISOString(),
          ...sent.flatMap((s) => [s.writer, s.first, s.last]),
        ]);
      }
    }
  }
}
