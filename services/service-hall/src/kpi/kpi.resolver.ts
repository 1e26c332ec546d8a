import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { DateScalar, type RequestContext } from "@onewindow/platform";
import { AGGREGATE_READERS } from "../access";
import type { Services } from "../services";
import { HallKpis } from "./hall-kpis.types";

@Resolver(() => HallKpis)
export class KpiResolver {
  constructor(private readonly s: Services) {}

  @Authorized(AGGREGATE_READERS)
  @Query(() => HallKpis, {
    description:
      "The window KPIs over from..to (both inclusive) of one service centre (default the hall's own, KAIXUAN), or with includeSubordinate " +
      "of it and every centre below it: a district's or the city's figures are the sums of its centres' rows. " +
      "BAD_USER_INPUT when from is after to or the centre is unknown.",
  })
  hallKpis(
    @Arg("from", () => DateScalar, { description: "First day of the period." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the period." }) to: string,
    @Arg("centre", () => String, {
      nullable: true,
      description: "Code of the centre, district or city (see hallCentres); default KAIXUAN.",
    })
    centre: string | null,
    @Arg("includeSubordinate", () => Boolean, {
      nullable: true,
      description: "True to count every centre below it too (a district's streets and their stations); default false.",
    })
    includeSubordinate: boolean | null,
    @Ctx() ctx: RequestContext,
  ): Promise<HallKpis> {
    return this.s.cachedKpis.hallKpis(ctx.caller, from, to, centre, includeSubordinate);
  }
}
