import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, Float, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { connectionType, fenToYuan, PageArgs, pageRequest, type RequestContext } from "@onewindow/platform";
import { EMPLOYER_TAX_READERS } from "../access";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { TaxStanding } from "../withholding/withholding-return.enums";
import { WithholdingReturn } from "../withholding/withholding-return.entity";
import { Employer } from "./employer.stub";

export const WithholdingReturnConnection = connectionType("WithholdingReturn", WithholdingReturn, "withholding return");

/** The tax department's fields on `Employer`, each batched across the employers of a request. */
@Resolver(() => Employer)
export class EmployerResolver {
  constructor(private readonly s: Services) {}

  @Authorized(EMPLOYER_TAX_READERS)
  @FieldResolver(() => WithholdingReturnConnection, {
    description: "The employer's monthly withholding returns, newest month first.",
  })
  async withholdingReturns(
    @Root() employer: Employer,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg("includeSuperseded", () => Boolean, {
      nullable: true,
      description: "Also list returns replaced by a corrected one (default false: only returns in force).",
    })
    includeSuperseded: boolean | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = pageRequest(first, after, ctx.cursors.forField(info));
    return loaders.withholdingReturns(ctx, this.s, page, includeSuperseded ?? false).load(employer.creditCode);
  }

  @Authorized(EMPLOYER_TAX_READERS)
  @FieldResolver(() => TaxStanding, {
    description: "ARREARS when for any month the employer withheld more tax than it paid over.",
  })
  async taxStanding(@Root() employer: Employer, @Ctx() ctx: RequestContext): Promise<TaxStanding> {
    const arrearsFen = (await loaders.arrears(ctx, this.s).load(employer.creditCode)) ?? 0;
    return arrearsFen > 0 ? TaxStanding.ARREARS : TaxStanding.GOOD;
  }

  @Authorized(EMPLOYER_TAX_READERS)
  @FieldResolver(() => Float, {
    description: "Tax withheld but not paid over, summed over the months in arrears, yuan.",
  })
  async taxArrears(@Root() employer: Employer, @Ctx() ctx: RequestContext): Promise<number> {
    return fenToYuan((await loaders.arrears(ctx, this.s).load(employer.creditCode)) ?? 0);
  }
}
