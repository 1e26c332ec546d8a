import { Authorized, Ctx, FieldResolver, Float, Int, Resolver, Root } from "type-graphql";
import { fenToYuan, type RequestContext } from "@onewindow/platform";
import { EMPLOYER_INSURANCE_READERS } from "../access";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { Employer } from "./employer.stub";

/** Medical insurance's fields on `Employer`; both share one GROUP BY query per batch of employers. */
@Resolver(() => Employer)
export class EmployerResolver {
  constructor(private readonly s: Services) {}

  @Authorized(EMPLOYER_INSURANCE_READERS)
  @FieldResolver(() => Int, { description: "Employees with an active EMPLOYEE-scheme enrolment under this employer." })
  async insuredEmployeeCount(@Root() employer: Employer, @Ctx() ctx: RequestContext): Promise<number> {
    return (await loaders.employerTotals(ctx, this.s).load(employer.creditCode))?.insuredEmployeeCount ?? 0;
  }

  @Authorized(EMPLOYER_INSURANCE_READERS)
  @FieldResolver(() => Float, {
    description: "What the employer pays each month for those employees' medical insurance, yuan.",
  })
  async monthlyContributions(@Root() employer: Employer, @Ctx() ctx: RequestContext): Promise<number> {
    return fenToYuan(
      (await loaders.employerTotals(ctx, this.s).load(employer.creditCode))?.monthlyContributionsFen ?? 0,
    );
  }
}
