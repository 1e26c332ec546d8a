import type { GraphQLResolveInfo } from "graphql";
import { maskIdNumber, selectedFields, type RequestContext } from "@onewindow/platform";

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
