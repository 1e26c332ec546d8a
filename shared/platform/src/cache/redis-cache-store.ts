import { randomBytes } from "node:crypto";
import type { Redis as RedisClient } from "ioredis";
import type { CacheLookup, CacheStore } from "./cache-store";

/*
 * One round trip per read: a script reads (or creates) the generations' tokens and returns the
 * entry only when it was stored with the same tokens. KEYS[1] is the entry, KEYS[2..] its
 * generations; ARGV[1] the stem of new tokens, ARGV[2] their lifetime in milliseconds. The
 * entry is `<tokens>\n<value>`.
 */
const LOOKUP = `
local tokens = {}
for i = 2, #KEYS do
  local token = redis.call('GET', KEYS[i])
  if not token then
    token = ARGV[1] .. '.' .. (i - 1)
    redis.call('SET', KEYS[i], token, 'PX', ARGV[2])
  end
  tokens[i - 1] = token
end
local joined = table.concat(tokens, ' ')
local entry = redis.call('GET', KEYS[1])
if entry and string.sub(entry, 1, #joined + 1) == joined .. '\\n' then
  return {joined, string.sub(entry, #joined + 2)}
end
return {joined}
`;

type LookupClient = RedisClient & {
  cacheLookup(numberOfKeys: number, ...keysAndArgs: string[]): Promise<[string, string?]>;
};

/** How a {@link RedisCacheStore} connects and how long what it writes lives. */
export interface RedisCacheOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` (TLS). */
  url: string;
  /** Milliseconds an entry lives (the safety net under the generations). */
  ttlMs: number;
  /** Milliseconds a command (or the first connection) may take before the read goes to the database instead. */
  commandTimeoutMs?: number;
}

/**
 * The cache in a Redis that a department's replicas share: a write through one replica moves
 * generations every other replica reads. Every key has a lifetime: entries `ttlMs`, generations
 * twice that plus a minute, so that an entry never outlives the generation it was stored under by
 * accident (were it to, the generation would come back with a new token anyway). Connects on
 * first use; the client library is loaded only then, so that a process without `REDIS_URL` never
 * loads it.
 */
export class RedisCacheStore implements CacheStore {
  readonly kind = "redis";
  private client: LookupClient | null = null;
  private everReady = false;
  // Unique per process: new tokens are `<stem>.<n>`, with a new stem for every read that needs one.
  private readonly stem = randomBytes(6).toString("base64url");
  private counter = 0;
  private readonly generationTtlMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: RedisCacheOptions) {
    this.generationTtlMs = 2 * options.ttlMs + 60_000;
    this.timeoutMs = options.commandTimeoutMs ?? 1000;
  }

  private connect(): LookupClient {
    if (!this.client) {
      const { Redis } = require("ioredis") as typeof import("ioredis");
      const client = new Redis(this.options.url, {
        // While the connection is down a command fails at once rather than wait in a queue: a
        // read then goes to the database. The client reconnects by itself meanwhile.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: this.timeoutMs,
        enableAutoPipelining: true,
        // How long a closing client waits for a socket that never opened (default two seconds).
        disconnectTimeout: 100,
      }) as LookupClient;
      // Errors surface on the commands; without a listener the client would also print each reconnect attempt.
      client.on("error", () => undefined);
      client.on("ready", () => (this.everReady = true));
      client.defineCommand("cacheLookup", { lua: LOOKUP });
      this.client = client;
    }
    return this.client;
  }

  /**
   * The connected client, waiting at most `waitMs` for the connection: reads wait only for the
   * first one (a process just started), invalidations always, since one that fails leaves entries
   * to their lifetime.
   */
  private async ready(waitMs: number): Promise<LookupClient> {
    const client = this.connect();
    const connected = () => client.status === "ready";
    if (connected()) return client;
    if (waitMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          client.off("ready", done);
          resolve();
        };
        const timer = setTimeout(done, waitMs).unref();
        client.once("ready", done);
      });
      if (connected()) return client;
    }
    throw new Error(`Redis is not connected (${client.status})`);
  }

  private newStem(): string {
    return `${this.stem}${(++this.counter).toString(36)}`;
  }

  async lookup(entryKey: string, generations: readonly string[]): Promise<CacheLookup> {
    const client = await this.ready(this.everReady ? 0 : this.timeoutMs);
    const [tokens, value] = await client.cacheLookup(
      1 + generations.length,
      entryKey,
      ...generations,
      this.newStem(),
      String(this.generationTtlMs),
    );
    return { tokens, value: value ?? null };
  }

  async store(entryKey: string, tokens: string, value: string): Promise<void> {
    const client = await this.ready(0);
    await client.set(entryKey, `${tokens}\n${value}`, "PX", this.options.ttlMs);
  }

  async bump(generations: readonly string[]): Promise<void> {
    if (generations.length === 0) return;
    const client = await this.ready(this.timeoutMs);
    const token = this.newStem();
    const pipeline = client.pipeline();
    generations.forEach((g, i) => pipeline.set(g, `${token}.b${i}`, "PX", this.generationTtlMs));
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0]!;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) return;
    // QUIT lets the server close the connection once it has answered what was sent; a client
    // that is not connected has nothing to wait for.
    if (
      client.status === "ready" &&
      (await client.quit().then(
        () => true,
        () => false,
      ))
    )
      return;
    client.disconnect();
  }
}
