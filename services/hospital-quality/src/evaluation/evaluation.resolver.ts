import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "@onewindow/platform";
import { RECORD_WRITERS, requireHospitalScope } from "../access";
import { HOSPITAL_ACT } from "../messages";
import { parseHospitalCode } from "../hospital/hospital-code";
import type { Services } from "../services";
import { SubmitPatientEvaluationInput } from "./evaluation.inputs";
import { PatientEvaluation } from "./patient-evaluation.entity";

@Resolver(() => PatientEvaluation)
export class EvaluationResolver {
  constructor(private readonly s: Services) {}

  @Authorized(...RECORD_WRITERS)
  @Mutation(() => PatientEvaluation, {
    description:
      "Records a patient's evaluation from the counter device, the survey or a phone call: the hospital's administrator.",
  })
  submitPatientEvaluation(
    @Arg("input", () => SubmitPatientEvaluationInput, { description: "The evaluation." })
    input: SubmitPatientEvaluationInput,
    @Ctx() ctx: RequestContext,
  ) {
    requireHospitalScope(
      ctx.caller,
      parseHospitalCode(input.hospitalCode),
      RECORD_WRITERS,
      HOSPITAL_ACT.recordEvaluations,
    );
    return this.s.evaluations.submit(input);
  }
}
