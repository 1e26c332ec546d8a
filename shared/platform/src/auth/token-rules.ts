import { ROLES, type Role } from "@onewindow/contracts";
import type { LocalizedText } from "@onewindow/contracts/i18n";
import { PLATFORM } from "../messages";

/**
 * Roles that read personal data somewhere in OneWindow (a department's `personalDataReaders`,
 * a hospital's patient records or prescriber statistics, a citizen's own records). An auditor
 * checks what these roles did, so one token never holds both: whoever reads the trail must not
 * be the one whose reads it records. Every role but the analyst (aggregates only) and the
 * auditor themselves.
 */
export const PERSONAL_DATA_ROLES: readonly Role[] = ROLES.filter((role) => role !== "analyst" && role !== "auditor");

/** Roles scoped to one hospital: their token must name it. */
export const HOSPITAL_ROLES: readonly Role[] = ["hospital_admin", "info_office", "medical_affairs"];

/**
 * What is wrong with a token's roles and scope, or null: `auditor` together with a role that
 * reads personal data, a hospital role without its hospital, a citizen without their ID number.
 * The gateway refuses such a token (UNAUTHENTICATED) and `npm run token` will not make one.
 */
export function tokenRolesProblem(claims: {
  roles: readonly Role[];
  hospitalCode: string | null;
  idNumber: string | null;
}): LocalizedText | null {
  const { roles } = claims;
  const readers = roles.filter((r) => PERSONAL_DATA_ROLES.includes(r));
  if (roles.includes("auditor") && readers.length > 0)
    return PLATFORM.auditorWithReader.with({ roles: readers.join(", ") });
  const unscoped = roles.find((r) => HOSPITAL_ROLES.includes(r));
  if (unscoped && !claims.hospitalCode)
    return PLATFORM.hospitalTokenScope.with({ article: /^[aeiou]/.test(unscoped) ? "an" : "a", role: unscoped });
  if (roles.includes("citizen") && !claims.idNumber) return PLATFORM.citizenTokenScope;
  return null;
}
