import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "@onewindow/platform";
import { LABOR_RECORD_READERS, LABOR_WRITERS } from "../access";
import { Employer } from "../employer/employer.entity";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { Employment } from "./employment.entity";
import { RecordEmploymentInput } from "./employment.inputs";

@Resolver(() => Employment)
export class EmploymentResolver {
  constructor(private readonly s: Services) {}

  @Authorized(LABOR_WRITERS)
  @Mutation(() => Employment, {
    description: "Records a new job; closes the previous job and any open unemployment registration.",
  })
  recordEmployment(
    @Arg("input", () => RecordEmploymentInput) input: RecordEmploymentInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Employment> {
    ctx.access.readBeforeWrite(input.idNumber, info, "Employment");
    return this.s.employments.record(input);
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => Employer, { description: "The employer." })
  employer(@Root() employment: Employment, @Ctx() ctx: RequestContext) {
    return loaders.employer(ctx, this.s).load(employment.creditCode);
  }
}
