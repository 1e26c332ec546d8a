import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { hasRole, refuse, type RequestContext } from "@onewindow/platform";
import { EVALUATORS } from "../access";
import { parseCaseId } from "../case/case-id";
import { loaders } from "../loaders";
import { HALL_ACT } from "../messages";
import type { Services } from "../services";
import { SubmitEvaluationInput } from "./evaluation.inputs";
import { HallEvaluation } from "./hall-evaluation.entity";

@Resolver(() => HallEvaluation)
export class EvaluationResolver {
  constructor(private readonly s: Services) {}

  @Authorized(EVALUATORS)
  @Mutation(() => HallEvaluation, {
    description:
      "Records a citizen's evaluation of a case or a window; UNSATISFIED opens a rectification item. BAD_USER_INPUT for a case that does not exist. " +
      "The window's evaluator (window clerk) rates any case or window; a signed-in citizen rates their own case only.",
  })
  async submitEvaluation(
    @Arg("input", () => SubmitEvaluationInput, { description: "The evaluation." }) input: SubmitEvaluationInput,
    @Ctx() ctx: RequestContext,
  ) {
    if (!hasRole(ctx.caller, "window_clerk")) await this.checkOwnCase(input, ctx);
    return this.s.evaluations.submit(input, ctx.caller.userId);
  }

  /**
   * A citizen rates a case of their own: without one, anyone signed in could open rectification
   * items against any window. An unknown case is left to the service (BAD_USER_INPUT).
   */
  private async checkOwnCase(input: SubmitEvaluationInput, ctx: RequestContext): Promise<void> {
    if (input.caseId === null || input.caseId === undefined || input.caseId === "")
      refuse(ctx.caller, HALL_ACT.evaluateWithoutOwnCase);
    const found = await loaders.hallCase(ctx, this.s).load(parseCaseId(input.caseId));
    if (found && found.idNumber !== ctx.caller.idNumber) refuse(ctx.caller, HALL_ACT.evaluateOthersCase);
  }
}
