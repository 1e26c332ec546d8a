import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { PageArgs, pageRequest, type RequestContext } from "@onewindow/platform";
import { EMPLOYER_FINDERS, LABOR_WRITERS } from "../access";
import { boardPage, JobPostingConnection } from "../job-posting/job-posting.resolver";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { Employer } from "./employer.entity";
import { RegisterEmployerInput } from "./employer.inputs";

@Resolver(() => Employer)
export class EmployerResolver {
  constructor(private readonly s: Services) {}

  @Authorized(EMPLOYER_FINDERS)
  @Query(() => Employer, {
    nullable: true,
    description: "An employer by unified social credit code; null when unknown.",
  })
  employer(@Arg("creditCode", () => ID) creditCode: string, @Ctx() ctx: RequestContext): Promise<Employer | null> {
    return loaders.employer(ctx, this.s).load(creditCode.trim().toUpperCase());
  }

  @Authorized(LABOR_WRITERS)
  @Mutation(() => Employer, {
    description: "Registers an employer. CONFLICT when the credit code is already registered.",
  })
  registerEmployer(@Arg("input", () => RegisterEmployerInput) input: RegisterEmployerInput): Promise<Employer> {
    return this.s.employers.register(input);
  }

  // Public: the same postings as on the public job board.
  @FieldResolver(() => JobPostingConnection, { description: "The employer's job postings, newest first." })
  jobPostings(
    @Root() employer: Employer,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return boardPage(
      ctx,
      this.s,
      this.s.jobPostings.list(
        null,
        pageRequest(first, after, ctx.cursors.forField(info, employer.creditCode)),
        employer.creditCode,
      ),
    );
  }
}
