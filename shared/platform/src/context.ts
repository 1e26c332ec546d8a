import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { AuditTrail } from "./audit/audit-trail";
import { PersonalDataAccess } from "./auth/authorization";
import { ANONYMOUS, type Caller, type Role } from "@onewindow/contracts";
import { createLogger, type Logger } from "./logger";
import { CursorKey } from "./pagination";

/** What every resolver of every subgraph gets as its context. */
export interface RequestContext {
  /** The gateway's id of the request (signed): the one in the audit trail and the logs. */
  requestId: string;
  /** The id the client sent in `x-request-id`, kept beside `requestId` in the audit trail. */
  clientRequestId?: string | null;
  logger: Logger;
  /** Who asks, as the gateway signed it (anonymous when no one signed in). */
  caller: Caller;
  /** The department's personal-data rule for this request, and its reads for the audit trail. */
  access: PersonalDataAccess;
  /** The department's audit trail. */
  trail: AuditTrail;
  /** The department's key for list cursors: `pageRequest(first, after, ctx.cursors.forField(info))`. */
  cursors: CursorKey;
  /** Per-request DataLoaders, so that entities asked for in one request are loaded in one query. */
  loaders: Map<string, unknown>;
}

/**
 * The request's DataLoader called `name`, created on first use. `batch` gets every key asked
 * for in one tick and must return one value (or null) per key, in key order.
 */
export function loaderFor<K, V>(
  context: RequestContext,
  name: string,
  batch: (keys: readonly K[]) => Promise<(V | null)[]>,
): DataLoader<K, V | null> {
  let loader = context.loaders.get(name) as DataLoader<K, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V | null>(batch, { maxBatchSize: 1000 });
    context.loaders.set(name, loader);
  }
  return loader;
}

/** Orders rows by the keys they belong to, null for keys without a row (DataLoader's contract). */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/**
 * A context for calling a subgraph's schema in-process (unit tests, tools): `caller` as given
 * (anonymous by default), the department's personal-data `readers`, its audit trail in `db`,
 * cursors sealed with a key of this process only.
 */
export function localContext(
  department: string,
  readers: readonly Role[],
  db: DataSource,
  caller: Partial<Caller> = {},
): RequestContext {
  const who: Caller = { ...ANONYMOUS, ...caller };
  return {
    requestId: "local",
    logger: createLogger(department, "silent"),
    caller: who,
    access: new PersonalDataAccess(who, department, readers, "local"),
    trail: new AuditTrail(db),
    cursors: CursorKey.ephemeral(),
    loaders: new Map(),
  };
}
