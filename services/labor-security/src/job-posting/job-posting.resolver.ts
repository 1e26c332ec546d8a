import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionType, PageArgs, pageRequest, type Connection, type RequestContext } from "@onewindow/platform";
import { LABOR_WRITERS } from "../access";
import { Employer } from "../employer/employer.entity";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { JobPosting } from "./job-posting.entity";
import { JobPostingFilter, PostJobInput } from "./job-posting.inputs";

export const JobPostingConnection = connectionType("JobPosting", JobPosting, "job posting");

/** A page of the board as a connection: its postings' employers, read with it, answer their `employer` fields. */
export async function boardPage(
  ctx: RequestContext,
  s: Services,
  listed: ReturnType<Services["jobPostings"]["list"]>,
): Promise<Connection<JobPosting>> {
  const { connection, employers } = await listed;
  for (const employer of employers) loaders.employer(ctx, s).prime(employer.creditCode, employer);
  return connection;
}

@Resolver(() => JobPosting)
export class JobPostingResolver {
  constructor(private readonly s: Services) {}

  // Public: the job board is for anyone looking for work.
  @Query(() => JobPostingConnection, { description: "The public job board, newest first." })
  jobPostings(
    @Arg("filter", () => JobPostingFilter, { nullable: true, description: "Conditions the items must meet." })
    filter: JobPostingFilter | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return boardPage(
      ctx,
      this.s,
      this.s.jobPostings.list(filter, pageRequest(first, after, ctx.cursors.forField(info))),
    );
  }

  @Authorized(LABOR_WRITERS)
  @Mutation(() => JobPosting, {
    description:
      "Publishes a vacancy on the job board. BAD_USER_INPUT for a gender requirement without a listed ground (就业促进法 第二十七条).",
  })
  postJob(@Arg("input", () => PostJobInput) input: PostJobInput): Promise<JobPosting> {
    return this.s.jobPostings.post(input);
  }

  @FieldResolver(() => Employer, { description: "The employer offering the job." })
  employer(@Root() posting: JobPosting, @Ctx() ctx: RequestContext) {
    return loaders.employer(ctx, this.s).load(posting.creditCode);
  }
}
