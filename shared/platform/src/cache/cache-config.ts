import { ConfigError, readInt } from "../config";
import { MemoryCacheStore, type CacheStore } from "./cache-store";
import { RedisCacheStore } from "./redis-cache-store";

type Env = Record<string, string | undefined>;

/** The lifetime of a cached answer unless `CACHE_TTL_SECONDS` says otherwise. */
export const DEFAULT_CACHE_TTL_SECONDS = 600;
/** Entries an in-process cache keeps unless `CACHE_MAX_ENTRIES` says otherwise. */
export const DEFAULT_CACHE_MAX_ENTRIES = 10_000;
/** Megabytes an in-process cache keeps unless `CACHE_MAX_MB` says otherwise. */
export const DEFAULT_CACHE_MAX_MB = 64;

/**
 * The cache store the environment asks for: Redis at `REDIS_URL` (shared by a department's
 * replicas), else one in this process's memory, bounded by `CACHE_MAX_ENTRIES` (default 10,000;
 * 0 caches nothing) and `CACHE_MAX_MB` (default 64). Entries live `CACHE_TTL_SECONDS` at most
 * (default 600) in either. Throws {@link ConfigError} naming a malformed variable.
 */
export function cacheStoreFromEnv(env: Env = process.env): CacheStore {
  const ttlMs = readInt(env, "CACHE_TTL_SECONDS", DEFAULT_CACHE_TTL_SECONDS, 1, 86_400) * 1000;
  const url = env.REDIS_URL || undefined;
  if (url !== undefined) {
    let protocol: string;
    try {
      protocol = new URL(url).protocol;
    } catch {
      throw new ConfigError("REDIS_URL", `must be a redis:// or rediss:// URL, got "${url}"`);
    }
    if (protocol !== "redis:" && protocol !== "rediss:")
      throw new ConfigError("REDIS_URL", `must start with redis:// or rediss://, got "${protocol}//"`);
    return new RedisCacheStore({ url, ttlMs });
  }
  const maxEntries = readInt(env, "CACHE_MAX_ENTRIES", DEFAULT_CACHE_MAX_ENTRIES, 0, 1_000_000);
  return new MemoryCacheStore({
    maxEntries,
    maxBytes: readInt(env, "CACHE_MAX_MB", DEFAULT_CACHE_MAX_MB, 1, 4096) * 1024 * 1024,
    // Generations are a few dozen bytes each; ten per entry covers answers over many periods.
    maxGenerations: Math.max(1000, 10 * maxEntries),
    ttlMs,
  });
}

let shared: CacheStore | null = null;

/**
 * This process's cache store, made from `env` on first use ({@link cacheStoreFromEnv}): a
 * department's process has one, which every cache of it shares. {@link closeSharedCacheStore}
 * releases it when the process stops.
 */
export function sharedCacheStore(env: Env = process.env): CacheStore {
  shared ??= cacheStoreFromEnv(env);
  return shared;
}

/** Closes the store {@link sharedCacheStore} made (its Redis connection), if any. */
export async function closeSharedCacheStore(): Promise<void> {
  const store = shared;
  shared = null;
  await store?.close();
}
