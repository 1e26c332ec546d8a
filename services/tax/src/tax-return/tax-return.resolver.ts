import { Arg, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { Citizen, citizenStub } from "../citizen/citizen.stub";
import type { Services } from "../services";
import { TaxReturn } from "./tax-return.entity";
import { FileTaxReturnInput } from "./tax-return.inputs";

@Resolver(() => TaxReturn)
export class TaxReturnResolver {
  constructor(private readonly s: Services) {}

  @Mutation(() => TaxReturn, {
    description:
      "Files an annual reconciliation return and computes the tax. A second return for the same person and year amends (supersedes) the first; both are kept.",
  })
  fileTaxReturn(@Arg("input", () => FileTaxReturnInput, { description: "The return." }) input: FileTaxReturnInput): Promise<TaxReturn> {
    return this.s.taxReturns.file(input);
  }

  @FieldResolver(() => Citizen, { description: "The taxpayer." })
  citizen(@Root() taxReturn: TaxReturn): Citizen {
    return citizenStub(taxReturn.idNumber);
  }
}
