import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "@onewindow/shared";
import { Employer } from "../employer/employer.entity";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { Employment } from "./employment.entity";
import { RecordEmploymentInput } from "./employment.inputs";

@Resolver(() => Employment)
export class EmploymentResolver {
  constructor(private readonly s: Services) {}

  @Mutation(() => Employment, { description: "Records a new job; closes the previous job and any open unemployment registration." })
  recordEmployment(@Arg("input", () => RecordEmploymentInput) input: RecordEmploymentInput): Promise<Employment> {
    return this.s.employments.record(input);
  }

  @FieldResolver(() => Employer, { description: "The employer." })
  employer(@Root() employment: Employment, @Ctx() ctx: RequestContext) {
    return loaders.employer(ctx, this.s).load(employment.creditCode);
  }
}
