/**
 * The domain events medical insurance publishes (through its outbox). Payloads are versioned by
 * their type name; a breaking change gets a new type.
 */
export const InsuranceEvents = {
  enrolmentChanged: "onewindow.insurance.enrolment.changed",
  claimSubmitted: "onewindow.insurance.claim.submitted",
} as const;
