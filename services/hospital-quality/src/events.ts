/**
 * The domain events hospital quality publishes (through its outbox). Payloads are versioned by
 * their type name; a breaking change gets a new type.
 */
export const HospitalEvents = {
  hospitalRegistered: "onewindow.hospital.hospital.registered",
  outpatientRecorded: "onewindow.hospital.outpatient.recorded",
  /** A stay is recorded when the patient leaves: insurance creates a claim from it, a follow-up becomes due. */
  inpatientDischarged: "onewindow.hospital.inpatient.discharged",
  followUpRecorded: "onewindow.hospital.followup.recorded",
  evaluationSubmitted: "onewindow.hospital.evaluation.submitted",
} as const;
