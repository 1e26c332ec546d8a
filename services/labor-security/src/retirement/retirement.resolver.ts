import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "@onewindow/platform";
import { LABOR_WRITERS } from "../access";
import type { Services } from "../services";
import { Retirement } from "./retirement.entity";
import { ApproveRetirementInput } from "./retirement.inputs";

@Resolver(() => Retirement)
export class RetirementResolver {
  constructor(private readonly s: Services) {}

  @Authorized(LABOR_WRITERS)
  @Mutation(() => Retirement, {
    description:
      "Approves a citizen's retirement; ends the job and any unemployment registration. BAD_USER_INPUT (with extensions.reason and the dates) before the earliest or after the latest lawful date.",
  })
  approveRetirement(
    @Arg("input", () => ApproveRetirementInput) input: ApproveRetirementInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    ctx.access.readBeforeWrite(input.idNumber, info, "Retirement");
    return this.s.retirements.approve(input);
  }
}
