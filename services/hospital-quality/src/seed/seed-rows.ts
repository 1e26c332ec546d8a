import type { FollowUpOutcome } from "../follow-up/follow-up.enums";
import type { PatientEvaluationChannel } from "../evaluation/evaluation.enums";

/** Rows as the bulk writer takes them: the columns of each table, money in fen. */
export interface RecordRow {
  hospitalCode: string;
  department: string;
  totalFen: number;
  drugFen: number;
  prescriberId: string | null;
  patientIdNumber: string | null;
}

export interface VisitRow extends RecordRow {
  visitDate: string;
}

export interface StayRow extends RecordRow {
  admittedOn: string;
  dischargedOn: string;
}

/** A follow-up call planned for the stay at `stayIndex` of the batch it was generated with. */
export interface FollowUpPlan {
  stayIndex: number;
  calledOn: string;
  outcome: FollowUpOutcome;
}

export interface EvaluationRow {
  hospitalCode: string;
  evaluatedOn: string;
  channel: PatientEvaluationChannel;
  satisfied: boolean;
  department: string | null;
  score: number | null;
}
