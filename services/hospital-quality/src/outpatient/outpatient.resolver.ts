import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { RequestContext } from "@onewindow/platform";
import { RECORD_WRITERS, auditShownPatients, requireHospitalScope, shownPatient } from "../access";
import { HOSPITAL_ACT } from "../messages";
import { parseHospitalCode } from "../hospital/hospital-code";
import type { Services } from "../services";
import { OutpatientVisit } from "./outpatient-visit.entity";
import { RecordOutpatientVisitInput } from "./outpatient.inputs";

@Resolver(() => OutpatientVisit)
export class OutpatientResolver {
  constructor(private readonly s: Services) {}

  @Authorized(...RECORD_WRITERS)
  @Mutation(() => OutpatientVisit, {
    description:
      "Records an outpatient or emergency visit: the hospital's administrator. BAD_USER_INPUT for an unknown hospital or bad costs or dates.",
  })
  async recordOutpatientVisit(
    @Arg("input", () => RecordOutpatientVisitInput, { description: "The visit." }) input: RecordOutpatientVisitInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    requireHospitalScope(ctx.caller, parseHospitalCode(input.hospitalCode), RECORD_WRITERS, HOSPITAL_ACT.recordVisits);
    const visit = await this.s.outpatient.record(input);
    auditShownPatients(ctx, info, "OutpatientVisit", [visit.patientIdNumber]);
    return visit;
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: "The patient's resident ID number, masked (330182********0127); null when not recorded.",
  })
  patientIdNumber(@Root() visit: OutpatientVisit, @Ctx() ctx: RequestContext): string | null {
    return shownPatient(ctx, visit.patientIdNumber);
  }
}
