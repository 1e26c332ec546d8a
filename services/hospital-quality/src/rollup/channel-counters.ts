import type { PatientEvaluationChannel } from "../evaluation/evaluation.enums";
import type { RollupCounter } from "./rollup-delta";

/** The rollup counters an evaluation of each channel adds to. */
export const CHANNEL_COUNTERS: Record<PatientEvaluationChannel, { count: RollupCounter; satisfied: RollupCounter }> = {
  DEVICE: { count: "device_evaluations", satisfied: "device_satisfied" },
  SURVEY: { count: "survey_evaluations", satisfied: "survey_satisfied" },
  PHONE: { count: "phone_evaluations", satisfied: "phone_satisfied" },
};
