import type { DataSource } from "typeorm";
import { BadUserInputError, optionalText, todayBy, type Clock } from "@onewindow/platform";
import type { CalendarService } from "../calendar/calendar.service";
import { HallCase } from "../case/case.entity";
import { parseCaseId } from "../case/case-id";
import { HALL } from "../messages";
import { HOME_CENTRE } from "../queue/centre-setting.entity";
import { requireCentre } from "../queue/centres";
import { RectificationSource } from "../rectification/rectification.enums";
import { RectificationService } from "../rectification/rectification.service";
import { HallEvaluationChannel, HallRating } from "./evaluation.enums";
import type { SubmitEvaluationInput } from "./evaluation.inputs";
import { HallEvaluation } from "./hall-evaluation.entity";
import { knownStaff } from "../staff/staff.service";
import { kpiInputsChanged } from "../kpi/kpi.cache";

/** Working days an automatically opened rectification has: two working weeks (the centre's 限期整改). */
export const AUTO_RECTIFICATION_WORKING_DAYS = 10;

/** Citizens' evaluations; an UNSATISFIED one opens a rectification item in the same transaction. */
export class EvaluationService {
  constructor(
    private readonly db: DataSource,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /**
   * `clerk`: the signed-in caller's token subject. The staff member rated is the case's accepting
   * clerk, or without a case the clerk signed in at the window's evaluator (when on record).
   */
  async submit(input: SubmitEvaluationInput, clerk: string | null = null): Promise<HallEvaluation> {
    if (!Object.values(HallEvaluationChannel).includes(input.channel))
      throw new BadUserInputError(HALL.unknownChannel.with({ channel: input.channel }), "channel");
    if (!Object.values(HallRating).includes(input.rating))
      throw new BadUserInputError(HALL.unknownRating.with({ rating: input.rating }), "rating");
    const caseId =
      input.caseId === null || input.caseId === undefined || input.caseId === "" ? null : parseCaseId(input.caseId);
    const named = optionalText(input.window, "window", 20);
    if (caseId === null && named === null) throw new BadUserInputError(HALL.evaluationTarget, "window");
    const evaluatedOn = todayBy(this.clock);
    return this.db.transaction(async (tx) => {
      const hallCase = caseId === null ? null : await tx.findOneBy(HallCase, { id: caseId });
      if (caseId !== null && !hallCase) throw new BadUserInputError(HALL.noCaseToEvaluate.with({ caseId }), "caseId");
      if (hallCase && named !== null && named !== hallCase.window) {
        throw new BadUserInputError(
          HALL.caseAtOtherWindow.with({ caseId: hallCase.id, window: hallCase.window, named }),
          "window",
        );
      }
      const window = hallCase?.window ?? (named as string);
      const centre = hallCase?.centre ?? (await requireCentre(tx, input.centre ?? HOME_CENTRE)).code;
      const evaluation = tx.create(HallEvaluation, {
        caseId,
        window,
        centre,
        department: hallCase?.department ?? null,
        staffNumber: hallCase ? hallCase.staffNumber : await knownStaff(tx, clerk),
        channel: input.channel,
        rating: input.rating,
        evaluatedOn,
        rectificationId: null,
      });
      await tx.save(evaluation);
      await kpiInputsChanged(tx, [centre], [evaluatedOn]);
      if (input.rating === HallRating.UNSATISFIED) {
        const item = await RectificationService.openIn(tx, {
          source: RectificationSource.EVALUATION,
          // Stored in the ledger as written: Chinese, as the centre keeps it.
          description: (caseId
            ? HALL.unsatisfiedWithCase.with({ window, caseId })
            : HALL.unsatisfiedAtWindow.with({ window })
          ).zh,
          window,
          centre,
          evaluationId: evaluation.id,
          openedOn: evaluatedOn,
          deadline: (await this.calendar.current(tx)).deadline(evaluatedOn, AUTO_RECTIFICATION_WORKING_DAYS),
        });
        evaluation.rectificationId = item.id;
        await tx.update(HallEvaluation, { id: evaluation.id }, { rectificationId: item.id });
      }
      return evaluation;
    });
  }
}
