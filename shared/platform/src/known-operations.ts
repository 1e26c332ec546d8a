/**
 * The operations OneWindow's own clients send by name: the dashboard's, the explorer's saved
 * examples (dashboard/src/operations.ts) and the daily operations (test/operations.graphql).
 * Their names are metric labels from the first request; other names only once an authenticated
 * caller has sent them (see {@link OperationLabels}). A test keeps this list equal to those files.
 */
export const KNOWN_OPERATIONS: readonly string[] = [
  "ApproveRetirement",
  "CitizenAcrossDepartments",
  "ClaimUnemploymentBenefit",
  "EmployerAcrossDepartments",
  "EmploymentAid",
  "EnrolInTraining",
  "HallCentres",
  "HallKpis",
  "HallWallScreen",
  "HospitalDashboard",
  "HospitalMetrics",
  "HospitalQuality",
  "JobBoard",
  "JobSeekerMatches",
  "JobSeekerProfile",
  "OutreachList",
  "PublicBoards",
  "RecordOutreachVisit",
  "RecordReferralOutcome",
  "RecordTrainingResult",
  "ReferJob",
  "ReferralFigures",
  "Relief",
  "RunBenefitPayments",
  "ServiceGuide",
  "TrainingCourses",
  "UnemploymentBenefitAtTheWindow",
];
