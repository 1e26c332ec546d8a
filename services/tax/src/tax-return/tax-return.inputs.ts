import { Field, Float, ID, InputType, Int } from "type-graphql";
import { AdditionalDeductionCategory, ContinuingEducationKind, RentCityTier } from "./tax-return.enums";

@InputType({
  description:
    "One special additional deduction claimed for the year (or the personal pension), checked against its legal cap; a claim above the cap is refused.",
})
export class AdditionalDeductionClaimInput {
  @Field(() => AdditionalDeductionCategory, { description: "The category." })
  category: AdditionalDeductionCategory;

  @Field(() => Float, { description: "Yuan claimed for the year." })
  amount: number;

  @Field(() => Int, {
    nullable: true,
    description: "Months of the year the claim covers (monthly categories), 1–12; default 12.",
  })
  months?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "CHILD_EDUCATION, INFANT_CARE: children the line covers; default 1.",
  })
  children?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "ELDERLY_SUPPORT (required): true for an only child, who takes the whole amount; siblings share it.",
  })
  onlyChild?: boolean | null;

  @Field(() => RentCityTier, { nullable: true, description: "HOUSING_RENT (required): the city tier." })
  cityTier?: RentCityTier | null;

  @Field(() => ContinuingEducationKind, {
    nullable: true,
    description: "CONTINUING_EDUCATION (required): degree study or a vocational certificate.",
  })
  educationKind?: ContinuingEducationKind | null;

  @Field(() => String, {
    nullable: true,
    description: "CONTINUING_EDUCATION of a DEGREE (required): the month study began, YYYY-MM.",
  })
  degreeStartMonth?: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "SERIOUS_ILLNESS (required): out-of-pocket medical expense within the insurance catalogue for the year, yuan.",
  })
  outOfPocket?: number | null;
}

@InputType({ description: "An annual reconciliation return. Amounts in yuan, at most two decimals, not negative." })
export class FileTaxReturnInput {
  @Field(() => ID, { description: "The taxpayer's 18-character resident ID number." })
  idNumber: string;

  @Field(() => Int, {
    description:
      "The tax year, from 2019 (the first reconciled year) to last year: a year is reconciled once it has ended.",
  })
  year: number;

  @Field(() => Float, { description: "Wages and salaries for the year, yuan." })
  wageIncome: number;

  @Field(() => Float, { nullable: true, description: "Labour remuneration (劳务报酬), gross, yuan; default 0." })
  labourRemuneration?: number | null;

  @Field(() => Float, { nullable: true, description: "Author's remuneration (稿酬), gross, yuan; default 0." })
  authorRemuneration?: number | null;

  @Field(() => Float, { nullable: true, description: "Royalties (特许权使用费), gross, yuan; default 0." })
  royalties?: number | null;

  @Field(() => Float, { nullable: true, description: "Basic pension received, yuan (exempt); default 0." })
  pensionIncome?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Special deductions (personal social insurance and housing fund), yuan; default 0.",
  })
  specialDeductions?: number | null;

  @Field(() => [AdditionalDeductionClaimInput], {
    nullable: true,
    description: "Special additional deductions by category, each checked against its cap; default none.",
  })
  additionalDeductionClaims?: AdditionalDeductionClaimInput[] | null;

  @Field(() => Float, {
    nullable: true,
    deprecationReason: "A total cannot be checked against the caps: use additionalDeductionClaims. Only 0 is accepted.",
    description: "Formerly the special additional deductions as one total; only 0 (or nothing) is accepted now.",
  })
  additionalDeductions?: number | null;

  @Field(() => Float, { description: "Tax withheld during the year, yuan." })
  taxWithheld: number;
}
