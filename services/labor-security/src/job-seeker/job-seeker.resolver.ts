import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Resolver, Root } from "type-graphql";
import { loaderFor, type RequestContext } from "@onewindow/platform";
import { EMPLOYMENT_AID_WRITERS, LABOR_RECORD_READERS } from "../access";
import { Citizen } from "../citizen/citizen.entity";
import type { Services } from "../services";
import { JobMatch, JobSeekerProfile } from "./job-seeker.entity";
import { UpdateJobSeekerProfileInput } from "./job-seeker.inputs";

/** A citizen's job-seeker profile and matches (the root `citizen` read checks and records them). */
@Resolver(() => Citizen)
export class JobSeekerResolver {
  constructor(private readonly s: Services) {}

  @Authorized(EMPLOYMENT_AID_WRITERS)
  @Mutation(() => JobSeekerProfile, {
    description: "Creates or changes a job seeker's profile (求职登记); the education is recorded on the citizen.",
  })
  updateJobSeekerProfile(
    @Arg("input", () => UpdateJobSeekerProfileInput) input: UpdateJobSeekerProfileInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<JobSeekerProfile> {
    ctx.access.readBeforeWrite(input.idNumber, info, "JobSeekerProfile");
    return this.s.jobSeekers.update(input);
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => JobSeekerProfile, { nullable: true, description: "The job-seeker profile; null: none yet." })
  jobSeekerProfile(@Root() citizen: Citizen, @Ctx() ctx: RequestContext) {
    return loaderFor<string, JobSeekerProfile>(ctx, "jobSeekerProfile", (ids) => this.s.jobSeekers.findByIds(ids)).load(
      citizen.idNumber,
    );
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => [JobMatch], {
    description:
      "Open postings that suit the citizen, best first, with a score and reasons; postings whose hard requirements (age, education, a lawful gender requirement) the citizen does not meet, that are full or to which the citizen is already referred never appear.",
  })
  jobMatches(
    @Root() citizen: Citizen,
    @Arg("first", () => Int, { defaultValue: 10, description: "How many, 1..50." }) first: number,
  ): Promise<JobMatch[]> {
    return this.s.jobSeekers.matches(citizen, first);
  }
}
