/**
 * The domain events labor security publishes (through its outbox). Payloads are versioned by
 * their type name; a breaking change gets a new type.
 */
export const LaborEvents = {
  citizenRegistered: "onewindow.labor.citizen.registered",
  employerRegistered: "onewindow.labor.employer.registered",
  employmentRecorded: "onewindow.labor.employment.recorded",
  unemploymentRegistered: "onewindow.labor.unemployment.registered",
  retirementApproved: "onewindow.labor.retirement.approved",
  jobPosted: "onewindow.labor.job.posted",
} as const;
