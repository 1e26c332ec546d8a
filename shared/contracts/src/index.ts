/**
 * What the departments and the gateway agree on: the departments, the events each publishes and
 * their payloads, the roles of the security model and the error codes clients branch on. Types
 * and constants only; it loads nothing. The demo population every department's seed agrees on
 * is behind the separate entry `@onewindow/contracts/demo`.
 */
export { DEPARTMENTS, EVENT_PUBLISHERS, isDepartment, type Department, type DepartmentService } from "./departments";
export { ERROR_CODES, type ErrorCode } from "./errors";
export { AssistanceCategory, ASSISTANCE_CATEGORY_ENUM } from "./assistance-category";
export {
  LaborInspectionKind,
  LABOR_INSPECTION_KIND_ENUM,
  LaborInspectionStatus,
  LABOR_INSPECTION_STATUS_ENUM,
  MediationStatus,
  MEDIATION_STATUS_ENUM,
  MediationOutcome,
  MEDIATION_OUTCOME_ENUM,
} from "./dispute-enums";
export { ROLES, ANONYMOUS, PURPOSE_HEADER, isRole, type Role, type Caller } from "./roles";
export { EVENT_VERSION, departmentOf, type EventPayloads, type EventType } from "./events/catalogue";
export { LaborEvents, type LaborEventPayloads } from "./events/labor.events";
export { InsuranceEvents, type InsuranceEventPayloads } from "./events/insurance.events";
export { TaxEvents, type TaxEventPayloads } from "./events/tax.events";
export { HospitalEvents, type HospitalEventPayloads } from "./events/hospital.events";
export {
  HallEvents,
  type HallEventPayloads,
  type CaseTaskDepartment,
  type HallTicketEvent,
  type HallAppointmentEvent,
  type HallInspectionEvent,
  type HallMediationEvent,
} from "./events/hall.events";
export { NotifyEvents } from "./events/notify.events";
