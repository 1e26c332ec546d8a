/**
 * The roles of the security model (README, "Security"). A caller may hold several; anonymous callers hold
 * none. `hospital_admin` is scoped to one hospital and `citizen` to one person by their token. `admin`
 * keeps the rules a government changes by notice (a department's reference tables, such as the service
 * hall's holiday schedules) and reads no personal data.
 */
export const ROLES = [
  "window_clerk",
  "labor_officer",
  "insurance_officer",
  "tax_officer",
  "hospital_admin",
  "info_office",
  "medical_affairs",
  "analyst",
  "auditor",
  "citizen",
  "admin",
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Who is asking, as the gateway authenticated them and the subgraph verified it. */
export interface Caller {
  /** The token's subject; null for anonymous callers. */
  userId: string | null;
  roles: Role[];
  /** `hospital_admin`: the one hospital they administer. */
  hospitalCode: string | null;
  /** `citizen`: their own resident ID number. */
  idNumber: string | null;
  /** Why personal data is read (`x-access-purpose`): free text or a case id. */
  purpose: string | null;
  /** The `jti` of the caller's token, for the audit trail; absent for anonymous callers and tokens without one. */
  tokenId?: string | null;
}

export const ANONYMOUS: Caller = Object.freeze({
  userId: null,
  roles: [],
  hospitalCode: null,
  idNumber: null,
  purpose: null,
}) as Caller;

/** The header that carries the purpose of a read, from the client to the gateway. */
export const PURPOSE_HEADER = "x-access-purpose";
