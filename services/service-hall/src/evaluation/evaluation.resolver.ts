import { Arg, Mutation, Resolver } from "type-graphql";
import type { Services } from "../services";
import { SubmitEvaluationInput } from "./evaluation.inputs";
import { HallEvaluation } from "./hall-evaluation.entity";

@Resolver(() => HallEvaluation)
export class EvaluationResolver {
  constructor(private readonly s: Services) {}

  @Mutation(() => HallEvaluation, {
    description: "Records a citizen's evaluation of a case or a window; UNSATISFIED opens a rectification item. BAD_USER_INPUT for a case that does not exist.",
  })
  submitEvaluation(@Arg("input", () => SubmitEvaluationInput, { description: "The evaluation." }) input: SubmitEvaluationInput) {
    return this.s.evaluations.submit(input);
  }
}
