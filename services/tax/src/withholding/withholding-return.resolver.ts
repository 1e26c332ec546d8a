import { Arg, Authorized, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { EMPLOYER_TAX_READERS, TAX_WRITERS } from "../access";
import { Employer, employerStub } from "../employer/employer.stub";
import type { Services } from "../services";
import { WithholdingReturn } from "./withholding-return.entity";
import { FileWithholdingReturnInput } from "./withholding-return.inputs";

@Resolver(() => WithholdingReturn)
export class WithholdingReturnResolver {
  constructor(private readonly s: Services) {}

  @Authorized(TAX_WRITERS)
  @Mutation(() => WithholdingReturn, {
    description:
      "Files an employer's withholding return for a month. A second return for the same month replaces the first, which stays in history.",
  })
  fileWithholdingReturn(
    @Arg("input", () => FileWithholdingReturnInput, { description: "The return." }) input: FileWithholdingReturnInput,
  ): Promise<WithholdingReturn> {
    return this.s.withholdingReturns.file(input);
  }

  @Authorized(EMPLOYER_TAX_READERS)
  @FieldResolver(() => Employer, { description: "The withholding employer." })
  employer(@Root() r: WithholdingReturn): Employer {
    return employerStub(r.creditCode);
  }
}
