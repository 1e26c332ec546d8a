import { Field, Float, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@onewindow/platform";

@InputType({ description: "Narrows the list of training courses; all given conditions must hold." })
export class TrainingCourseFilter {
  @Field(() => String, { nullable: true, description: "Only courses of this provider." })
  provider?: string | null;

  @Field(() => String, { nullable: true, description: "Only courses for this trade." })
  trade?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only courses running on or after this day." })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only courses starting on or before this day." })
  to?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Only courses still open to enrolment today (not ended, a seat left).",
  })
  open?: boolean | null;
}

@InputType({ description: "A training course approved by notice, with its seats and subsidy." })
export class OpenTrainingCourseInput {
  @Field({ description: "The training provider (at most 100 characters)." })
  provider: string;

  @Field({ description: "Name of the course (at most 100 characters)." })
  title: string;

  @Field({ description: "The trade it trains for, as a tag (at most 40 characters)." })
  trade: string;

  @Field(() => [String], {
    nullable: true,
    description: "Skill tags a passed participant with a certificate gets (at most 20).",
  })
  certificates?: string[] | null;

  @Field(() => DateScalar, { description: "First day." })
  startDate: string;

  @Field(() => DateScalar, { description: "Last day, not before the first; not in the past." })
  endDate: string;

  @Field(() => Int, { description: "Seats, 1..500." })
  seats: number;

  @Field(() => Float, { description: "Training subsidy per participant, yuan (0 when none)." })
  subsidy: number;

  @Field({ description: "The notice that approves the course and sets its subsidy (at most 300 characters)." })
  subsidySource: string;
}

@InputType({ description: "Enrolling a person in a training course." })
export class EnrolInTrainingInput {
  @Field(() => ID, { description: "The participant's resident ID number." })
  idNumber: string;

  @Field(() => ID, { description: "The course." })
  courseId: string;
}

@InputType({ description: "The result of an enrolment." })
export class RecordTrainingResultInput {
  @Field(() => ID, { description: "The enrolment." })
  enrolmentId: string;

  @Field({ description: "True when the participant passed." })
  passed: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "The certificate issued (name and number, at most 60 characters): its course's skill tags go onto the person's job-seeker profile. Only with passed.",
  })
  certificate?: string | null;
}
