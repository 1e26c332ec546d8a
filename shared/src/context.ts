import DataLoader from "dataloader";
import type { Logger } from "./logger";

/** What every resolver of every subgraph gets as its context. */
export interface RequestContext {
  requestId: string;
  logger: Logger;
  /** Per-request DataLoaders, so that entities asked for in one request are loaded in one query. */
  loaders: Map<string, DataLoader<any, any>>;
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
  let loader = context.loaders.get(name);
  if (!loader) {
    loader = new DataLoader<K, V | null>(batch, { maxBatchSize: 1000 });
    context.loaders.set(name, loader);
  }
  return loader as DataLoader<K, V | null>;
}

/** Orders rows by the keys they belong to, null for keys without a row (DataLoader's contract). */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}
