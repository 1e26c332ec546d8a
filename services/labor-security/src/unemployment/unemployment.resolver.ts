import { Arg, Mutation, Resolver } from "type-graphql";
import type { Services } from "../services";
import { UnemploymentRegistration } from "./unemployment-registration.entity";
import { RegisterUnemploymentInput } from "./unemployment.inputs";

@Resolver(() => UnemploymentRegistration)
export class UnemploymentResolver {
  constructor(private readonly s: Services) {}

  @Mutation(() => UnemploymentRegistration, { description: "Registers a citizen as unemployed; ends the current job on record." })
  registerUnemployment(@Arg("input", () => RegisterUnemploymentInput) input: RegisterUnemploymentInput) {
    return this.s.unemployment.register(input);
  }
}
