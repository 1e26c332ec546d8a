import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A claim of unemployment benefit on the person's open unemployment registration." })
export class ClaimUnemploymentBenefitInput {
  @Field(() => ID, { description: "The citizen's resident ID number." })
  idNumber: string;
}

@InputType({ description: "A new monthly amount of unemployment benefit, with the notice that sets it." })
export class UpdateUnemploymentBenefitLevelInput {
  @Field({ description: "Area code (HANGZHOU)." })
  code: string;

  @Field({ description: "Monthly amount, yuan (more than 0, up to 100,000)." })
  monthlyAmount: number;

  @Field({ description: "The law or notice that sets it (required, up to 500 characters)." })
  source: string;
}
