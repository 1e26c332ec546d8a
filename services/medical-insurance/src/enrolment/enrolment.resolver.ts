import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "@onewindow/platform";
import { INSURANCE_WRITERS } from "../access";
import type { Services } from "../services";
import { Enrolment } from "./enrolment.entity";
import { EnrollMedicalInsuranceInput } from "./enrolment.inputs";

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  constructor(private readonly s: Services) {}

  @Authorized(INSURANCE_WRITERS)
  @Mutation(() => Enrolment, {
    description:
      "Enrols a person in a scheme; their current enrolment ends on the new one's first day. CONFLICT when already enrolled in the same scheme with the same employer.",
  })
  enrollMedicalInsurance(
    @Arg("input", () => EnrollMedicalInsuranceInput) input: EnrollMedicalInsuranceInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Enrolment> {
    ctx.access.readBeforeWrite(input.idNumber, info, "MedicalInsurance");
    return this.s.enrolments.enroll(input);
  }
}
