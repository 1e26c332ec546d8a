import { registerEnumType } from "type-graphql";

/** How a patient gave an evaluation. */
export enum PatientEvaluationChannel {
  DEVICE = "DEVICE",
  SURVEY = "SURVEY",
  PHONE = "PHONE",
}
registerEnumType(PatientEvaluationChannel, {
  name: "PatientEvaluationChannel",
  description: "How a patient gave an evaluation.",
  valuesConfig: {
    DEVICE: { description: "The electronic evaluator at the outpatient and emergency counters (电子服务评价器)." },
    SURVEY: { description: "The inpatient satisfaction questionnaire (满意度调查表)." },
    PHONE: { description: "Asked during a discharge follow-up call." },
  },
});
