import { Arg, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { Employer, employerStub } from "../employer/employer.stub";
import type { Services } from "../services";
import { WithholdingReturn } from "./withholding-return.entity";
import { FileWithholdingReturnInput } from "./withholding-return.inputs";

@Resolver(() => WithholdingReturn)
export class WithholdingReturnResolver {
  constructor(private readonly s: Services) {}

  @Mutation(() => WithholdingReturn, {
    description: "Files an employer's withholding return for a month. A second return for the same month replaces the first, which stays in history.",
  })
  fileWithholdingReturn(
    @Arg("input", () => FileWithholdingReturnInput, { description: "The return." }) input: FileWithholdingReturnInput,
  ): Promise<WithholdingReturn> {
    return this.s.withholdingReturns.file(input);
  }

  @FieldResolver(() => Employer, { description: "The withholding employer." })
  employer(@Root() r: WithholdingReturn): Employer {
    return employerStub(r.creditCode);
  }
}
