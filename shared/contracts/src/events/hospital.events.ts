/** The events hospital quality publishes. */
export const HospitalEvents = {
  hospitalRegistered: "onewindow.hospital.hospital.registered",
  outpatientRecorded: "onewindow.hospital.outpatient.recorded",
  /** A stay is recorded when the patient leaves: insurance creates a claim from it, a follow-up becomes due. */
  inpatientDischarged: "onewindow.hospital.inpatient.discharged",
  followUpRecorded: "onewindow.hospital.followup.recorded",
  evaluationSubmitted: "onewindow.hospital.evaluation.submitted",
} as const;

/**
 * Their payloads (version 1). Dates are YYYY-MM-DD; an outpatient visit's costs are yuan (two
 * decimals) as first published, a discharge's integer fen.
 */
export interface HospitalEventPayloads {
  "onewindow.hospital.hospital.registered": {
    code: string;
    name: string;
    level: "PRIMARY" | "SECONDARY" | "TERTIARY" | null;
    grade: string | null;
  };
  "onewindow.hospital.outpatient.recorded": {
    visitId: number;
    hospitalCode: string;
    visitDate: string;
    department: string;
    patientIdNumber: string | null;
    totalCost: number;
    drugCost: number;
  };
  "onewindow.hospital.inpatient.discharged": {
    stayId: number;
    hospitalCode: string;
    patientIdNumber: string | null;
    department: string;
    admittedOn: string;
    dischargedOn: string;
    totalCostFen: number;
    drugCostFen: number;
  };
  "onewindow.hospital.followup.recorded": {
    followUpId: number;
    stayId: number;
    hospitalCode: string;
    calledOn: string;
    outcome: "REACHED" | "UNREACHABLE" | "DECLINED";
    /** True when the first call reached the patient. */
    firstReach: boolean;
  };
  "onewindow.hospital.evaluation.submitted": {
    evaluationId: number;
    hospitalCode: string;
    evaluatedOn: string;
    channel: string;
    satisfied: boolean;
    department: string | null;
  };
}
