import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { EarlyRetirementGround } from "../retirement-age/retirement-age.enums";

@InputType({ description: "An approval of retirement." })
export class ApproveRetirementInput {
  @Field(() => ID, { description: "The retiree's resident ID number." })
  idNumber: string;

  @Field(() => DateScalar, {
    description:
      "First day of retirement; not in the future, not before Citizen.earliestRetirementDate (unless on a lawful ground), not after Citizen.latestRetirementDate.",
  })
  retiredOn: string;

  @Field(() => EarlyRetirementGround, {
    nullable: true,
    description: "Lawful ground for retiring before the flexible early-retirement date.",
  })
  earlyRetirementGround?: EarlyRetirementGround | null;

  @Field(() => String, {
    nullable: true,
    description: "With a ground: the document proving it (approval or appraisal number), up to 100 characters.",
  })
  groundReference?: string | null;

  @Field({ nullable: true, description: "Monthly basic pension awarded, yuan (tax records it as exempt income)." })
  monthlyPension?: number;
}
