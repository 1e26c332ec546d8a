/**
 * The NATS JetStream adapter of the event backbone, behind its own entry so that code which
 * only writes outbox rows does not load the NATS client.
 */
export {
  NatsEventBus,
  StreamNotYetCreated,
  inboxPrefixOf,
  replicasForCluster,
  type EventBusOptions,
} from "./nats-event-bus";
export { OutboxRelay, envelopeOf } from "./outbox-relay";
export { EventConsumer, type ConsumerOptions } from "./event-consumer";
export { startEventing, loadEventTrust, type Eventing, type EventTrust } from "./eventing";
export { AuditHeadRelay, auditStreamName, auditSubject, ensureAuditStream, readPublishedHeads } from "./audit-stream";
