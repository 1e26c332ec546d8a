/**
 * The departments of OneWindow, written once: the segment that names each one's events (and its
 * JetStream stream, NATS user and keys) and the service that owns them.
 */
export const DEPARTMENTS = [
  { segment: "labor", service: "labor-security" },
  { segment: "insurance", service: "medical-insurance" },
  { segment: "tax", service: "tax" },
  { segment: "hospital", service: "hospital-quality" },
  { segment: "hall", service: "service-hall" },
  { segment: "notify", service: "notifications" },
] as const;

/** A department by its event segment. */
export type Department = (typeof DEPARTMENTS)[number]["segment"];

/** A department's service (its package name without the scope, its process name). */
export type DepartmentService = (typeof DEPARTMENTS)[number]["service"];

/**
 * The service that owns each department's events: the only one whose NATS credentials may
 * publish under `<prefix>.<department>.>` and whose key must have signed them (an event of
 * another `source` is refused by every consumer).
 */
export const EVENT_PUBLISHERS: Readonly<Record<Department, DepartmentService>> = Object.freeze(
  Object.fromEntries(DEPARTMENTS.map((d) => [d.segment, d.service])) as Record<Department, DepartmentService>,
);

/** True for a department's event segment. */
export function isDepartment(value: string): value is Department {
  return DEPARTMENTS.some((d) => d.segment === value);
}
