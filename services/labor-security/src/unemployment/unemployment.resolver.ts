import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "@onewindow/platform";
import { LABOR_WRITERS } from "../access";
import type { Services } from "../services";
import { UnemploymentRegistration } from "./unemployment-registration.entity";
import { RegisterUnemploymentInput } from "./unemployment.inputs";

@Resolver(() => UnemploymentRegistration)
export class UnemploymentResolver {
  constructor(private readonly s: Services) {}

  @Authorized(LABOR_WRITERS)
  @Mutation(() => UnemploymentRegistration, {
    description:
      "Registers a citizen as unemployed; ends the current job on record. BAD_USER_INPUT from the statutory retirement date.",
  })
  registerUnemployment(
    @Arg("input", () => RegisterUnemploymentInput) input: RegisterUnemploymentInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    ctx.access.readBeforeWrite(input.idNumber, info, "UnemploymentRegistration");
    return this.s.unemployment.register(input);
  }
}
