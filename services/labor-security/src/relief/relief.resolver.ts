import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { DateScalar, loaderFor, type RequestContext } from "@onewindow/platform";
import { LABOR_RECORD_READERS, RELIEF_TOTAL_READERS, RELIEF_WRITERS } from "../access";
import { Citizen } from "../citizen/citizen.entity";
import type { Services } from "../services";
import { ReliefCampaign, ReliefGrant, ReliefHardshipFlag, ReliefTotals } from "./relief.entity";
import { FlagReliefHardshipInput, GrantReliefInput, OpenReliefCampaignInput } from "./relief.inputs";

@Resolver(() => ReliefCampaign)
export class ReliefResolver {
  constructor(private readonly s: Services) {}

  // A plain list: a street opens two campaigns a year.
  @Authorized(RELIEF_TOTAL_READERS)
  @Query(() => [ReliefCampaign], {
    description: "Relief campaigns (夏送清凉 / 冬送温暖), newest first, with budget and what they granted.",
  })
  reliefCampaigns(): Promise<ReliefCampaign[]> {
    return this.s.relief.campaigns();
  }

  @Authorized(RELIEF_WRITERS)
  @Mutation(() => ReliefCampaign, {
    description: "Opens a relief campaign with its budget; CONFLICT when the season of that year has one.",
  })
  openReliefCampaign(
    @Arg("input", () => OpenReliefCampaignInput) input: OpenReliefCampaignInput,
  ): Promise<ReliefCampaign> {
    return this.s.relief.open(input);
  }

  @Authorized(RELIEF_WRITERS)
  @Mutation(() => ReliefHardshipFlag, {
    description: "Records the community's report that a retiree is in hardship (eligible for relief).",
  })
  flagReliefHardship(
    @Arg("input", () => FlagReliefHardshipInput) input: FlagReliefHardshipInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReliefHardshipFlag> {
    ctx.access.readBeforeWrite(input.idNumber, info, "ReliefHardshipFlag");
    return this.s.relief.flag(input);
  }

  @Authorized(RELIEF_WRITERS)
  @Mutation(() => ReliefGrant, {
    description:
      "Grants relief to an eligible retiree (pension below the campaign's threshold, or flagged by the community), once per campaign (CONFLICT) and within the budget (BAD_USER_INPUT, reason RELIEF_OVER_BUDGET).",
  })
  grantRelief(
    @Arg("input", () => GrantReliefInput) input: GrantReliefInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReliefGrant> {
    ctx.access.readBeforeWrite(input.idNumber, info, "ReliefGrant");
    return this.s.relief.grant(input);
  }

  @Authorized(RELIEF_TOTAL_READERS)
  @Query(() => ReliefTotals, {
    description: "Relief granted between two days (inclusive), in all and by campaign: counts and sums only.",
  })
  reliefTotals(
    @Arg("from", () => DateScalar) from: string,
    @Arg("to", () => DateScalar) to: string,
  ): Promise<ReliefTotals> {
    return this.s.relief.totals(from, to);
  }
}

@Resolver(() => ReliefGrant)
export class ReliefGrantResolver {
  constructor(private readonly s: Services) {}

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => ReliefCampaign, { description: "The campaign that granted it." })
  async campaign(@Root() grant: ReliefGrant, @Ctx() ctx: RequestContext): Promise<ReliefCampaign> {
    return (await loaderFor<number, ReliefCampaign>(ctx, "reliefCampaign", (ids) =>
      this.s.relief.campaignsByIds(ids),
    ).load(grant.campaignId))!;
  }
}

/** Labor's relief record on `Citizen`, in this feature's folder. */
@Resolver(() => Citizen)
export class CitizenReliefResolver {
  constructor(private readonly s: Services) {}

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => [ReliefGrant], {
    description: "Relief granted to the citizen (夏送清凉 / 冬送温暖), newest first.",
  })
  async reliefGrants(@Root() citizen: Citizen, @Ctx() ctx: RequestContext): Promise<ReliefGrant[]> {
    return (
      (await loaderFor<string, ReliefGrant[]>(ctx, "reliefGrants", (ids) => this.s.relief.grantsOf(ids)).load(
        citizen.idNumber,
      )) ?? []
    );
  }
}
