import { Arg, Authorized, Query, Resolver } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { AGGREGATE_READERS } from "../access";
import type { Services } from "../services";
import { HallKpis } from "./hall-kpis.types";

@Resolver(() => HallKpis)
export class KpiResolver {
  constructor(private readonly s: Services) {}

  @Authorized(AGGREGATE_READERS)
  @Query(() => HallKpis, {
    description: "The hall's window KPIs over from..to (both inclusive). BAD_USER_INPUT when from is after to.",
  })
  hallKpis(
    @Arg("from", () => DateScalar, { description: "First day of the period." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the period." }) to: string,
  ): Promise<HallKpis> {
    return this.s.kpis.hallKpis(from, to);
  }
}
