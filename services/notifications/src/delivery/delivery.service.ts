import { In, LessThanOrEqual, MoreThan, type DataSource, type EntityManager } from "typeorm";
import { pagesPerPerson, type Clock, type Connection, type PageRequest } from "@onewindow/platform";
import type { ContactChannel } from "../contact/contact-channel.entity";
import { ChannelKind } from "../contact/contact.enums";
import type { ContactService } from "../contact/contact.service";
import type { MessageTemplate } from "../template/message-template.entity";
import { render, type MessageTemplateService } from "../template/message-template.service";
import type { ChannelAdapters } from "./channel-adapters";
import { Delivery } from "./delivery.entity";
import { DeliveryStatus } from "./delivery.enums";
import { maskAddress } from "./masking";
import { inQuietHours, quietHoursEnd } from "./quiet-hours";

/** Attempts before a message is FAILED: the first and five retries (30 s, 1, 2, 4, 8 min apart). */
export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 30_000;
/** How long a claimed message is left to its sender before another sender may try it (a crashed process). */
const CLAIM_MS = 120_000;
/** Due messages looked at per round: a round's memory is bounded whatever the queue's length. */
export const DELIVERY_BATCH = 50;
const HOUR_MS = 3600_000;
/**
 * The longest text kept (the column's width): a template is at most 300 characters and a
 * broadcast's values 100 each, but an event's (a posting's title, a campaign's name) are the
 * publisher's, and a notice cut short is better than a dead letter.
 */
const MAX_TEXT = 500;

/** How a round went for one message, for the log (the address masked). */
export interface DeliveryOutcome {
  id: number;
  channel: ChannelKind;
  to: string;
  status: DeliveryStatus;
  attempts: number;
  /** Why it was not sent this round: the error, quiet hours, the rate limit, the consent withdrawn. */
  note: string | null;
  /** True when this round's attempt failed (rather than being deferred). */
  failed: boolean;
}

/** What a message is made of, before it is queued for each of a person's channels. */
export interface MessageToQueue {
  idNumber: string;
  template: MessageTemplate;
  values: Readonly<Record<string, string>>;
  /** What made it (an event's id, `broadcast:<id>`): the same source queues nothing twice. */
  sourceKey: string;
  /** Not before this instant (a broadcast's schedule); default now. */
  due?: Date;
}

/** The back-off before retry `attempts` (1-based): 30 s doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), HOUR_MS);
}

/**
 * The delivery log and its queue: messages queued from events and broadcasts (only with a
 * standing consent, to the channels the person has), and the rounds that send what is due
 * through the channel adapters, with retries, quiet hours and a per-person hourly limit.
 */
export class DeliveryService {
  constructor(
    private readonly db: DataSource,
    private readonly contacts: ContactService,
    private readonly templates: MessageTemplateService,
    private readonly adapters: ChannelAdapters,
    private readonly clock: Clock,
    /** Non-urgent messages one person is sent per hour at most; more wait for the next hour. */
    private readonly perPersonHourly: number,
  ) {}

  /**
   * Queues a notice about a person's own affairs (from an event, in its inbox transaction):
   * nothing without a standing SERVICE_NOTICES consent or without a channel. Returns how many
   * messages were queued.
   */
  async notify(
    tx: EntityManager,
    idNumber: string,
    templateCode: string,
    values: Record<string, string>,
    sourceKey: string,
  ): Promise<number> {
    const template = await this.templates.get(templateCode, tx);
    if (!(await this.contacts.hasConsent(tx, idNumber, template.topic))) return 0;
    return this.queue(tx, { idNumber, template, values, sourceKey });
  }

  /**
   * Queues one message to each of the person's channels (read unless given); an existing one for
   * the same source is left alone.
   */
  async queue(tx: EntityManager, message: MessageToQueue, channels?: ContactChannel[]): Promise<number> {
    channels ??= (await this.contacts.channelsOf([message.idNumber], tx))[0];
    const text = render(message.template.body, message.values).slice(0, MAX_TEXT);
    const now = this.clock().toISOString();
    let queued = 0;
    for (const channel of channels) {
      const key = { sourceKey: message.sourceKey, idNumber: message.idNumber, channel: channel.kind };
      if (await tx.existsBy(Delivery, key)) continue;
      await tx.insert(Delivery, {
        ...key,
        address: channel.address,
        templateCode: message.template.code,
        topic: message.template.topic,
        urgent: message.template.urgent,
        subject: message.template.subject,
        text,
        status: DeliveryStatus.PENDING,
        attempts: 0,
        nextAttemptAt: (message.due ?? this.clock()).toISOString(),
        lastError: null,
        providerId: null,
        createdAt: now,
        sentAt: null,
      });
      queued++;
    }
    return queued;
  }

  /**
   * One round: sends the messages due now (at most {@link DELIVERY_BATCH}), oldest first. Each is claimed
   * before it is sent (an update that only one process wins), so replicas never send one twice;
   * a process that dies mid-send leaves the claim to expire and the message to be tried again.
   */
  async deliverDue(): Promise<DeliveryOutcome[]> {
    const now = this.clock();
    const due = await this.db.getRepository(Delivery).find({
      where: {
        status: In([DeliveryStatus.PENDING, DeliveryStatus.HELD]),
        nextAttemptAt: LessThanOrEqual(now.toISOString()),
      },
      order: { nextAttemptAt: "ASC", id: "ASC" },
      take: DELIVERY_BATCH,
    });
    const outcomes: DeliveryOutcome[] = [];
    for (const d of due) {
      const outcome = await this.deliverOne(d, now);
      if (outcome) outcomes.push(outcome);
    }
    return outcomes;
  }

  private async deliverOne(d: Delivery, now: Date): Promise<DeliveryOutcome | null> {
    const adapter = this.adapters[d.channel];
    // Unconfigured channel: the message waits for a deployment that has one.
    if (!adapter) return null;
    const repo = this.db.getRepository(Delivery);
    const outcome = (status: DeliveryStatus, note: string | null, attempts = d.attempts): DeliveryOutcome => ({
      id: d.id,
      channel: d.channel,
      to: maskAddress(d.channel, d.address),
      status,
      attempts,
      note,
      failed: attempts > d.attempts && status !== DeliveryStatus.SENT,
    });
    // Each update names the state it read: a replica that changed it first wins, this one skips.
    const claim = { id: d.id, status: d.status, attempts: d.attempts, nextAttemptAt: d.nextAttemptAt };
    if (!(await this.contacts.hasConsent(this.db.manager, d.idNumber, d.topic))) {
      const { affected } = await repo.update(claim, {
        status: DeliveryStatus.CANCELLED,
        lastError: "consent withdrawn",
      });
      return affected ? outcome(DeliveryStatus.CANCELLED, "consent withdrawn") : null;
    }
    if (!d.urgent && d.channel === ChannelKind.SMS && inQuietHours(now)) {
      const until = quietHoursEnd(now).toISOString();
      const { affected } = await repo.update(claim, { status: DeliveryStatus.HELD, nextAttemptAt: until });
      return affected ? outcome(DeliveryStatus.HELD, `quiet hours until ${until}`) : null;
    }
    if (!d.urgent) {
      const sentInHour = await repo.find({
        select: { sentAt: true },
        where: { idNumber: d.idNumber, sentAt: MoreThan(new Date(now.getTime() - HOUR_MS).toISOString()) },
        order: { sentAt: "ASC" },
        take: this.perPersonHourly,
      });
      if (sentInHour.length >= this.perPersonHourly) {
        const until = new Date(new Date(sentInHour[0].sentAt!).getTime() + HOUR_MS).toISOString();
        const { affected } = await repo.update(claim, { status: DeliveryStatus.PENDING, nextAttemptAt: until });
        return affected ? outcome(DeliveryStatus.PENDING, `rate limit until ${until}`) : null;
      }
    }
    const attempts = d.attempts + 1;
    const { affected } = await repo.update(claim, {
      attempts,
      nextAttemptAt: new Date(now.getTime() + CLAIM_MS).toISOString(),
    });
    if (!affected) return null;
    const claimed = { id: d.id, attempts };
    try {
      const providerId = await adapter.send({
        to: d.address,
        subject: d.subject,
        text: d.text,
        reference: `notify-${d.id}`,
      });
      await repo.update(claimed, {
        status: DeliveryStatus.SENT,
        sentAt: this.clock().toISOString(),
        providerId,
        lastError: null,
      });
      return outcome(DeliveryStatus.SENT, null, attempts);
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 200);
      const failed = attempts >= MAX_ATTEMPTS;
      await repo.update(claimed, {
        status: failed ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
        lastError: error,
      });
      return outcome(failed ? DeliveryStatus.FAILED : DeliveryStatus.PENDING, error, attempts);
    }
  }

  /** One page of each person's messages, newest first. */
  pagesFor(idNumbers: readonly string[], page: PageRequest): Promise<Connection<Delivery>[]> {
    return pagesPerPerson(this.db.getRepository(Delivery), "created_at", idNumbers, page);
  }
}
