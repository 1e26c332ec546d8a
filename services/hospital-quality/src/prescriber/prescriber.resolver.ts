import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { DateScalar, OneWindowError, type RequestContext } from "@onewindow/platform";
import { Hospital } from "../hospital/hospital.entity";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { PrescriberStatsGrant } from "./prescriber-grant.entity";
import { PrescriberGrantStatus } from "./prescriber-grant.enums";
import { PrescriberStatsGrantInput, RequestPrescriberStatsAccessInput } from "./prescriber.inputs";
import { PrescriberDrugStats } from "./prescriber-stats.types";

/** What an audit row of the grant flow names: the grant, or what was asked for when there is none. */
type GrantSubject = {
  id?: string | null;
  hospitalCode?: string | null;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
};

/**
 * Writes one step of the grant flow to the hospital's audit trail: who (user, roles), why (the
 * stated purpose, else the grant's reason), which grant, hospital and period, and the step.
 */
function recordStep(ctx: RequestContext, step: string, subject: GrantSubject): Promise<void> {
  const fields = ["prescriberDrugStats", `grant:${subject.id ?? "none"}`, `step:${step}`];
  if (subject.hospitalCode) fields.push(`hospital:${subject.hospitalCode}`);
  if (subject.from && subject.to) fields.push(`period:${subject.from}..${subject.to}`);
  return ctx.trail.append([
    {
      requestId: ctx.requestId,
      userId: ctx.caller.userId,
      roles: ctx.caller.roles,
      purpose: ctx.caller.purpose ?? subject.reason ?? null,
      idNumber: null,
      department: "hospital-quality",
      fields,
    },
  ]);
}

/**
 * Runs one step and audits it, refusals included: a FORBIDDEN step is written as `<step>-refused`
 * before the error goes out. The row is committed before the answer leaves, so no statistics are
 * served whose use could not be recorded.
 */
async function audited<T>(
  ctx: RequestContext,
  step: string,
  asked: GrantSubject,
  act: () => Promise<T>,
  grantOf: (result: T) => GrantSubject,
): Promise<T> {
  let result: T;
  try {
    result = await act();
  } catch (err) {
    if (err instanceof OneWindowError && err.extensions.code === "FORBIDDEN")
      await recordStep(ctx, `${step}-refused`, asked);
    throw err;
  }
  await recordStep(ctx, step, grantOf(result));
  return result;
}

@Resolver(() => PrescriberStatsGrant)
export class PrescriberResolver {
  constructor(private readonly s: Services) {}

  @Authorized("info_office")
  @Query(() => PrescriberDrugStats, {
    description:
      "Drug cost by prescriber (统方) of one hospital over from..to. Only for the information-office user who requested an ACTIVE, " +
      "unexpired grant for that hospital whose period covers from..to; FORBIDDEN otherwise. Every use and refusal is audited.",
  })
  prescriberDrugStats(
    @Arg("hospitalCode", () => ID, { description: "Hospital code." }) hospitalCode: string,
    @Arg("from", () => DateScalar, { description: "First day (visit day; discharge day for stays)." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day." }) to: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PrescriberDrugStats> {
    return audited(
      ctx,
      "use",
      { hospitalCode, from, to },
      () => this.s.prescribers.stats(ctx.caller, hospitalCode, from, to),
      (r) => ({ ...r.grant, from: r.from, to: r.to }),
    );
  }

  @Authorized("info_office", "medical_affairs", "auditor")
  @Query(() => [PrescriberStatsGrant], {
    description: "A hospital's prescriber-statistics grants, newest first (at most 100).",
  })
  prescriberStatsGrants(
    @Arg("hospitalCode", () => ID, { description: "Hospital code." }) hospitalCode: string,
    @Ctx() ctx: RequestContext,
  ) {
    return this.s.prescribers.grantsOf(ctx.caller, hospitalCode);
  }

  @Authorized("info_office")
  @Mutation(() => PrescriberStatsGrant, {
    description:
      "Asks for access to one hospital's prescriber statistics for one period, with a reason: a PENDING grant that a different " +
      "medical_affairs user must approve. BAD_USER_INPUT for an unknown hospital, a period in the future or from after to.",
  })
  requestPrescriberStatsAccess(
    @Arg("input", () => RequestPrescriberStatsAccessInput, { description: "Hospital, period and reason." })
    input: RequestPrescriberStatsAccessInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PrescriberStatsGrant> {
    return audited(
      ctx,
      "request",
      { ...input },
      () => this.s.prescribers.request(ctx.caller, input),
      (g) => g,
    );
  }

  @Authorized("medical_affairs")
  @Mutation(() => PrescriberStatsGrant, {
    description:
      "Approves a PENDING grant: ACTIVE for at most 30 minutes. FORBIDDEN for the requester themselves (even holding both roles); " +
      "NOT_FOUND for an unknown grant; CONFLICT when it is not PENDING.",
  })
  approvePrescriberStatsAccess(
    @Arg("input", () => PrescriberStatsGrantInput, { description: "The grant." }) input: PrescriberStatsGrantInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PrescriberStatsGrant> {
    return audited(
      ctx,
      "approve",
      { id: input.grantId },
      () => this.s.prescribers.approve(ctx.caller, input.grantId),
      (g) => g,
    );
  }

  @Authorized("info_office", "medical_affairs")
  @Mutation(() => PrescriberStatsGrant, {
    description:
      "Withdraws a PENDING or ACTIVE grant: its requester, or medical affairs. CONFLICT when it is already expired or revoked.",
  })
  revokePrescriberStatsAccess(
    @Arg("input", () => PrescriberStatsGrantInput, { description: "The grant." }) input: PrescriberStatsGrantInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PrescriberStatsGrant> {
    return audited(
      ctx,
      "revoke",
      { id: input.grantId },
      () => this.s.prescribers.revoke(ctx.caller, input.grantId),
      (g) => g,
    );
  }

  @FieldResolver(() => PrescriberGrantStatus, {
    description: "PENDING, ACTIVE, EXPIRED (the window has passed) or REVOKED, as of now.",
  })
  status(@Root() grant: PrescriberStatsGrant): PrescriberGrantStatus {
    return this.s.prescribers.statusOf(grant);
  }

  @FieldResolver(() => Hospital, { description: "The hospital whose prescribers the grant opens." })
  async hospital(@Root() grant: PrescriberStatsGrant, @Ctx() ctx: RequestContext): Promise<Hospital> {
    return (await loaders.hospital(ctx, this.s).load(grant.hospitalCode))!;
  }
}
