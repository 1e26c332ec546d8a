/** Distinct kinds of refusal counted per window, at most; the rest are counted under one key. */
export const DEFAULT_TALLY_KEYS = 1000;

/** Repeats of one kind of refusal within a window: the first one, and how many more came. */
export interface TalliedRefusals<T> {
  first: T;
  more: number;
  /** When the window began (ISO 8601). */
  since: string;
}

/**
 * Keeps a flood of refusals from becoming a flood of writes. The first refusal of each kind
 * (`key`: who, what, why) in a window is handed on at once, with all its detail; repeats are only
 * counted and handed on as one summary when the window closes. So at most about two records per
 * kind and `maxKeys + 1` kinds per window are written, whatever arrives, and memory holds at most
 * `maxKeys + 1` entries. Beyond `maxKeys` kinds, the rest count under the key `*`.
 */
export class RefusalTally<T> {
  private window = new Map<string, { first: T; more: number }>();
  private since = new Date().toISOString();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly onFirst: (refusal: T) => void,
    private readonly onRepeats: (repeats: TalliedRefusals<T>) => void,
    private readonly maxKeys = DEFAULT_TALLY_KEYS,
    windowMs = 60_000,
  ) {
    this.timer = setInterval(() => this.flush(), windowMs);
    this.timer.unref();
  }

  /** Counts one refusal of kind `key`. */
  record(key: string, refusal: T): void {
    if (!this.window.has(key) && this.window.size >= this.maxKeys) key = "*";
    const seen = this.window.get(key);
    if (seen) {
      seen.more++;
      return;
    }
    this.window.set(key, { first: refusal, more: 0 });
    this.onFirst(refusal);
  }

  /** Hands on the repeats of the window and starts a new one. */
  flush(): void {
    const window = this.window;
    const since = this.since;
    this.window = new Map();
    this.since = new Date().toISOString();
    for (const { first, more } of window.values()) if (more > 0) this.onRepeats({ first, more, since });
  }

  /** Flushes and stops the window timer. */
  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
