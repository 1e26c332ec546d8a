import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionType, keysetPageRequest, loaderFor, PageArgs, type RequestContext } from "@onewindow/platform";
import {
  BENEFIT_CLAIMERS,
  BENEFIT_LEVEL_SETTERS,
  BENEFIT_PAYMENT_READERS,
  BENEFIT_RUNNERS,
  LABOR_RECORD_READERS,
} from "../access";
import { Citizen } from "../citizen/citizen.entity";
import type { Services } from "../services";
import { BenefitPayment, BenefitRunResult, UnemploymentBenefit, UnemploymentBenefitLevel } from "./benefit.entity";
import { ClaimUnemploymentBenefitInput, UpdateUnemploymentBenefitLevelInput } from "./benefit.inputs";

export const BenefitPaymentConnection = connectionType("BenefitPayment", BenefitPayment, "payment");

@Resolver(() => UnemploymentBenefitLevel)
export class BenefitResolver {
  constructor(private readonly s: Services) {}

  // Public: the benefit standard is published by notice.
  @Query(() => [UnemploymentBenefitLevel], {
    description: "The monthly unemployment benefit amounts by area, with their sources.",
  })
  unemploymentBenefitLevels(): Promise<UnemploymentBenefitLevel[]> {
    return this.s.benefits.levels();
  }

  @Authorized(BENEFIT_LEVEL_SETTERS)
  @Mutation(() => UnemploymentBenefitLevel, {
    description:
      "Sets an area's monthly unemployment benefit amount from the notice that sets it (audited); NOT_FOUND for an unknown area.",
  })
  updateUnemploymentBenefitLevel(
    @Arg("input", () => UpdateUnemploymentBenefitLevelInput) input: UpdateUnemploymentBenefitLevelInput,
  ): Promise<UnemploymentBenefitLevel> {
    return this.s.benefits.updateLevel(input);
  }

  @Authorized(BENEFIT_CLAIMERS)
  @Mutation(() => UnemploymentBenefit, {
    description:
      "Claims unemployment benefit on the person's open unemployment registration. BAD_USER_INPUT (reason BENEFIT_NOT_ELIGIBLE, with the reasons) unless eligible; CONFLICT when already claimed.",
  })
  claimUnemploymentBenefit(
    @Arg("input", () => ClaimUnemploymentBenefitInput) input: ClaimUnemploymentBenefitInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<UnemploymentBenefit> {
    ctx.access.readBeforeWrite(input.idNumber, info, "UnemploymentBenefit");
    return this.s.benefits.claim(input);
  }

  @Authorized(BENEFIT_RUNNERS)
  @Mutation(() => BenefitRunResult, {
    description:
      "Pays one month (YYYY-MM) of benefit to every claim due; idempotent (a person is paid once a month), and stops claims whose person started a new job by that month.",
  })
  runBenefitPayments(@Arg("month") month: string, @Ctx() ctx: RequestContext): Promise<BenefitRunResult> {
    // The run touches many people and answers counts only: on the trail as an act, not as reads.
    ctx.access.recordAct(null, `runBenefitPayments ${month}`);
    return this.s.benefits.run(month);
  }

  @Authorized(BENEFIT_PAYMENT_READERS)
  @Query(() => BenefitPaymentConnection, {
    description: "The benefit payments of a month (YYYY-MM), by payment id. Analysts may ask for the totalCount only.",
  })
  async benefitPayments(
    @Arg("month") month: string,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    ctx.access.listing(info);
    const page = await this.s.benefits.payments(month, keysetPageRequest(first, after, ctx.cursors.forField(info)));
    ctx.access.readPage(
      page.edges.map((e) => e.node.idNumber),
      info,
      "BenefitPayment",
    );
    return page;
  }
}

/** Labor's benefit record on `Citizen`, in this feature's folder. */
@Resolver(() => Citizen)
export class CitizenBenefitResolver {
  constructor(private readonly s: Services) {}

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => UnemploymentBenefit, {
    description:
      "Unemployment benefit (失业保险金): eligibility with its reasons, entitlement, monthly amount, months paid and left.",
  })
  async unemploymentBenefit(@Root() citizen: Citizen, @Ctx() ctx: RequestContext): Promise<UnemploymentBenefit> {
    return (await loaderFor<string, UnemploymentBenefit>(ctx, "unemploymentBenefit", (ids) =>
      this.s.benefits.ofCitizens(ids),
    ).load(citizen.idNumber))!;
  }
}
