import { Authorized, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { TAX_RECORD_READERS } from "../access";
import { DateTimeScalar, fenToYuan } from "@onewindow/platform";
import type { TaxReturn } from "./tax-return.entity";

/** A person's tax position for one year, read from the return in force for that year. */
@Authorized(TAX_RECORD_READERS)
@ObjectType({
  description: "A citizen's income tax position for one year, from the latest (amending) return filed for it.",
})
export class TaxSummary {
  @Field(() => Int, { description: "The tax year." })
  year: number;

  @Field(() => Float, { description: "Wages and salaries, yuan." })
  wageIncome: number;

  @Field(() => Float, {
    description:
      "Comprehensive income (综合所得收入额): wages and 80 % of labour remuneration and royalties, 56 % of author's remuneration, yuan.",
  })
  comprehensiveIncome: number;

  @Field(() => Float, { description: "Basic pension, yuan; exempt income." })
  pensionIncome: number;

  @Field(() => Float, {
    description: "Taxable income after the basic, special and special additional deductions, yuan.",
  })
  taxableIncome: number;

  @Field(() => Float, { description: "Tax due for the year, yuan." })
  taxDue: number;

  @Field(() => Float, { description: "Tax withheld during the year, yuan." })
  taxWithheld: number;

  @Field(() => Float, {
    description:
      "What is settled at the reconciliation, yuan: tax due − tax withheld, positive payable and negative a refund; 0 when the top-up is exempt.",
  })
  balance: number;

  @Field({ description: "True when the top-up is waived by the year's exemption (see TaxReturn.exempt)." })
  exempt: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Why the top-up is waived, with the notice (Chinese); null when not exempt.",
  })
  exemptionReason: string | null;

  @Field({ description: "True when the return was filed after 30 June of the following year." })
  late: boolean;

  @Field(() => ID, { description: "The return the figures come from." })
  returnId: number;

  @Field({ description: "True when the figures come from an amendment." })
  amended: boolean;

  @Field(() => DateTimeScalar, { description: "When that return was filed." })
  filedAt: string;

  static of(r: TaxReturn): TaxSummary {
    return Object.assign(new TaxSummary(), {
      year: r.year,
      wageIncome: fenToYuan(r.wageIncomeFen),
      comprehensiveIncome: r.comprehensiveIncome,
      pensionIncome: fenToYuan(r.pensionIncomeFen),
      taxableIncome: fenToYuan(r.taxableIncomeFen),
      taxDue: fenToYuan(r.taxDueFen),
      taxWithheld: fenToYuan(r.taxWithheldFen),
      balance: r.balance,
      exempt: r.exempt,
      exemptionReason: r.exemptionReason,
      late: r.late,
      returnId: r.id,
      amended: r.supersedesId !== null,
      filedAt: r.filedAt,
    });
  }
}
