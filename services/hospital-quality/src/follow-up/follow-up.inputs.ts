import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { FollowUpOutcome } from "./follow-up.enums";

@InputType({ description: "A follow-up call made to a discharged patient." })
export class RecordFollowUpInput {
  @Field(() => ID, { description: "Id of the inpatient stay followed up." })
  stayId: string;

  @Field(() => DateScalar, { description: "Day of the call; not before the discharge and not in the future." })
  calledOn: string;

  @Field(() => FollowUpOutcome, { description: "How the call ended." })
  outcome: FollowUpOutcome;
}
