import { Field, Float, ID, InputType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { MedicalInsuranceScheme } from "./enrolment.enums";

@InputType({ description: "Enrols a person in a medical insurance scheme; replaces their current enrolment." })
export class EnrollMedicalInsuranceInput {
  @Field(() => ID, { description: "The insured person's resident ID number." })
  idNumber: string;

  @Field(() => MedicalInsuranceScheme, { description: "The scheme to enrol in." })
  scheme: MedicalInsuranceScheme;

  @Field(() => ID, {
    nullable: true,
    description: "The employer's unified social credit code; required for EMPLOYEE, not allowed otherwise.",
  })
  creditCode?: string | null;

  @Field(() => DateScalar, {
    description: "First day of cover; not in the future, not before the current enrolment's start.",
  })
  since: string;

  @Field(() => Float, {
    nullable: true,
    description: "Monthly contribution base, yuan (EMPLOYEE only; default 6,000).",
  })
  contributionBase?: number | null;
}
