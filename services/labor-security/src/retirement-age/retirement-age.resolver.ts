import { Arg, Authorized, Mutation, Query, Resolver } from "type-graphql";
import { LABOR_RULE_ADMINS } from "../access";
import type { Services } from "../services";
import { RetirementAgeRule } from "./retirement-age.entity";
import { UpdateRetirementAgeRuleInput } from "./retirement-age.inputs";

@Resolver(() => RetirementAgeRule)
export class RetirementAgeResolver {
  constructor(private readonly s: Services) {}

  // Public: the statutory retirement ages are law, published for everyone.
  @Query(() => [RetirementAgeRule], { description: "The statutory retirement age tables in force, by code." })
  retirementAgeRules(): Promise<RetirementAgeRule[]> {
    return this.s.retirementAges.rules();
  }

  @Authorized(LABOR_RULE_ADMINS)
  @Mutation(() => RetirementAgeRule, {
    description:
      "Sets a statutory retirement age table's parameters from a national notice (audited); NOT_FOUND for an unknown code.",
  })
  updateRetirementAgeRule(
    @Arg("input", () => UpdateRetirementAgeRuleInput) input: UpdateRetirementAgeRuleInput,
  ): Promise<RetirementAgeRule> {
    return this.s.retirementAges.update(input);
  }
}
