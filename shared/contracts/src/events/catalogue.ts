/**
 * The one catalogue of domain events: every type, the department that publishes it (its second
 * dotted segment) and the payload's shape. Each department's part is in its own file, used by
 * the publisher and its consumers alike. A breaking payload change gets a new version (and
 * consumers handle both until the old one is gone).
 */
import { isDepartment, type Department } from "../departments";
import type { HallEventPayloads } from "./hall.events";
import type { HospitalEventPayloads } from "./hospital.events";
import type { InsuranceEventPayloads } from "./insurance.events";
import type { LaborEventPayloads } from "./labor.events";
import type { TaxEventPayloads } from "./tax.events";

/** The payload of each event type (version 1). */
export interface EventPayloads
  extends LaborEventPayloads, InsuranceEventPayloads, TaxEventPayloads, HospitalEventPayloads, HallEventPayloads {}

/** Every event type in the catalogue. */
export type EventType = keyof EventPayloads;

/** Payload versions; the envelope carries it so a consumer can tell old from new. */
export const EVENT_VERSION = 1;

/** The department (and so the stream) an event type belongs to: its second dotted segment. */
export function departmentOf(type: string): Department {
  const department = type.split(".")[1];
  if (!isDepartment(department)) throw new Error(`event type ${type} names no department of the catalogue`);
  return department;
}
