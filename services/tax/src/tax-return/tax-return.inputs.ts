import { Field, Float, ID, InputType, Int } from "type-graphql";

@InputType({ description: "An annual reconciliation return. Amounts in yuan, at most two decimals, not negative." })
export class FileTaxReturnInput {
  @Field(() => ID, { description: "The taxpayer's 18-character resident ID number." })
  idNumber: string;

  @Field(() => Int, { description: "The tax year, from 2019 (the first reconciled year) to the current year." })
  year: number;

  @Field(() => Float, { description: "Wages and salaries for the year, yuan." })
  wageIncome: number;

  @Field(() => Float, { nullable: true, description: "Basic pension received, yuan (exempt); default 0." })
  pensionIncome?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Special deductions (personal social insurance and housing fund), yuan; default 0.",
  })
  specialDeductions?: number | null;

  @Field(() => Float, { nullable: true, description: "Special additional deductions, yuan; default 0." })
  additionalDeductions?: number | null;

  @Field(() => Float, { description: "Tax withheld during the year, yuan." })
  taxWithheld: number;
}
