/**
 * The events notifications publishes: none yet. The department consumes the others' events and
 * sends messages; its segment is in `DEPARTMENTS` so that its NATS user and keys exist.
 */
export const NotifyEvents = {} as const;
