import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { fenToYuan, loaderFor, type RequestContext } from "@onewindow/platform";
import { TAX_RECORD_READERS } from "../access";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { TaxReturn } from "../tax-return/tax-return.entity";
import { TaxSummary } from "../tax-return/tax-summary.type";
import { Citizen } from "./citizen.stub";

/** The tax department's fields on `Citizen`, each batched across the citizens of a request. */
@Resolver(() => Citizen)
export class CitizenResolver {
  constructor(private readonly s: Services) {}

  @Authorized(TAX_RECORD_READERS)
  @FieldResolver(() => TaxSummary, {
    nullable: true,
    description:
      "Income, tax due, tax withheld and the balance (payable or refund) for a year; null when no return was filed for it.",
  })
  taxSummary(
    @Root() citizen: Citizen,
    @Arg("year", () => Int, { description: "The tax year." }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<TaxSummary | null> {
    return loaders.taxSummary(ctx, this.s, year).load(citizen.idNumber);
  }

  @Authorized(TAX_RECORD_READERS)
  @FieldResolver(() => [TaxReturn], { description: "Every annual return filed, amended ones included, newest first." })
  async taxReturns(@Root() citizen: Citizen, @Ctx() ctx: RequestContext): Promise<TaxReturn[]> {
    return (await loaders.taxReturns(ctx, this.s).load(citizen.idNumber)) ?? [];
  }

  @Authorized(TAX_RECORD_READERS)
  @FieldResolver(() => Number, {
    description:
      "Basic pension recorded as exempt income for a year (from labor security's retirement approvals), yuan.",
  })
  async exemptPensionIncome(
    @Root() citizen: Citizen,
    @Arg("year", () => Int, { description: "The tax year." }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<number> {
    const fen = await loaderFor<string, number>(ctx, `exemptPension:${year}`, (ids) =>
      this.s.pensionIncome.totals(ids, year),
    ).load(citizen.idNumber);
    return fenToYuan(fen ?? 0);
  }
}
