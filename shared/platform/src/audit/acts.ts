import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import type { RequestContext } from "../context";
import { PURPOSE_HEADER } from "@onewindow/contracts";
import type { AuditRead } from "./audit-trail";
import { OneWindowError } from "../errors";
import { PLATFORM } from "../messages";

/*
 * Every act at a department goes on its audit trail, not only the reads of personal data that
 * resolvers record: each mutation (whatever its answer selects, even only `__typename`), each
 * refusal (FORBIDDEN, UNAUTHENTICATED, RATE_LIMITED) with who, what and why. Worked out from the
 * operation and its errors, so that no resolver can forget it.
 */

/** Error codes that refuse a person (as opposed to bad input or a failure). */
const REFUSALS = new Set(["FORBIDDEN", "UNAUTHENTICATED", "RATE_LIMITED"]);
/** Arguments (at any depth) that name a person: `idNumber`, `patientIdNumber`. */
const PERSON_KEY = /idNumber$/i;
/** Persons taken from one root field's arguments, at most: a representations list can be long. */
const MAX_PERSONS = 100;

/** One root field of an operation: its response key, `Type.field`, and the persons its arguments name. */
export interface RootAct {
  key: string;
  what: string;
  idNumbers: string[];
}

function personsIn(value: unknown, into: Set<string>, key?: string): void {
  if (into.size >= MAX_PERSONS) return;
  if (typeof value === "string") {
    if (key && PERSON_KEY.test(key) && value) into.add(value.slice(0, 18));
  } else if (Array.isArray(value)) {
    for (const item of value) personsIn(item, into, key);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) personsIn(v, into, k);
  }
}

function personsInNode(node: ValueNode, variables: Record<string, unknown>, into: Set<string>, key?: string): void {
  switch (node.kind) {
    case Kind.VARIABLE:
      return personsIn(variables[node.name.value], into, key);
    case Kind.STRING:
      return personsIn(node.value, into, key);
    case Kind.LIST:
      return node.values.forEach((v) => personsInNode(v, variables, into, key));
    case Kind.OBJECT:
      return node.fields.forEach((f) => personsInNode(f.value, variables, into, f.name.value));
    default:
      return;
  }
}

/** The root fields an operation selects (through fragments too), with the persons their arguments name. */
export function rootActs(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): RootAct[] {
  const type =
    operation.operation === "mutation" ? "Mutation" : operation.operation === "subscription" ? "Subscription" : "Query";
  const acts = new Map<string, RootAct>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === "__typename") continue;
        const key = selection.alias?.value ?? selection.name.value;
        const persons = new Set(acts.get(key)?.idNumbers);
        for (const arg of selection.arguments ?? []) personsInNode(arg.value, variables, persons, arg.name.value);
        acts.set(key, { key, what: `${type}.${selection.name.value}`, idNumbers: [...persons] });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          walk(fragment.selectionSet);
        }
      }
    }
  };
  walk(operation.selectionSet);
  return [...acts.values()];
}

/**
 * Mutations (`Mutation.<field>`) whose input names a person only so that the department can check
 * what the caller says of themselves, and whose purpose is the act itself: a priority queue
 * ticket taken at the hall's machine with the holder's own ID card (the age is checked, nothing
 * is kept). They need no stated purpose; they are audited like every act.
 */
export type SelfServiceActs = ReadonlySet<string>;

/**
 * A write that names a person needs a purpose like a read of them does, whatever its answer
 * selects: FORBIDDEN before anything runs, so nothing is written. Null when the operation may run.
 */
export function writeWithoutPurpose(
  ctx: Pick<RequestContext, "caller">,
  operation: OperationDefinitionNode,
  acts: RootAct[],
  selfService: SelfServiceActs = new Set(),
): GraphQLError | null {
  if (operation.operation !== "mutation" || ctx.caller.purpose) return null;
  const named = acts.find((a) => a.idNumbers.length > 0 && !selfService.has(a.what));
  if (!named) return null;
  // 200: the gateway reads it as any other answer with errors and passes the code on.
  if (ctx.caller.roles.length === 0)
    return new OneWindowError(
      "UNAUTHENTICATED",
      PLATFORM.signInToRun.with({ mutation: named.what.slice("Mutation.".length) }),
      { http: { status: 200 } },
    );
  return new OneWindowError("FORBIDDEN", PLATFORM.purposeForWrite.with({ what: named.what, header: PURPOSE_HEADER }), {
    http: { status: 200 },
  });
}

/** The code of a GraphQL error, if it has one. */
const codeOf = (error: { extensions?: Record<string, unknown> }) =>
  typeof error.extensions?.code === "string" ? error.extensions.code : "";

/**
 * The audit records of one request besides its recorded reads: one per mutation root field (its
 * outcome from the errors under it, merged into the row of the person it names when the request
 * also read them), and one per refused query field. `reads` are the request's recorded reads.
 */
export function actRecords(
  ctx: Pick<RequestContext, "caller" | "requestId" | "access"> & { clientRequestId?: string | null },
  department: string,
  operation: OperationDefinitionNode | undefined,
  acts: RootAct[],
  errors: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[],
  reads: AuditRead[],
): AuditRead[] {
  const caller = ctx.caller;
  const base = {
    requestId: ctx.requestId,
    clientRequestId: ctx.clientRequestId ?? null,
    tokenJti: caller.tokenId ?? null,
    userId: caller.userId,
    roles: caller.roles,
    purpose: caller.purpose,
    department,
  };
  // The reads are this request's own records (`access.records()`), with who, why and what
  // already in them: completed in place, a page of 50 persons is not 50 copies.
  const records: AuditRead[] = reads.map((r) =>
    Object.assign(r, { clientRequestId: base.clientRequestId, tokenJti: base.tokenJti }),
  );
  const errorOf = (key: string | undefined) =>
    errors.find((e) => (key === undefined ? !e.path?.length : e.path?.[0] === key));
  const outcomeOf = (error: ReturnType<typeof errorOf>) =>
    error
      ? {
          outcome: REFUSALS.has(codeOf(error)) ? ("refused" as const) : ("failed" as const),
          reason: `${codeOf(error) || "ERROR"}: ${error.message}`,
        }
      : { outcome: "ok" as const, reason: null };
  // An error without a path refused or failed the whole operation (the purpose rule, say).
  const whole = errorOf(undefined);
  for (const act of acts) {
    const result = outcomeOf(whole ?? errorOf(act.key));
    if (operation?.operation === "mutation") {
      const persons = act.idNumbers.length ? act.idNumbers : [null];
      for (const idNumber of persons) {
        const read = idNumber
          ? records.find((r) => r.idNumber === idNumber && !r.fields.some((f) => f.startsWith("Mutation.")))
          : undefined;
        if (read)
          Object.assign(read, { fields: [act.what, ...read.fields], ...(result.outcome === "ok" ? {} : result) });
        else records.push({ ...base, idNumber, fields: [act.what], ...result });
      }
    } else if (result.outcome === "refused") {
      records.push({ ...base, idNumber: act.idNumbers[0] ?? null, fields: [act.what], ...result });
    }
  }
  return records;
}
