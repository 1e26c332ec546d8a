import { Arg, Mutation, Resolver } from "type-graphql";
import type { Services } from "../services";
import { Retirement } from "./retirement.entity";
import { ApproveRetirementInput } from "./retirement.inputs";

@Resolver(() => Retirement)
export class RetirementResolver {
  constructor(private readonly s: Services) {}

  @Mutation(() => Retirement, { description: "Approves a citizen's retirement; ends the job and any unemployment registration." })
  approveRetirement(@Arg("input", () => ApproveRetirementInput) input: ApproveRetirementInput) {
    return this.s.retirements.approve(input);
  }
}
