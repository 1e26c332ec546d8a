import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { DateScalar, loaderFor, type RequestContext } from "@onewindow/platform";
import { EMPLOYMENT_AID_WRITERS, LABOR_RECORD_READERS, REFERRAL_STATS_READERS } from "../access";
import { Citizen } from "../citizen/citizen.entity";
import { JobPosting } from "../job-posting/job-posting.entity";
import type { Services } from "../services";
import { Referral, ReferralStats } from "./referral.entity";
import { RecordReferralOutcomeInput, ReferJobInput } from "./referral.inputs";

@Resolver(() => Referral)
export class ReferralResolver {
  constructor(private readonly s: Services) {}

  @Authorized(EMPLOYMENT_AID_WRITERS)
  @Mutation(() => Referral, {
    description:
      "Records that the centre sent this person to this posting. BAD_USER_INPUT when the person does not meet its hard requirements or no vacancy is left (active referrals count against vacancies).",
  })
  referJob(
    @Arg("input", () => ReferJobInput) input: ReferJobInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Referral> {
    ctx.access.readBeforeWrite(input.idNumber, info, "Referral");
    return this.s.referrals.refer(input);
  }

  @Authorized(EMPLOYMENT_AID_WRITERS)
  @Mutation(() => Referral, {
    description:
      "Records what came of a referral. HIRED records the employment, which closes the unemployment registration (and moves insurance to EMPLOYEE through its event).",
  })
  async recordReferralOutcome(
    @Arg("input", () => RecordReferralOutcomeInput) input: RecordReferralOutcomeInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Referral> {
    const idNumber = await this.s.referrals.personOf(input.referralId);
    if (idNumber) ctx.access.read([idNumber], info, "Referral");
    return this.s.referrals.recordOutcome(input);
  }

  @Authorized(REFERRAL_STATS_READERS)
  @Query(() => ReferralStats, {
    description:
      "Referrals, hires, hire rate and median days from registration to hire over a period, for everybody and per assistance group; counts only.",
  })
  referralStats(
    @Arg("from", () => DateScalar, { description: "First day (referral day)." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day (referral day)." }) to: string,
    @Arg("community", () => String, { nullable: true, description: "Only this community; null: the whole street." })
    community: string | null,
  ): Promise<ReferralStats> {
    return this.s.referrals.stats(from, to, community ?? null);
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => JobPosting, { nullable: true, description: "The posting the person was sent to." })
  posting(@Root() referral: Referral, @Ctx() ctx: RequestContext) {
    return loaderFor<number, JobPosting>(ctx, "jobPostingById", (ids) => this.s.referrals.postings(ids)).load(
      referral.postingId,
    );
  }
}

/** A citizen's referrals (the root `citizen` read checks and records them). */
@Resolver(() => Citizen)
export class CitizenReferralResolver {
  constructor(private readonly s: Services) {}

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => [Referral], { description: "The centre's referrals of this person to jobs, newest first." })
  async referrals(@Root() citizen: Citizen, @Ctx() ctx: RequestContext) {
    return (
      (await loaderFor<string, Referral[]>(ctx, "referralsOfPerson", (ids) => this.s.referrals.ofPersons(ids)).load(
        citizen.idNumber,
      )) ?? []
    );
  }
}

/** The referrals to a posting, for the officers who follow it up with the employer. */
@Resolver(() => JobPosting)
export class JobPostingReferralResolver {
  constructor(private readonly s: Services) {}

  @Authorized(EMPLOYMENT_AID_WRITERS)
  @FieldResolver(() => [Referral], {
    description:
      "The people referred to this posting, newest first (window clerks and labor officers; each read audited).",
  })
  async referrals(@Root() posting: JobPosting, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    const rows =
      (await loaderFor<number, Referral[]>(ctx, "referralsOfPosting", (ids) => this.s.referrals.ofPostings(ids)).load(
        posting.id,
      )) ?? [];
    ctx.access.read([...new Set(rows.map((r) => r.idNumber))], info, "Referral");
    return rows;
  }
}
