import type { Logger } from "@onewindow/platform";
import { DeliveryStatus } from "./delivery.enums";
import { DELIVERY_BATCH, type DeliveryService } from "./delivery.service";

/**
 * Runs delivery rounds in the department's process: one every `intervalMs`, and at once again
 * while a round found a full batch. Each round's outcomes are logged with the address masked.
 */
export class DeliveryLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly deliveries: DeliveryService,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops after the round in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round().then((again) => this.schedule(again ? 0 : this.intervalMs));
    }, ms);
    this.timer.unref();
  }

  /** True when the round was busy, so the next may start at once. */
  private async round(): Promise<boolean> {
    try {
      const outcomes = await this.deliveries.deliverDue();
      for (const o of outcomes) {
        const fields = { delivery: o.id, channel: o.channel, to: o.to, status: o.status, attempts: o.attempts };
        if (o.status === DeliveryStatus.SENT) this.logger.info(fields, "message sent");
        // A failure is worth a look; a message held for quiet hours, the hourly limit or a withdrawn consent is not.
        else if (o.failed) this.logger.warn({ ...fields, note: o.note }, "message not sent");
        else this.logger.info({ ...fields, note: o.note }, "message deferred");
      }
      return outcomes.length >= DELIVERY_BATCH;
    } catch (err) {
      this.logger.error({ err }, "delivery round failed");
      return false;
    }
  }
}
