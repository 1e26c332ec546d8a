import { registerEnumType } from "type-graphql";

export enum TrainingEnrolmentStatus {
  ENROLLED = "ENROLLED",
  PASSED = "PASSED",
  FAILED = "FAILED",
}
registerEnumType(TrainingEnrolmentStatus, {
  name: "TrainingEnrolmentStatus",
  description: "Where an enrolment in a training course stands: ENROLLED until the result is recorded.",
});
