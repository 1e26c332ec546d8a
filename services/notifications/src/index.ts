import "reflect-metadata";
import type { SubgraphDefinition } from "@onewindow/platform";
import { PERSONAL_DATA_READERS } from "./access";
import { Broadcast } from "./broadcast/broadcast.entity";
import { Consent } from "./contact/consent.entity";
import { ContactChannel } from "./contact/contact-channel.entity";
import { Delivery } from "./delivery/delivery.entity";
import { noticeHandlers } from "./handlers/notice.handlers";
import { NotificationsInitial1765100000601 } from "./migrations/1765100000601-initial.migration";
import { TicketNearTemplate1765100000602 } from "./migrations/1765100000602-ticket-near-template.migration";
import { buildNotificationsSchema } from "./schema";
import { createServices, type Services } from "./services";
import { MessageTemplate } from "./template/message-template.entity";

export {
  Broadcast,
  Consent,
  ContactChannel,
  Delivery,
  MessageTemplate,
  NotificationsInitial1765100000601,
  TicketNearTemplate1765100000602,
};
export { ChannelKind, ConsentTopic } from "./contact/contact.enums";
export { DeliveryStatus } from "./delivery/delivery.enums";
export { maskAddress } from "./delivery/masking";
export { inQuietHours, quietHoursEnd } from "./delivery/quiet-hours";
export {
  signSmsRequest,
  SMS_SIGNATURE_HEADER,
  SMS_TIMESTAMP_HEADER,
  SMS_KEY_ID_HEADER,
  type ChannelAdapter,
  type ChannelAdapters,
} from "./delivery/channel-adapters";
export { SmsSimulator, type ReceivedSms } from "./dev/sms-simulator";
export { SmtpSink, type ReceivedMail } from "./dev/smtp-sink";
export { outboxPage } from "./dev/outbox-page";
export { seedNotificationsDemo, type SeedNotificationsDemoOptions } from "./seed/demo-data.seed";
export { NOTIFICATIONS } from "./messages";
export type { Services as NotificationsServices };

/**
 * The notifications department as a subgraph: extends `Citizen` with contact channels, consents
 * and messages; sends SMS and e-mail on other departments' events and broadcasts.
 * (`satisfies`: its type keeps the options its services take, which its tests pass.)
 */
export const notifications = {
  name: "notifications",
  defaultPort: 4006,
  entities: [ContactChannel, Consent, MessageTemplate, Delivery, Broadcast],
  migrations: [NotificationsInitial1765100000601, TicketNearTemplate1765100000602],
  personalDataReaders: PERSONAL_DATA_READERS,
  createServices,
  buildSchema: buildNotificationsSchema,
  eventHandlers: noticeHandlers,
} satisfies SubgraphDefinition<Services>;
