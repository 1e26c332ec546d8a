import { departmentPart } from "@onewindow/contracts/i18n";
import type { DataSource } from "typeorm";
import type { Constructor } from "../data-source";
import { onPrimary } from "../db/read-routing";
import { runPrepared } from "../db/sql";
import { UnauthenticatedError } from "../errors";
import { CreateUsedContexts1764460000000 } from "./used-contexts.migration";
import { UsedContextsUnlogged1764470000000 } from "./used-contexts-unlogged.migration";
import { PLATFORM } from "../messages";

/** The used-context table's migrations, in order. */
export const USED_CONTEXT_MIGRATIONS: Constructor[] = [
  CreateUsedContexts1764460000000,
  UsedContextsUnlogged1764470000000,
];

/**
 * The ids of the internal contexts a department has served, shared by all its replicas through
 * its own database: the same signed request sent to a second replica is refused there too.
 * The INSERT is the check (an id already there is a replay); claims that arrive while one is in
 * flight are inserted together in the next statement, as the audit trail's appends are, so a
 * busy department pays one statement per burst of requests, not per request. Each request still
 * waits for its own id to be committed before it is served. Rows older than the freshness window
 * are deleted by a trigger on one INSERT in sixteen, which keeps the table to about a minute and
 * a half of requests without a timer or a second statement.
 */
export class UsedContexts {
  private pending: { id: string; until: number; done: (err?: unknown) => void }[] = [];
  private writing = false;
  private readonly postgres: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly department: string,
  ) {
    this.postgres = dataSource.options.type === "postgres";
  }

  /** Records `contextId` as used until `until` (ms since the epoch); UNAUTHENTICATED when some replica already served it. */
  claim(contextId: string, until: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ id: contextId, until, done: (err) => (err ? reject(err) : resolve()) });
      // On the primary, and without pinning the request: its reads may go to a replica.
      if (!this.writing) void onPrimary(() => this.write());
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.pending.length) {
      const batch = this.pending;
      this.pending = [];
      // An id twice in one batch is a replay of the first (which the insert decides).
      const first = new Map<string, (typeof batch)[number]>();
      for (const claim of batch) {
        if (first.has(claim.id)) claim.done(this.replayed());
        else first.set(claim.id, claim);
      }
      const claims = [...first.values()];
      try {
        const inserted = await this.insert(claims);
        for (const claim of claims) claim.done(inserted.has(claim.id) ? undefined : this.replayed());
      } catch (err) {
        for (const claim of claims) claim.done(err);
      }
    }
    this.writing = false;
  }

  /** Inserts the ids not there yet, in one statement; returns those it inserted. */
  private async insert(claims: { id: string; until: number }[]): Promise<Set<string>> {
    // On PostgreSQL one prepared text for any number of claims: the ids and expiries as arrays.
    const rows = this.postgres
      ? await runPrepared<{ id: string }>(
          this.dataSource,
          "INSERT INTO used_context (id, expires_at) SELECT * FROM unnest(?::varchar[], ?::bigint[]) ON CONFLICT (id) DO NOTHING RETURNING id",
          [claims.map((c) => c.id), claims.map((c) => c.until)],
        )
      : ((await this.dataSource.query(
          `INSERT INTO used_context (id, expires_at) VALUES ${claims.map(() => "(?, ?)").join(", ")} ON CONFLICT (id) DO NOTHING RETURNING id`,
          claims.flatMap((c) => [c.id, c.until]),
        )) as { id: string }[]);
    return new Set(rows.map((r) => r.id));
  }

  private replayed(): UnauthenticatedError {
    return new UnauthenticatedError(
      PLATFORM.gatewayOnly.with({
        department: departmentPart(this.department),
        why: "the signed context was replayed",
      }),
    );
  }
}
