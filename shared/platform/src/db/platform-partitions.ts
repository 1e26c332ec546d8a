import type { PartitionedTable } from "./partitions";

/**
 * The shared tables every department's PostgreSQL database keeps partitioned (docs/adr/0011):
 * the outbox and the inbox by month, dropped after their retention (an outbox row only once it
 * was published), the audit trail by year and never dropped.
 */
export const PLATFORM_PARTITIONS: readonly PartitionedTable[] = [
  { table: "outbox_event", column: "occurred_at", interval: "month", expires: { keepWhile: "sent_at IS NULL" } },
  // By the event's own time, not when it was applied: a redelivery carries the same time, so the
  // key (id, occurred_at) still refuses the second of two concurrent deliveries.
  { table: "inbox_event", column: "occurred_at", interval: "month", expires: {} },
  { table: "audit_entry", column: "at", interval: "year" },
];
