import type { DataSource } from "typeorm";
import {
  BadUserInputError,
  EventPublisher,
  intInRange,
  optionalText,
  type Clock,
  parsePastDate,
} from "@onewindow/platform";
import { HospitalEvents } from "@onewindow/contracts";
import { parseHospitalCode } from "../hospital/hospital-code";
import { requireHospital } from "../hospital/hospital.service";
import { CHANNEL_COUNTERS } from "../rollup/channel-counters";
import { addToRollup } from "../rollup/rollup.writer";
import type { MetricInputs } from "../metrics/metrics.cache";
import { HOSPITAL } from "../messages";
import type { SubmitPatientEvaluationInput } from "./evaluation.inputs";
import { PatientEvaluation } from "./patient-evaluation.entity";

/** Patient evaluations: the electronic evaluator, the inpatient survey and phone answers. */
export class EvaluationService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly figures: MetricInputs,
  ) {}

  async submit(input: SubmitPatientEvaluationInput): Promise<PatientEvaluation> {
    const hospitalCode = parseHospitalCode(input.hospitalCode);
    const evaluatedOn = parsePastDate(input.evaluatedOn, "evaluatedOn", this.clock);
    const counters = CHANNEL_COUNTERS[input.channel];
    if (!counters) throw new BadUserInputError(HOSPITAL.unknownChannel.with({ channel: input.channel }), "channel");
    if (typeof input.satisfied !== "boolean") throw new BadUserInputError(HOSPITAL.trueOrFalse, "satisfied");
    const evaluation = this.db.manager.create(PatientEvaluation, {
      hospitalCode,
      evaluatedOn,
      channel: input.channel,
      satisfied: input.satisfied,
      department: optionalText(input.department, "department", 40),
      // 1..5 matches the five buttons of the counter evaluators and the survey's five-point scale.
      score: intInRange(input.score, "score", 1, 5),
    });
    return this.db.transaction(async (tx) => {
      await requireHospital(tx, hospitalCode);
      await tx.save(evaluation);
      await addToRollup(
        tx,
        { hospitalCode, day: evaluatedOn, department: evaluation.department ?? "" },
        { [counters.count]: 1, [counters.satisfied]: evaluation.satisfied ? 1 : 0 },
      );
      await this.figures.changed(tx, hospitalCode, [evaluatedOn]);
      await this.events.publish(tx, {
        type: HospitalEvents.evaluationSubmitted,
        subject: hospitalCode,
        data: {
          evaluationId: evaluation.id,
          hospitalCode,
          evaluatedOn,
          channel: evaluation.channel,
          satisfied: evaluation.satisfied,
          department: evaluation.department,
        },
      });
      return evaluation;
    });
  }
}
