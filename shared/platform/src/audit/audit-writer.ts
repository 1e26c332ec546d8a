import { Client } from "pg";
import type { DataSource } from "typeorm";
import type { Logger } from "../logger";

/** The chain a process writes, for as long as it holds it. */
export interface AuditWriterClaim {
  /** `''` (the department's first chain) or `w1`, `w2` …: the `writer` of its rows and heads. */
  readonly writer: string;
  /** Gives the chain back (the process stops). */
  release(): Promise<void>;
}

/** 0x4f57 4155, "OWAU": the first key of the locks that name the chains of a department's trail. */
const LOCK_SPACE = 1331118421;
/** More writer processes than this for one department's database is a mistake, not a deployment. */
const MAX_WRITERS = 64;
const RETRY_MS = 5000;

/** The chain of writer slot `n`: the first is `''`, the one a single process has always written. */
export const writerOfSlot = (n: number): string => (n === 0 ? "" : `w${n}`);

/**
 * Claims a chain of the audit trail for this process, so that replicas of a department append to
 * chains of their own instead of taking turns on one (a lock and a read of the chain's head per
 * append). On PostgreSQL the first free slot of a session-level advisory lock, held on a
 * connection of its own for the life of the process: a restarted process takes its slot (and
 * resumes its chain) again, and two live processes never hold one slot. SQLite is written by one
 * process: the first chain. The claim only spares appends their conflicts: the trail stays one
 * correct chain per writer even when two processes write one (see `AuditTrail`).
 */
export async function claimAuditWriter(db: DataSource, logger: Logger): Promise<AuditWriterClaim> {
  // The primary's: with read replicas TypeORM's options name it under `replication`.
  const options = db.options as { url?: string; replication?: { master?: { url?: string } } };
  const url = options.url ?? options.replication?.master?.url;
  if (db.options.type !== "postgres" || !url) return { writer: "", release: async () => {} };
  let released = false;
  let client: Client | undefined;
  const take = async (slots: readonly number[]): Promise<number | null> => {
    const c = new Client({ connectionString: url, application_name: "onewindow audit writer" });
    // Without a listener a dropped connection would throw from the client and stop the process.
    c.on("error", () => undefined);
    await c.connect();
    for (const slot of slots) {
      const [row] = (await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [LOCK_SPACE, slot]))
        .rows;
      if (row.ok) {
        client = c;
        // The lock ends with the connection: take the same slot again when it comes back.
        c.on("end", () => {
          if (released) return;
          client = undefined;
          logger.warn({ writer: writerOfSlot(slot) }, "lost the connection that holds this process's audit chain");
          retake(slot);
        });
        return slot;
      }
    }
    await c.end();
    return null;
  };
  const retake = (slot: number): void => {
    const timer = setTimeout(() => {
      if (released) return;
      take([slot]).then(
        (got) => {
          if (got === null)
            logger.warn(
              { writer: writerOfSlot(slot) },
              "another process holds this process's audit chain now: appends of both stay one chain, taking turns",
            );
        },
        () => retake(slot),
      );
    }, RETRY_MS);
    timer.unref();
  };
  const slot = await take(Array.from({ length: MAX_WRITERS }, (_, n) => n));
  if (slot === null) throw new Error(`${MAX_WRITERS} processes already write this department's audit trail`);
  return {
    writer: writerOfSlot(slot),
    async release() {
      if (released) return;
      released = true;
      await client?.end().catch(() => undefined);
    },
  };
}
