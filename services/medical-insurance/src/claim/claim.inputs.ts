import { Field, Float, ID, InputType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";

@InputType({ description: "A claim for one hospital visit or stay." })
export class SubmitClaimInput {
  @Field(() => ID, { description: "The insured person's resident ID number." })
  idNumber: string;

  @Field({ description: "Code of the hospital that treated the person." })
  hospitalCode: string;

  @Field(() => DateScalar, { description: "Day of the visit (or of discharge); not in the future." })
  visitDate: string;

  @Field(() => Float, { description: "Total cost, yuan (at most two decimals, not negative)." })
  totalCost: number;

  @Field(() => Float, { description: "Drug part of the total cost, yuan; not more than totalCost." })
  drugCost: number;
}
