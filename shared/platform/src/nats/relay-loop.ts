import type { Logger } from "../logger";
import type { NatsEventBus } from "./nats-event-bus";

// Commits wake a relay; the poll only catches rows written by another process (a replay).
const IDLE_POLL_MS = 30_000;
const MAX_BACKOFF_MS = 5000;

/**
 * The loop of a relay from a table of the department's database to JetStream (the outbox, the
 * audit heads): drain a batch, sleep until nudged after a commit or until the slow poll; while
 * NATS is unreachable, back off and retry, so rows wait and go out when it returns.
 */
export abstract class RelayLoop {
  protected running = false;
  private wake: (() => void) | null = null;
  private nudged = false;
  private done: Promise<void> = Promise.resolve();

  /** `what` names the relay in its log lines. */
  constructor(
    protected readonly bus: NatsEventBus,
    protected readonly logger: Logger,
    private readonly what: string,
  ) {}

  /** Publishes one batch of pending rows; returns how many went out. */
  protected abstract drain(): Promise<number>;

  start(): void {
    this.running = true;
    this.done = this.loop();
  }

  /** Asks the relay to look for new rows now. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.done;
  }

  private async loop(): Promise<void> {
    let backoff = 100;
    let failing = false;
    while (this.running) {
      if (!this.bus.connected) {
        // The bus reports the outage itself; rows wait in their table meanwhile.
        await this.sleep(250);
        continue;
      }
      let published: number;
      try {
        published = await this.drain();
        if (failing) this.logger.info(`${this.what}: publishing again`);
        failing = false;
        backoff = 100;
      } catch (err) {
        if (!failing)
          this.logger.warn({ err: (err as Error).message }, `${this.what}: cannot publish; retrying with backoff`);
        failing = true;
        await this.sleep(backoff);
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        continue;
      }
      if (published === 0) await this.sleep(IDLE_POLL_MS);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.nudged) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        this.nudged = false;
        resolve();
      };
    });
  }
}
