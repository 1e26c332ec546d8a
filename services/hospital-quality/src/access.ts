import type { GraphQLResolveInfo } from "graphql";
import { type Caller, type Role } from "@onewindow/contracts";
import type { Message } from "@onewindow/contracts/i18n";
import { maskIdNumber, refuse, selectedFields, type RequestContext } from "@onewindow/platform";

/*
 * Who may do what in hospital quality: the role sets, the hospital a caller reaches, and how a
 * record's patient is shown.
 */

/** Who reads a hospital's quality metrics and the departments its records name. */
export const METRIC_READERS: Role[] = ["analyst", "hospital_admin", "info_office", "medical_affairs"];

/**
 * Who reads a hospital's record lists (the follow-up worklist): the hospital's own offices, not
 * analysts, who get aggregates only.
 */
export const RECORD_READERS: Role[] = ["hospital_admin", "info_office", "medical_affairs"];

/** Who records visits, stays, calls and evaluations, and registers a hospital: its administrator. */
export const RECORD_WRITERS: Role[] = ["hospital_admin"];

/** Roles whose token may name one hospital; without one they work for every hospital. */
const OFFICES: readonly Role[] = ["info_office", "medical_affairs"];

/**
 * True when one of the caller's `roles` reaches `hospitalCode`: `hospital_admin` only the
 * hospital its token names (none named: no hospital at all); `info_office` and
 * `medical_affairs` the hospital their token names, or every hospital when it names none; any
 * other role (`analyst`, `auditor`) every hospital.
 */
export function reachesHospital(caller: Caller, hospitalCode: string, roles: readonly Role[]): boolean {
  const own = caller.hospitalCode?.trim().toUpperCase() ?? null;
  return roles.some((role) => {
    if (!caller.roles.includes(role)) return false;
    if (role === "hospital_admin") return own === hospitalCode;
    if (OFFICES.includes(role)) return own === null || own === hospitalCode;
    return true;
  });
}

/**
 * Refuses (FORBIDDEN, or UNAUTHENTICATED for anonymous callers) unless one of the caller's
 * `roles` reaches `hospitalCode` (see {@link reachesHospital}). `act` (HOSPITAL_ACT) names what
 * was refused, with a `{hospital}` placeholder.
 */
export function requireHospitalScope(caller: Caller, hospitalCode: string, roles: readonly Role[], act: Message): void {
  if (!reachesHospital(caller, hospitalCode, roles)) refuse(caller, act.with({ hospital: hospitalCode }));
}

/**
 * A record's patient ID number as this caller may see it. Hospital quality names no reader of
 * personal data (index.ts), so offices and administrators see it masked (`330182********0127`):
 * enough to tell records apart, not enough to know the patient.
 */
export function shownPatient(ctx: RequestContext, idNumber: string | null): string | null {
  if (!idNumber) return null;
  return ctx.access.maySee(idNumber) ? idNumber : maskIdNumber(idNumber);
}

/**
 * For root fields returning records of `typeName`: the patients the caller would see unmasked
 * are personal-data reads when the selection asks for `patientIdNumber`, so they pass the
 * purpose rule and go to the audit trail; masked ones are not reads of the person.
 */
export function auditShownPatients(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  typeName: string,
  idNumbers: readonly (string | null)[],
): void {
  if (!selectedFields(info, typeName).includes("patientIdNumber")) return;
  const unmasked = idNumbers.filter((id): id is string => !!id && ctx.access.maySee(id));
  ctx.access.read(unmasked, info, typeName);
}
