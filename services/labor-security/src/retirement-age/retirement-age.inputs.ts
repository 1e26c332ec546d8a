import { Field, InputType, Int } from "type-graphql";

@InputType({ description: "New parameters for a statutory retirement age table, with the notice that sets them." })
export class UpdateRetirementAgeRuleInput {
  @Field({ description: "Rule code: MALE, FEMALE_CADRE or FEMALE_WORKER." })
  code: string;

  @Field(() => Int, { description: "Statutory age before the reform, years (40-70)." })
  originalAgeYears: number;

  @Field({ description: "First birth month whose age is raised, YYYY-MM." })
  startBirthMonth: string;

  @Field(() => Int, { description: "Birth months per one month of rise (1-12)." })
  stepBirthMonths: number;

  @Field(() => Int, { description: "Age at which the rise stops, years; not below originalAgeYears." })
  targetAgeYears: number;

  @Field(() => Int, { description: "Flexible early retirement, at most this many months (0-60)." })
  maxEarlyMonths: number;

  @Field(() => Int, { description: "Flexible delay, at most this many months (0-60)." })
  maxDelayMonths: number;

  @Field({ description: "The law or notice that sets these parameters (required, up to 500 characters)." })
  source: string;
}
