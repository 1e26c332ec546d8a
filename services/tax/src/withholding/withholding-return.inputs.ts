import { Field, Float, ID, InputType, Int } from "type-graphql";

@InputType({
  description: "An employer's withholding return for one month. Amounts in yuan, at most two decimals, not negative.",
})
export class FileWithholdingReturnInput {
  @Field(() => ID, { description: "The employer's 18-character unified social credit code." })
  creditCode: string;

  @Field({ description: "The month covered, YYYY-MM, from 2019-01 to the current month." })
  period: string;

  @Field(() => Int, { description: "Employees paid in the month, 0 or more." })
  employees: number;

  @Field(() => Float, { description: "Wages paid in the month, yuan." })
  wagesTotal: number;

  @Field(() => Float, { description: "Tax withheld from employees' wages, yuan." })
  taxWithheld: number;

  @Field(() => Float, { description: "Tax paid over to the tax bureau for the month, yuan." })
  taxPaid: number;
}
