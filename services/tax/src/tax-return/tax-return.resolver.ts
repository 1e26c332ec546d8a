import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "@onewindow/platform";
import { TAX_RECORD_READERS, TAX_WRITERS } from "../access";
import { Citizen, citizenStub } from "../citizen/citizen.stub";
import type { Services } from "../services";
import { TaxReturn } from "./tax-return.entity";
import { FileTaxReturnInput } from "./tax-return.inputs";

@Resolver(() => TaxReturn)
export class TaxReturnResolver {
  constructor(private readonly s: Services) {}

  @Authorized(TAX_WRITERS)
  @Mutation(() => TaxReturn, {
    description:
      "Files an annual reconciliation return and computes the tax. A second return for the same person and year amends (supersedes) the first; both are kept.",
  })
  fileTaxReturn(
    @Arg("input", () => FileTaxReturnInput, { description: "The return." }) input: FileTaxReturnInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TaxReturn> {
    ctx.access.readBeforeWrite(input.idNumber, info, "TaxReturn");
    return this.s.taxReturns.file(input);
  }

  @Authorized(TAX_RECORD_READERS)
  @FieldResolver(() => Citizen, { description: "The taxpayer." })
  citizen(@Root() taxReturn: TaxReturn): Citizen {
    return citizenStub(taxReturn.idNumber);
  }
}
