import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { RequestContext } from "@onewindow/platform";
import { RECORD_WRITERS, auditShownPatients, requireHospitalScope, shownPatient } from "../access";
import { HOSPITAL_ACT } from "../messages";
import { parseHospitalCode } from "../hospital/hospital-code";
import type { Services } from "../services";
import { InpatientStay } from "./inpatient-stay.entity";
import { RecordInpatientStayInput } from "./inpatient.inputs";

@Resolver(() => InpatientStay)
export class InpatientResolver {
  constructor(private readonly s: Services) {}

  @Authorized(...RECORD_WRITERS)
  @Mutation(() => InpatientStay, {
    description:
      "Records a finished inpatient stay at discharge: the hospital's administrator. Insurance creates a claim from it and a follow-up becomes due.",
  })
  async recordInpatientStay(
    @Arg("input", () => RecordInpatientStayInput, { description: "The stay." }) input: RecordInpatientStayInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    requireHospitalScope(ctx.caller, parseHospitalCode(input.hospitalCode), RECORD_WRITERS, HOSPITAL_ACT.recordStays);
    const stay = await this.s.inpatient.record(input);
    auditShownPatients(ctx, info, "InpatientStay", [stay.patientIdNumber]);
    return stay;
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: "The patient's resident ID number, masked (330182********0127); null when not recorded.",
  })
  patientIdNumber(@Root() stay: InpatientStay, @Ctx() ctx: RequestContext): string | null {
    return shownPatient(ctx, stay.patientIdNumber);
  }
}
