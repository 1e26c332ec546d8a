import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "@onewindow/platform";
import { TAX_LIMIT_READERS, TAX_LIMIT_WRITERS } from "../access";
import type { Services } from "../services";
import { TaxLimit } from "./tax-limit.entity";
import { SetTaxLimitInput } from "./tax-limit.inputs";

@Resolver(() => TaxLimit)
export class TaxLimitResolver {
  constructor(private readonly s: Services) {}

  @Authorized(TAX_LIMIT_READERS)
  @Query(() => [TaxLimit], {
    description:
      "The limits of income tax set by notice (deduction caps, the reconciliation's exemption): those in force for `year`, or every row when it is omitted.",
  })
  taxLimits(
    @Arg("year", () => Int, { nullable: true, description: "A tax year; omit for every row." }) year: number | null,
  ): Promise<TaxLimit[]> {
    return year === null || year === undefined ? this.s.taxLimits.list() : this.s.taxLimits.inForce(year);
  }

  @Authorized(TAX_LIMIT_WRITERS)
  @Mutation(() => TaxLimit, {
    description:
      "Sets a limit from a tax year on, as a new notice does (tax_officer only, audited); a row for the same item and first year is replaced, earlier years keep theirs.",
  })
  setTaxLimit(
    @Arg("input", () => SetTaxLimitInput, { description: "The limit." }) input: SetTaxLimitInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TaxLimit> {
    return this.s.taxLimits.set(ctx.caller, input);
  }
}
