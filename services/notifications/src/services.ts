import type { DataSource } from "typeorm";
import { readInt, systemClock, type Clock } from "@onewindow/platform";
import { BroadcastService } from "./broadcast/broadcast.service";
import { ContactService } from "./contact/contact.service";
import { adaptersFromEnv, type ChannelAdapters } from "./delivery/channel-adapters";
import { DeliveryService } from "./delivery/delivery.service";
import { MessageTemplateService } from "./template/message-template.service";

/** Every service of the department, wired to one data source, one clock and the channel adapters. */
export interface Services {
  contacts: ContactService;
  templates: MessageTemplateService;
  deliveries: DeliveryService;
  broadcasts: BroadcastService;
  /** The adapters in use (closed when the process stops). */
  adapters: ChannelAdapters;
}

/** What tests may replace: the clock, the adapters (default: those the environment configures), the hourly limit. */
export interface ServiceOptions {
  clock?: Clock;
  adapters?: ChannelAdapters;
  /** Non-urgent messages per person and hour (default `NOTIFY_MAX_PER_HOUR`, else 5). */
  perPersonHourly?: number;
}

export function createServices(db: DataSource, options: ServiceOptions = {}): Services {
  const clock = options.clock ?? systemClock;
  const adapters = options.adapters ?? adaptersFromEnv();
  const perPersonHourly = options.perPersonHourly ?? readInt(process.env, "NOTIFY_MAX_PER_HOUR", 5, 1, 1000);
  const contacts = new ContactService(db, clock);
  const templates = new MessageTemplateService(db, clock);
  const deliveries = new DeliveryService(db, contacts, templates, adapters, clock, perPersonHourly);
  return {
    contacts,
    templates,
    deliveries,
    broadcasts: new BroadcastService(db, contacts, templates, deliveries, clock),
    adapters,
  };
}
