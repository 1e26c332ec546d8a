import {
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  nanos,
  type JetStreamClient,
  type JetStreamManager,
  type StreamConfig,
} from "nats";
import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import { headFromRow, type AuditHeadRow, type SignedAuditHead } from "../audit/audit-head";
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
 * Every head `service` has published, oldest first (a message may carry several:
 * {@link PublishedHeads}), read with an ephemeral ordered consumer
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
  let received = 0;
  let stop = () => {};
  const read = (async () => {
    const consumer = await js.consumers.get(stream, { filterSubjects: subject });
    const messages = await consumer.consume();
    stop = () => void messages.close();
    for await (const m of messages) {
      received++;
      try {
        heads.push(...headsOf(m.json()));
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
      () =>
        reject(
          new Error(`read ${received} of ${count} messages of signed audit heads from ${stream} before the time-out`),
        ),
      timeoutMs,
    );
  });
  try {
    await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
    stop();
  }
  if (received < count) throw new Error(`read ${received} of ${count} messages of signed audit heads from ${stream}`);
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
 * One message of the audit stream: a chain's newest head of a drain and, in `earlier`, the
 * chain's heads before it in the same drain, each as signed. Each head keeps its own signature,
 * so the check names a bad row as precisely as with a message per head; a reader that takes only
 * the message's own fields reads its newest head.
 */
export type PublishedHeads = SignedAuditHead & { earlier?: SignedAuditHead[] };

/** `heads` (oldest first) as one message per chain, with the heads each stands for. */
export function bundleHeads(heads: SignedAuditHead[]): { message: PublishedHeads; heads: SignedAuditHead[] }[] {
  const chains = new Map<string, SignedAuditHead[]>();
  for (const head of heads) {
    const writer = head.writer ?? "";
    const chain = chains.get(writer) ?? chains.set(writer, []).get(writer)!;
    chain.push(head);
  }
  return [...chains.values()].map((chain) => {
    const newest = chain.at(-1)!;
    return { message: chain.length > 1 ? { ...newest, earlier: chain.slice(0, -1) } : newest, heads: chain };
  });
}

/** The heads a message of the audit stream carries (see {@link PublishedHeads}), oldest first. */
export function headsOf(message: unknown): unknown[] {
  if (!message || typeof message !== "object" || !("earlier" in message)) return [message];
  const { earlier, ...newest } = message as PublishedHeads;
  return Array.isArray(earlier) ? [...earlier, newest] : [newest];
}

/**
 * Publishes the department's signed audit heads to the audit stream, oldest first, and marks them
 * sent: the audit trail's outbox. A head is written in the same statement as its rows, so none is
 * lost while NATS is down; it goes out when NATS is back. The trail hands each head it commits
 * over in memory ({@link hand}), and the relay publishes what was handed at most every 50 ms, a
 * chain's heads in one message ({@link bundleHeads}): one publish and one `UPDATE` however many
 * group commits. The table is read at start, after a failure, when too many heads wait, and every
 * 30 s (heads a stopped replica left unsent). Each message has an id made of the heads it carries,
 * so the same heads sent twice (two replicas, or handed and read back) are stored once.
 */
export class AuditHeadRelay extends RelayLoop {
  private readonly handed: SignedAuditHead[] = [];
  /** When the table was last read for unsent heads; 0: read it at the next drain. */
  private sweptAt = 0;
  private publishedAt = 0;
  private streamReady = false;

  constructor(
    private readonly db: DataSource,
    bus: NatsEventBus,
    private readonly service: string,
    logger: Logger,
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

  /** Publishes `heads` in order, a message per chain, and marks those that went out sent, in one statement. */
  private async publish(js: JetStreamClient, prefix: string, heads: SignedAuditHead[]): Promise<void> {
    const sent: SignedAuditHead[] = [];
    try {
      for (const bundle of bundleHeads(heads)) {
        await js.publish(auditSubject(prefix, this.service), JSON.stringify(bundle.message), {
          msgID: this.messageId(bundle.heads),
          timeout: 5000,
        });
        sent.push(...bundle.heads);
      }
    } finally {
      if (sent.length) {
        const postgres = this.db.options.type === "postgres";
        let n = 1;
        const p = () => (postgres ? `$${++n}` : "?");
        const which = sent.map(() => `(writer = ${p()} AND id = ${p()})`).join(" OR ");
        await this.db.query(`UPDATE audit_head SET sent_at = ${postgres ? "$1" : "?"} WHERE ${which}`, [
          new Date().toISOString(),
          ...sent.flatMap((head) => [head.writer ?? "", head.id]),
        ]);
      }
    }
  }

  /** A head alone keeps the id it always had; several, the chain, the first and last, and a digest of all. */
  private messageId(heads: SignedAuditHead[]): string {
    const chain = heads[0].writer ? `${this.service}.${heads[0].writer}` : this.service;
    if (heads.length === 1) return `${chain}.${heads[0].id}`;
    const digest = createHash("sha256")
      .update(heads.map((h) => h.id).join(","))
      .digest("hex")
      .slice(0, 16);
    return `${chain}.${heads[0].id}-${heads.at(-1)!.id}.${digest}`;
  }
}
