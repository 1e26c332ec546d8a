import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionType, loaderFor, PageArgs, pageRequest, type RequestContext } from "@onewindow/platform";
import { EMPLOYMENT_AID_WRITERS, LABOR_RECORD_READERS, LABOR_WRITERS } from "../access";
import { Citizen } from "../citizen/citizen.entity";
import type { Services } from "../services";
import { TrainingCourse, TrainingEnrolment } from "./training.entity";
import {
  EnrolInTrainingInput,
  OpenTrainingCourseInput,
  RecordTrainingResultInput,
  TrainingCourseFilter,
} from "./training.inputs";

export const TrainingCourseConnection = connectionType("TrainingCourse", TrainingCourse, "training course");

@Resolver(() => TrainingCourse)
export class TrainingCourseResolver {
  constructor(private readonly s: Services) {}

  // Public: the courses on offer are for anyone looking for training, like the job board.
  @Query(() => TrainingCourseConnection, {
    description: "Subsidised training courses (送培训), by first day: provider, trade, dates, seats left and subsidy.",
  })
  trainingCourses(
    @Arg("filter", () => TrainingCourseFilter, { nullable: true, description: "Conditions the items must meet." })
    filter: TrainingCourseFilter | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.s.training.list(filter, pageRequest(first, after, ctx.cursors.forField(info)));
  }

  @Authorized(LABOR_WRITERS)
  @Mutation(() => TrainingCourse, {
    description: "Adds a training course approved by notice, with its seats and its subsidy as the notice sets it.",
  })
  openTrainingCourse(@Arg("input", () => OpenTrainingCourseInput) input: OpenTrainingCourseInput) {
    return this.s.training.open(input);
  }
}

@Resolver(() => TrainingEnrolment)
export class TrainingEnrolmentResolver {
  constructor(private readonly s: Services) {}

  @Authorized(EMPLOYMENT_AID_WRITERS)
  @Mutation(() => TrainingEnrolment, {
    description:
      "Enrols a person in a course. BAD_USER_INPUT (reason TRAINING_COURSE_ENDED or TRAINING_NO_SEAT_LEFT) after its last day or when it is full; CONFLICT when already enrolled.",
  })
  enrolInTraining(
    @Arg("input", () => EnrolInTrainingInput) input: EnrolInTrainingInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TrainingEnrolment> {
    ctx.access.readBeforeWrite(input.idNumber, info, "TrainingEnrolment");
    return this.s.training.enrol(input);
  }

  @Authorized(EMPLOYMENT_AID_WRITERS)
  @Mutation(() => TrainingEnrolment, {
    description:
      "Records the result of an enrolment, once. A pass with a certificate adds the course's skill tags to the person's job-seeker profile, which matching scores.",
  })
  async recordTrainingResult(
    @Arg("input", () => RecordTrainingResultInput) input: RecordTrainingResultInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TrainingEnrolment> {
    const idNumber = await this.s.training.personOf(input.enrolmentId);
    if (idNumber) ctx.access.read([idNumber], info, "TrainingEnrolment");
    return this.s.training.recordResult(input);
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => TrainingCourse, { nullable: true, description: "The course." })
  course(@Root() enrolment: TrainingEnrolment, @Ctx() ctx: RequestContext) {
    return loaderFor<number, TrainingCourse>(ctx, "trainingCourse", (ids) => this.s.training.courses(ids)).load(
      enrolment.courseId,
    );
  }
}

/** A citizen's training (the root `citizen` read checks and records it). */
@Resolver(() => Citizen)
export class CitizenTrainingResolver {
  constructor(private readonly s: Services) {}

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => [TrainingEnrolment], { description: "Training courses the person enrolled in, newest first." })
  async trainingEnrolments(@Root() citizen: Citizen, @Ctx() ctx: RequestContext) {
    return (
      (await loaderFor<string, TrainingEnrolment[]>(ctx, "trainingOfPerson", (ids) =>
        this.s.training.ofPersons(ids),
      ).load(citizen.idNumber)) ?? []
    );
  }
}
