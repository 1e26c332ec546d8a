import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from "type-graphql";
import { DateScalar, PageArgs, pageRequest, type RequestContext } from "@onewindow/platform";
import { AGGREGATE_READERS, HALL_WRITERS, OVERDUE_READERS, readShownCases } from "../access";
import { CaseConnection } from "../case/case.resolver";
import { HallCase } from "../case/case.entity";
import { CaseStatus } from "../case/case.enums";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { parseCaseId } from "../case/case-id";
import { CentreRanking } from "./centre-ranking.types";
import { CentreLevel, CentreRankingMetric } from "./centre.enums";
import { EscalateCaseInput } from "./centre.inputs";
import { ServiceCentre } from "./service-centre.entity";

@Resolver(() => ServiceCentre)
export class CentreResolver {
  constructor(private readonly s: Services) {}

  @Authorized(AGGREGATE_READERS)
  @Query(() => CentreRanking, {
    description:
      "The centres of one level ranked by one KPI over from..to (both inclusive), each with the centres below it. BAD_USER_INPUT when from is after to.",
  })
  centreRanking(
    @Arg("level", () => CentreLevel, { description: "The level to rank, e.g. STREET or DISTRICT." }) level: CentreLevel,
    @Arg("from", () => DateScalar, { description: "First day of the period." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the period." }) to: string,
    @Arg("metric", () => CentreRankingMetric, { description: "The KPI to rank by." }) metric: CentreRankingMetric,
    @Ctx() ctx: RequestContext,
  ): Promise<CentreRanking> {
    return this.s.cachedKpis.centreRanking(ctx.caller, level, from, to, metric);
  }

  @Authorized(OVERDUE_READERS)
  @Query(() => CaseConnection, {
    description:
      "A centre's cases, by deadline, soonest first: open ones unless `status` says otherwise; an escalated case shows at the street centre. " +
      "Analysts see every ID number masked.",
  })
  async centreCases(
    @Arg("centre", { description: "The centre's code." }) centre: string,
    @Arg("status", () => CaseStatus, { nullable: true, description: "Default OPEN." }) status: CaseStatus | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = await this.s.centres.cases(centre, status, pageRequest(first, after, ctx.cursors.forField(info)));
    readShownCases(
      ctx,
      page.edges.map((e) => e.node.idNumber),
      info,
    );
    return page;
  }

  @Authorized(HALL_WRITERS)
  @Mutation(() => HallCase, {
    description:
      "A community or building station escalates an open case to its street centre (站站互通): the case then belongs to the street centre, " +
      "its deadline unchanged, and `case.escalated` is published. BAD_USER_INPUT for a completed case, a case not at a station, or another centre than the station's own street centre.",
  })
  async escalateCase(
    @Arg("input", () => EscalateCaseInput, { description: "The case and, optionally, the street centre." })
    input: EscalateCaseInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const found = await loaders.hallCase(ctx, this.s).load(parseCaseId(input.caseId));
    if (found) ctx.access.readBeforeWrite(found.idNumber, info, "Case");
    return this.s.centres.escalate(input);
  }
}
