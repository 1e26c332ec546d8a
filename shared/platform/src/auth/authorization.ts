import type { AuthChecker } from "type-graphql";
import { getNamedType, isObjectType, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { AuditRead } from "../audit/audit-trail";
import { ForbiddenError, RateLimitedError, UnauthenticatedError } from "../errors";
import { checkIdNumber } from "../validation/id-number";
import type { PersonReadCap } from "./read-cap";
import { PURPOSE_HEADER, type Caller, type Role } from "@onewindow/contracts";
import { selectedFields } from "./selected-fields";
import { departmentPart, type LocalizedText } from "@onewindow/contracts/i18n";
import { PLATFORM } from "../messages";

/** What the auth checker and the personal-data guard need from a request's context. */
export interface AuthContext {
  caller: Caller;
  access: PersonalDataAccess;
}

/**
 * Refuses an act, named in both languages from the department's catalogue (`PLATFORM.actRun`
 * and the like): UNAUTHENTICATED for anonymous callers (sign in), FORBIDDEN for the others,
 * naming the caller's roles.
 */
export function refuse(caller: Caller, act: LocalizedText): never {
  const what = { zh: act.zh, en: act.en };
  if (caller.roles.length === 0) throw new UnauthenticatedError(PLATFORM.signIn.with({ what }));
  throw new ForbiddenError(PLATFORM.roleMayNot.with({ roles: caller.roles.join(", "), what }));
}

/**
 * The auth checker of every subgraph: `@Authorized("window_clerk", …)` lets in a caller holding
 * any of the roles named; anyone else gets a FORBIDDEN (or, anonymous, UNAUTHENTICATED) error
 * naming the field. Fields without `@Authorized` are public.
 */
export const authChecker: AuthChecker<AuthContext, Role> = ({ context, info }, roles) => {
  const caller = context.caller;
  if (roles.some((role) => caller.roles.includes(role))) return true;
  const act =
    info.parentType.name === "Mutation"
      ? PLATFORM.actRun.with({ field: info.fieldName })
      : PLATFORM.actRead.with({ type: info.parentType.name, field: info.fieldName });
  return refuse(caller, act);
};

/** True when the caller holds one of `roles`. */
export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return roles.some((role) => caller.roles.includes(role));
}

/**
 * A department's rule for the personal data of citizens it holds, and the reads of one request:
 * who may read any citizen (`readers`), that a `citizen` reads only their own records, that every
 * read states a purpose, and what was read, for the audit trail.
 */
export class PersonalDataAccess {
  /** Person (null: no single person) → what was read or done. */
  private readonly reads = new Map<string | null, Set<string>>();
  /** The fields each field of the request selects, by type (see `fieldsRead`). */
  private readonly selections = new WeakMap<readonly FieldNode[], Map<string, string[]>>();

  /** `cap`: the department's count of distinct persons each user reads per hour (none: uncapped). */
  constructor(
    private readonly caller: Caller,
    private readonly department: string,
    private readonly readers: readonly Role[],
    private readonly requestId: string,
    private readonly cap?: PersonReadCap,
  ) {}

  /** True when the caller may see `idNumber`'s data unmasked: a reader, or that citizen. */
  maySee(idNumber: string): boolean {
    return (
      hasRole(this.caller, ...this.readers) || (hasRole(this.caller, "citizen") && this.caller.idNumber === idNumber)
    );
  }

  /**
   * Checks that the caller may read the fields of `typeName` (default Citizen) that the current
   * field selects for each of `idNumbers`, and records the reads. Selecting no such field (only a
   * `totalCount`) reads nothing personal.
   */
  read(idNumbers: readonly string[], info: GraphQLResolveInfo, typeName = "Citizen"): void {
    if (idNumbers.length === 0) return;
    const fields = this.fieldsRead(info, typeName);
    if (fields.length === 0) return;
    this.readFields(idNumbers, fields, `${typeName}.${fields[0].slice(fields[0].indexOf(".") + 1)}`);
  }

  /**
   * The fields of `typeName` the current field selects, as the trail names them: worked out once
   * per field of the request, not once per person (`_entities` resolves a page of 50 persons
   * through one field).
   */
  private fieldsRead(info: GraphQLResolveInfo, typeName: string): string[] {
    let byType = this.selections.get(info.fieldNodes);
    if (!byType) this.selections.set(info.fieldNodes, (byType = new Map<string, string[]>()));
    let fields = byType.get(typeName);
    if (!fields)
      byType.set(
        typeName,
        (fields = selectedFields(info, typeName).map((f) => (typeName === "Citizen" ? f : `${typeName}.${f}`))),
      );
    return fields;
  }

  /**
   * Before a list of persons is queried: selecting anything of it but `totalCount` (its `edges`,
   * their `node` and `cursor`, its `pageInfo`) reads the persons on the page, so it needs a role
   * that may read them and a purpose. Checked before the query, so that an empty page answers
   * a caller who may only count the same as a full one. `totalCount` alone reads nobody.
   */
  listing(info: GraphQLResolveInfo): void {
    const listed = listFields(info);
    if (listed.length === 0) return;
    if (!hasRole(this.caller, ...this.readers, "citizen")) {
      refuse(
        this.caller,
        PLATFORM.actReadList.with({ field: listed[0]!, department: departmentPart(this.department) }),
      );
    }
    this.requirePurpose();
  }

  /**
   * The read of one page of a list of persons (after {@link listing}): each person on it, for
   * the `typeName` fields selected and the list's own (`CitizenConnection.edges`, `….pageInfo`).
   */
  readPage(idNumbers: readonly string[], info: GraphQLResolveInfo, typeName: string): void {
    const listed = listFields(info);
    if (idNumbers.length === 0 || listed.length === 0) return;
    const fields = selectedFields(info, typeName).map((f) => (typeName === "Citizen" ? f : `${typeName}.${f}`));
    this.readFields(idNumbers, [...fields, ...listed], listed[0]);
  }

  private requirePurpose(): void {
    if (!this.caller.purpose) {
      throw new ForbiddenError(PLATFORM.purposeForRead.with({ header: PURPOSE_HEADER }));
    }
  }

  private readFields(idNumbers: readonly string[], fields: readonly string[], first: string): void {
    for (const idNumber of idNumbers) {
      if (!this.maySee(idNumber)) {
        refuse(
          this.caller,
          hasRole(this.caller, "citizen")
            ? PLATFORM.actReadOthers
            : PLATFORM.actReadPersonalData.with({ field: first, department: departmentPart(this.department) }),
        );
      }
    }
    this.requirePurpose();
    const cap = this.cap?.admit(this.caller, idNumbers);
    if (cap != null) {
      // The audit plugin records the refusal, as it does every refusal.
      throw new RateLimitedError(PLATFORM.hourlyPersonCap.with({ cap, department: departmentPart(this.department) }));
    }
    for (const idNumber of idNumbers) {
      const seen = this.reads.get(idNumber) ?? new Set<string>();
      fields.forEach((f) => seen.add(f));
      this.reads.set(idNumber, seen);
    }
  }

  /**
   * A mutation's answer is a read of the record of the person its input names: checked (and
   * recorded) before the write, so that a refused read changes nothing. An invalid ID number is
   * left to the service, which refuses it before anything is read.
   */
  readBeforeWrite(idNumber: string, info: GraphQLResolveInfo, typeName: string): void {
    const id = checkIdNumber(idNumber);
    if (!("problem" in id)) this.read([id.idNumber], info, typeName);
  }

  /**
   * Records an act that needs no purpose but must be on the trail all the same (an auditor
   * reading the trail): `what` about `idNumber`, or about no single person.
   */
  recordAct(idNumber: string | null, what: string): void {
    const seen = this.reads.get(idNumber) ?? new Set<string>();
    seen.add(what);
    this.reads.set(idNumber, seen);
  }

  /** The reads of this request, one audit record per citizen. */
  records(): AuditRead[] {
    return [...this.reads].map(([idNumber, fields]) => ({
      requestId: this.requestId,
      userId: this.caller.userId,
      roles: this.caller.roles,
      purpose: this.caller.purpose,
      idNumber,
      department: this.department,
      fields: [...fields].sort(),
    }));
  }
}

/**
 * The fields of the connection the current field returns that say anything about its items:
 * everything but `totalCount` (and `__typename`), named by the connection type
 * (`CitizenConnection.edges`). Empty when the field does not return a connection.
 */
export function listFields(info: GraphQLResolveInfo): string[] {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type) || !type.getFields().edges) return [];
  const found = new Set<string>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === "Field") {
        const name = selection.name.value;
        if (name !== "totalCount" && name !== "__typename") found.add(`${type.name}.${name}`);
      } else if (selection.kind === "InlineFragment") {
        walk(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        walk(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return [...found].sort();
}
