import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";

@InputType({ description: "A registration as unemployed." })
export class RegisterUnemploymentInput {
  @Field(() => ID, { description: "The citizen's resident ID number." })
  idNumber: string;

  @Field(() => DateScalar, { description: "Day of registration; not in the future." })
  registeredOn: string;

  @Field(() => String, { nullable: true, description: "Reason (contract ended, dismissal ...)." })
  reason?: string | null;
}
