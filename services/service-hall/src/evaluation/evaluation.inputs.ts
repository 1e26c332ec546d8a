import { Field, ID, InputType } from "type-graphql";
import { HallEvaluationChannel, HallRating } from "./evaluation.enums";

@InputType({ description: "A citizen's evaluation; name the case, the window, or both." })
export class SubmitEvaluationInput {
  @Field(() => ID, { nullable: true, description: "The case evaluated; its window is the one evaluated." })
  caseId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The window evaluated; required without a case, must match the case's window with one.",
  })
  window?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Code of the service centre of the window evaluated without a case; default KAIXUAN. With a case, the case's centre counts.",
  })
  centre?: string | null;

  @Field(() => HallEvaluationChannel, { description: "How the evaluation was given." })
  channel: HallEvaluationChannel;

  @Field(() => HallRating, { description: "The rating; UNSATISFIED opens a rectification item." })
  rating: HallRating;
}
