import type { GraphQLResolveInfo, GraphQLSchema } from "graphql";
import { hasRole, refuse } from "../auth/authorization";
import type { RequestContext } from "../context";
import { pageRequest, toConnection } from "../pagination";
import { parseIdNumber } from "../validation/id-number";
import { PLATFORM } from "../messages";
import type { AuditEntry } from "./audit-entry.entity";

/*
 * The audit trail in the public schema. Every department holds its own trail, so the trail types
 * are entities keyed by `scope` to which each department adds one field under its own name
 * (`laborSecurity`, `medicalInsurance` …); one department serves the root fields. Written as SDL
 * rather than type-graphql classes: type-graphql keeps field resolvers in one global registry, so
 * five departments' fields on one class would leak into each other's schemas.
 */

/** `labor-security` → `laborSecurity`: the department's field on the trail types. */
export function departmentField(department: string): string {
  return department.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

const SHARED_TYPES = `
"""One act at a department, as it recorded it: a read of a citizen's personal data, a use of a special access grant, a mutation, a read of the trail, or a refusal."""
type AuditRecord @shareable {
  """Position in the department's chain, from 1."""
  id: Int!
  """When it was read (ISO 8601)."""
  at: String!
  """Who read it: the token's subject."""
  userId: String
  """The reader's roles."""
  roles: [String!]!
  """The purpose the reader stated (x-access-purpose)."""
  purpose: String
  """Whose data was read; null for reads about no single person."""
  idNumber: ID
  """The department that served the read."""
  department: String!
  """What was read: field names, or the operation."""
  fields: [String!]!
  """The request, as in the logs: the id the gateway issued."""
  requestId: String!
  """The id the client sent in x-request-id, if any."""
  clientRequestId: String
  """The id (jti) of the caller's token, when it had one."""
  tokenJti: String
  """ok (served), failed (bad input, not found …) or refused; null on records written before outcomes were kept."""
  outcome: String
  """Why it was refused or failed: the error's code and message."""
  reason: String
}

"""One audit record in a page."""
type AuditRecordEdge @shareable {
  """Opaque position of this item; pass it as \`after\` to continue after it."""
  cursor: String!
  """The audit record."""
  node: AuditRecord!
}

"""A page of audit records, newest first."""
type AuditRecordConnection @shareable {
  """The audit records on this page."""
  edges: [AuditRecordEdge!]!
  """Paging information."""
  pageInfo: PageInfo!
  """Number of audit records in the whole list, across all pages."""
  totalCount: Int!
}

"""The result of re-computing one department's hash chain."""
type AuditChainCheck @shareable {
  """True when every row is as it was written and none is missing."""
  ok: Boolean!
  """Rows that checked out before the first broken one (or all)."""
  checked: Int!
  """The first row that was altered, removed or inserted; null when ok."""
  brokenAt: Int
  """What is wrong at that row."""
  reason: String
  """The newest row covered by a head the department signed (checked against the heads it published to NATS, which cannot be deleted); rows after it are left for the next check."""
  signedHead: Int
}
`;

const PAGE_INFO = `
"""Where this page sits in the whole list."""
type PageInfo @shareable {
  """True when more items follow this page."""
  hasNextPage: Boolean!
  """True when items precede this page."""
  hasPreviousPage: Boolean!
  """Cursor of the first item on this page."""
  startCursor: String
  """Cursor of the last item; pass it as \`after\` for the next page."""
  endCursor: String
}
`;

const ROOT = `
extend type Query {
  """Who read a citizen's personal data, when and why: a citizen sees their own (idNumber may be left out); an auditor any, or all."""
  auditTrail(
    """Whose reads: a resident ID number. Left out: the caller's own (citizen) or all (auditor)."""
    idNumber: ID
  ): AuditTrails!
  """Re-computes every department's audit chain and reports the first broken row of each (auditor)."""
  verifyAuditTrail: AuditVerification!
}
`;

/** The SDL a department adds to its subgraph schema; `schema` is what it already has. */
export function auditTypeDefs(department: string, root: boolean, schema: GraphQLSchema): string {
  const field = departmentField(department);
  return `
"""The audit trails of the departments: every read of a citizen's personal data, hash-chained per department."""
type AuditTrails @key(fields: "scope") {
  """\`*\` for every read, or the resident ID number whose reads these are."""
  scope: ID!
  """Reads of personal data served by ${department}, newest first (auditor; a citizen for their own)."""
  ${field}(
    """Page size (default 20, at most 100)."""
    first: Int
    """Cursor after which the page starts."""
    after: String
  ): AuditRecordConnection!
}

"""Each department's audit chain, checked."""
type AuditVerification @key(fields: "scope") {
  """Always \`*\`: every chain is checked whole."""
  scope: ID!
  """${department}'s chain, re-computed from its first row (auditor)."""
  ${field}: AuditChainCheck!
}
${SHARED_TYPES}${schema.getType("PageInfo") ? "" : PAGE_INFO}${root ? ROOT : ""}`;
}

const toRecord = (row: AuditEntry) => ({
  ...row,
  roles: row.roles ? row.roles.split(",") : [],
  fields: row.fields ? row.fields.split(",") : [],
});

/** An auditor sees every trail; a citizen only the reads of their own data. */
function checkScope(ctx: RequestContext, scope: string): void {
  if (hasRole(ctx.caller, "auditor")) return;
  if (hasRole(ctx.caller, "citizen") && scope === ctx.caller.idNumber) return;
  refuse(ctx.caller, scope === "*" ? PLATFORM.actReadWholeTrail : PLATFORM.actReadOthersTrail);
}

/** The resolvers that go with {@link auditTypeDefs}. */
export function auditResolvers(department: string, root: boolean): Record<string, Record<string, unknown>> {
  const field = departmentField(department);
  const scoped = { __resolveReference: (ref: { scope: string }) => ({ scope: ref.scope }) };
  const resolvers: Record<string, Record<string, unknown>> = {
    AuditTrails: {
      ...scoped,
      [field]: async (
        trails: { scope: string },
        args: { first?: number | null; after?: string | null },
        ctx: RequestContext,
        info: GraphQLResolveInfo,
      ) => {
        checkScope(ctx, trails.scope);
        // Reading the trail is itself an act on the record.
        ctx.access.recordAct(trails.scope === "*" ? null : trails.scope, `AuditTrails.${field}`);
        const page = pageRequest(args.first, args.after, ctx.cursors.forField(info, trails.scope));
        const { rows, total } = await ctx.trail.list(
          trails.scope === "*" ? null : trails.scope,
          page.offset,
          page.limit,
        );
        return toConnection(rows.map(toRecord), total, page);
      },
    },
    AuditVerification: {
      ...scoped,
      [field]: (_: unknown, __: unknown, ctx: RequestContext) => {
        if (!hasRole(ctx.caller, "auditor")) refuse(ctx.caller, PLATFORM.actVerifyTrail);
        ctx.access.recordAct(null, `AuditVerification.${field}`);
        return ctx.trail.verify();
      },
    },
  };
  if (root) {
    resolvers.Query = {
      auditTrail: (_: unknown, { idNumber }: { idNumber?: string | null }, ctx: RequestContext) => {
        const scope = idNumber
          ? parseIdNumber(idNumber, "idNumber").idNumber
          : hasRole(ctx.caller, "auditor")
            ? "*"
            : (ctx.caller.idNumber ?? "*");
        checkScope(ctx, scope);
        return { scope };
      },
      verifyAuditTrail: (_: unknown, __: unknown, ctx: RequestContext) => {
        if (!hasRole(ctx.caller, "auditor")) refuse(ctx.caller, PLATFORM.actVerifyTrail);
        return { scope: "*" };
      },
    };
  }
  return resolvers;
}
