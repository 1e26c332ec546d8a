import "reflect-metadata";
import { Args, ArgsType, Authorized, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root, type ClassType } from "type-graphql";
import { hasRole, refuse } from "../auth/authorization";
import type { RequestContext } from "../context";
import { connectionType, PageArgs, pageRequest, toConnection } from "../pagination";
import { parseIdNumber } from "../validation/id-number";
import type { AuditEntry } from "./audit-entry.entity";

/** The whole trail (`*`) or one citizen's part of it, as every department holds its own. */
@Directive('@key(fields: "scope")')
@ObjectType({ description: "The audit trails of the departments: every read of a citizen's personal data, hash-chained per department." })
export class AuditTrails {
  @Field(() => ID, { description: "`*` for every read, or the resident ID number whose reads these are." })
  scope: string;
}

/** One read, as the department that served it recorded it. */
@Directive("@shareable")
@ObjectType({ description: "One read of a citizen's personal data (or one use of a special access grant)." })
export class AuditRecord {
  @Field(() => Int, { description: "Position in the department's chain, from 1." })
  id: number;

  @Field({ description: "When it was read (ISO 8601)." })
  at: string;

  @Field(() => String, { nullable: true, description: "Who read it: the token's subject." })
  userId: string | null;

  @Field(() => [String], { description: "The reader's roles." })
  roles: string[];

  @Field(() => String, { nullable: true, description: "The purpose the reader stated (x-access-purpose)." })
  purpose: string | null;

  @Field(() => ID, { nullable: true, description: "Whose data was read; null for reads about no single person." })
  idNumber: string | null;

  @Field({ description: "The department that served the read." })
  department: string;

  @Field(() => [String], { description: "What was read: field names, or the operation." })
  fields: string[];

  @Field({ description: "The request, as in the logs." })
  requestId: string;
}

const AuditRecordConnection = connectionType("AuditRecord", AuditRecord, "audit record");

/** A department's chain, checked from its first row. */
@Directive("@shareable")
@ObjectType({ description: "The result of re-computing one department's hash chain." })
export class AuditChainCheck {
  @Field({ description: "True when every row is as it was written and none is missing." })
  ok: boolean;

  @Field(() => Int, { description: "Rows that checked out before the first broken one (or all)." })
  checked: number;

  @Field(() => Int, { nullable: true, description: "The first row that was altered, removed or inserted; null when ok." })
  brokenAt: number | null;

  @Field(() => String, { nullable: true, description: "What is wrong at that row." })
  reason: string | null;
}

@Directive('@key(fields: "scope")')
@ObjectType({ description: "Each department's audit chain, checked." })
export class AuditVerification {
  @Field(() => ID, { description: "Always `*`: every chain is checked whole." })
  scope: string;
}

const toRecord = (row: AuditEntry): AuditRecord => ({ ...row, roles: row.roles ? row.roles.split(",") : [], fields: row.fields ? row.fields.split(",") : [] });

/** `labor-security` → `laborSecurity`: the department's field on the trail types. */
export function departmentField(department: string): string {
  return department.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** An auditor sees every trail; a citizen only the reads of their own data. */
function checkScope(ctx: RequestContext, scope: string): void {
  if (hasRole(ctx.caller, "auditor")) return;
  if (hasRole(ctx.caller, "citizen") && scope === ctx.caller.idNumber) return;
  refuse(ctx.caller, scope === "*" ? "read the whole audit trail" : "read who looked at another person's records");
}

/**
 * The department's own fields on the trail types: its part of the trail and the check of its
 * chain. Every department's schema has them, under its own name.
 */
export function auditFieldResolvers(department: string): ClassType[] {
  const name = departmentField(department);

  @Resolver(() => AuditTrails)
  class TrailResolver {
    @Authorized("auditor", "citizen")
    @FieldResolver(() => AuditRecordConnection, { name, description: `Reads of personal data served by ${department}, newest first.` })
    async records(@Root() trails: AuditTrails, @Args() { first, after }: PageArgs, @Ctx() ctx: RequestContext) {
      checkScope(ctx, trails.scope);
      const page = pageRequest(first, after);
      const { rows, total } = await ctx.trail.list(trails.scope === "*" ? null : trails.scope, page.offset, page.limit);
      return toConnection(rows.map(toRecord), total, page);
    }
  }

  @Resolver(() => AuditVerification)
  class VerificationResolver {
    @Authorized("auditor")
    @FieldResolver(() => AuditChainCheck, { name, description: `${department}'s chain, re-computed from its first row.` })
    check(@Ctx() ctx: RequestContext): Promise<AuditChainCheck> {
      return ctx.trail.verify();
    }
  }
  return [TrailResolver, VerificationResolver];
}

@ArgsType()
class AuditTrailArgs {
  @Field(() => ID, { nullable: true, description: "Whose reads: a resident ID number. Left out: the caller's own (citizen) or all (auditor)." })
  idNumber?: string | null;
}

/** The root fields; one department (labor security) serves them, every department answers its part. */
@Resolver()
export class AuditRootResolver {
  @Authorized("auditor", "citizen")
  @Query(() => AuditTrails, { description: "Who read a citizen's personal data, when and why: a citizen sees their own (idNumber may be left out); an auditor any, or all." })
  auditTrail(@Args(() => AuditTrailArgs) { idNumber }: AuditTrailArgs, @Ctx() ctx: RequestContext): AuditTrails {
    const scope = idNumber ? parseIdNumber(idNumber, "idNumber").idNumber : hasRole(ctx.caller, "auditor") ? "*" : ctx.caller.idNumber ?? "*";
    checkScope(ctx, scope);
    return { scope };
  }

  @Authorized("auditor")
  @Query(() => AuditVerification, { description: "Re-computes every department's audit chain and reports the first broken row of each." })
  verifyAuditTrail(): AuditVerification {
    return { scope: "*" };
  }
}

/** Reference resolvers for the trail types: their only key is the scope. */
export const auditReferenceResolvers = {
  AuditTrails: { __resolveReference: (ref: { scope: string }) => ({ scope: ref.scope }) },
  AuditVerification: { __resolveReference: (ref: { scope: string }) => ({ scope: ref.scope }) },
};
