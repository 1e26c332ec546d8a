import { Arg, Mutation, Resolver } from "type-graphql";
import type { Services } from "../services";
import { Enrolment } from "./enrolment.entity";
import { EnrollMedicalInsuranceInput } from "./enrolment.inputs";

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  constructor(private readonly s: Services) {}

  @Mutation(() => Enrolment, {
    description:
      "Enrols a person in a scheme; their current enrolment ends on the new one's first day. CONFLICT when already enrolled in the same scheme with the same employer.",
  })
  enrollMedicalInsurance(@Arg("input", () => EnrollMedicalInsuranceInput) input: EnrollMedicalInsuranceInput): Promise<Enrolment> {
    return this.s.enrolments.enroll(input);
  }
}
