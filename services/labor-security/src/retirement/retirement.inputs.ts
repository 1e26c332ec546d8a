import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";

@InputType({ description: "An approval of retirement." })
export class ApproveRetirementInput {
  @Field(() => ID, { description: "The retiree's resident ID number." })
  idNumber: string;

  @Field(() => DateScalar, { description: "First day of retirement; not in the future." })
  retiredOn: string;

  @Field({ nullable: true, description: "Monthly basic pension awarded, yuan (tax records it as exempt income)." })
  monthlyPension?: number;
}
