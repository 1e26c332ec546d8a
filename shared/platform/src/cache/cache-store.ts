import { randomBytes } from "node:crypto";

/**
 * Where cached answers and their generations live: this process's memory
 * ({@link MemoryCacheStore}) or a Redis shared by a department's replicas (`RedisCacheStore`).
 *
 * A generation is an opaque token per key that changes whenever something the key stands for
 * changes; an entry is kept with the tokens of its generations as they were read before its
 * answer was computed, and is only served while they are still the same. Tokens are never reused
 * (a generation that is missing, evicted or expired gets a new one), so losing a generation can
 * only turn a hit into a miss.
 */
export interface CacheStore {
  /** `memory` or `redis`: the metrics say which. */
  readonly kind: "memory" | "redis";
  /**
   * The current tokens of `generations` (joined with spaces, in their order), giving each missing
   * one a new token, and the entry under `entryKey` when it was stored with exactly those tokens:
   * its JSON, and the answer itself when the store keeps it (in this process).
   */
  lookup(entryKey: string, generations: readonly string[]): Promise<CacheLookup>;
  /**
   * Keeps `value` (JSON) under `entryKey` with the `tokens` that lookup returned before it was
   * computed; a store in this process may keep `answer` (frozen) as well, to serve it unparsed.
   */
  store(entryKey: string, tokens: string, value: string, answer?: unknown): Promise<void>;
  /** Gives each of `generations` a new token: every entry stored with an older one is stale. */
  bump(generations: readonly string[]): Promise<void>;
  /** Releases its connection, if any. */
  close(): Promise<void>;
}

/** What a store found: the generations' tokens, and the entry stored with them, if any. */
export interface CacheLookup {
  tokens: string;
  /** The entry's JSON, or null. */
  value: string | null;
  /** The entry's answer as stored, when the store keeps answers (it is frozen: share, never change it). */
  answer?: unknown;
}

/** What bounds a {@link MemoryCacheStore}. */
export interface MemoryCacheLimits {
  /** Entries kept at most; the least recently used goes first. 0 keeps none. */
  maxEntries: number;
  /**
   * Bytes of entries kept at most, as estimated: keys, tokens and JSON as UTF-16 strings (2 bytes
   * a character), and an answer kept as an object as much again as its JSON.
   */
  maxBytes: number;
  /** Generations remembered at most (a forgotten one gets a new token: only misses follow). */
  maxGenerations: number;
  /** Milliseconds an entry is served at most, whatever its generations say. */
  ttlMs: number;
}

interface Entry {
  tokens: string;
  value: string;
  answer: unknown;
  bytes: number;
  expiresAt: number;
}

/**
 * A bounded in-process store: entries and generations in insertion-ordered maps used as LRU lists,
 * within a number of entries, a number of bytes and a lifetime. For one process: replicas of a
 * department that must agree share a `RedisCacheStore` instead.
 */
export class MemoryCacheStore implements CacheStore {
  readonly kind = "memory";
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, string>();
  private bytes = 0;
  private counter = 0;
  // Tokens of this store only; the prefix keeps them apart from another store's in a shared test process.
  private readonly prefix = randomBytes(4).toString("hex");

  constructor(
    readonly limits: MemoryCacheLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Entries held now. */
  get size(): number {
    return this.entries.size;
  }

  /** Bytes held now (see {@link MemoryCacheLimits.maxBytes}). */
  get byteSize(): number {
    return this.bytes;
  }

  private token(key: string): string {
    let token = this.generations.get(key);
    if (token === undefined) {
      token = `${this.prefix}.${(++this.counter).toString(36)}`;
      this.generations.set(key, token);
      if (this.generations.size > this.limits.maxGenerations) {
        const oldest = this.generations.keys().next().value!;
        this.generations.delete(oldest);
      }
    } else {
      // Recently used: to the end of the list.
      this.generations.delete(key);
      this.generations.set(key, token);
    }
    return token;
  }

  lookup(entryKey: string, generations: readonly string[]): Promise<CacheLookup> {
    const tokens = generations.map((g) => this.token(g)).join(" ");
    const entry = this.entries.get(entryKey);
    if (!entry) return Promise.resolve({ tokens, value: null });
    if (entry.tokens !== tokens || entry.expiresAt <= this.now()) {
      this.remove(entryKey, entry);
      return Promise.resolve({ tokens, value: null });
    }
    this.entries.delete(entryKey);
    this.entries.set(entryKey, entry);
    return Promise.resolve({ tokens, value: entry.value, answer: entry.answer });
  }

  store(entryKey: string, tokens: string, value: string, answer?: unknown): Promise<void> {
    const bytes = 2 * (entryKey.length + tokens.length + value.length) + (answer === undefined ? 0 : 2 * value.length);
    const old = this.entries.get(entryKey);
    if (old) this.remove(entryKey, old);
    // An answer larger than an eighth of the store would push out most of the others for itself.
    if (this.limits.maxEntries === 0 || bytes > this.limits.maxBytes / 8) return Promise.resolve();
    this.entries.set(entryKey, { tokens, value, answer, bytes, expiresAt: this.now() + this.limits.ttlMs });
    this.bytes += bytes;
    while (this.entries.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes) {
      const [key, entry] = this.entries.entries().next().value!;
      this.remove(key, entry);
    }
    return Promise.resolve();
  }

  bump(generations: readonly string[]): Promise<void> {
    // Forgetting is enough: the next read gives a new token, never used before.
    for (const g of generations) this.generations.delete(g);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.entries.clear();
    this.generations.clear();
    this.bytes = 0;
    return Promise.resolve();
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
