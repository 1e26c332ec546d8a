import { Arg, Mutation, Resolver } from "type-graphql";
import type { Services } from "../services";
import { SubmitPatientEvaluationInput } from "./evaluation.inputs";
import { PatientEvaluation } from "./patient-evaluation.entity";

@Resolver(() => PatientEvaluation)
export class EvaluationResolver {
  constructor(private readonly s: Services) {}

  @Mutation(() => PatientEvaluation, { description: "Records a patient's evaluation from the counter device, the survey or a phone call." })
  submitPatientEvaluation(@Arg("input", () => SubmitPatientEvaluationInput, { description: "The evaluation." }) input: SubmitPatientEvaluationInput) {
    return this.s.evaluations.submit(input);
  }
}
