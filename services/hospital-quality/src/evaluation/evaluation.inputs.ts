import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { PatientEvaluationChannel } from "./evaluation.enums";

@InputType({ description: "A patient's evaluation of the care received." })
export class SubmitPatientEvaluationInput {
  @Field(() => ID, { description: "Code of a registered hospital." })
  hospitalCode: string;

  @Field(() => DateScalar, { description: "Day of the evaluation; not in the future." })
  evaluatedOn: string;

  @Field(() => PatientEvaluationChannel, { description: "How the evaluation was given." })
  channel: PatientEvaluationChannel;

  @Field({ description: "True when the patient was satisfied; the satisfaction rate counts these." })
  satisfied: boolean;

  @Field(() => String, { nullable: true, description: "Department evaluated; omit for the hospital as a whole." })
  department?: string | null;

  @Field(() => Int, { nullable: true, description: "Optional score from 1 (very dissatisfied) to 5 (very satisfied)." })
  score?: number | null;
}
