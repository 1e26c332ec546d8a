import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";

@InputType({ description: "A job a citizen has taken up." })
export class RecordEmploymentInput {
  @Field(() => ID, { description: "The employee's resident ID number." })
  idNumber: string;

  @Field(() => ID, { description: "The employer's unified social credit code." })
  creditCode: string;

  @Field(() => DateScalar, { description: "First day of work; not in the future." })
  startDate: string;

  @Field(() => String, { nullable: true, description: "Job title or position." })
  position?: string | null;
}
