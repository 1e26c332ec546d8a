import { buildFederatedSchema } from "@onewindow/platform";
import { CitizenResolver } from "./citizen/citizen.resolver";
import { citizenReference } from "./citizen/citizen.reference";
import { EmployerResolver } from "./employer/employer.resolver";
import { employerReference } from "./employer/employer.reference";
import { EmploymentResolver } from "./employment/employment.resolver";
import { JobPostingResolver } from "./job-posting/job-posting.resolver";
import { RetirementResolver } from "./retirement/retirement.resolver";
import { RetirementAgeResolver } from "./retirement-age/retirement-age.resolver";
import { EmployerCaseResolver, EmployerDisputeResolver } from "./employer-case/employer-case.resolver";
import type { Services } from "./services";
import { UnemploymentResolver } from "./unemployment/unemployment.resolver";
import { JobSeekerResolver } from "./job-seeker/job-seeker.resolver";
import { CitizenReferralResolver, JobPostingReferralResolver, ReferralResolver } from "./referral/referral.resolver";
import { BenefitResolver, CitizenBenefitResolver } from "./benefit/benefit.resolver";
import { CitizenReliefResolver, ReliefGrantResolver, ReliefResolver } from "./relief/relief.resolver";
import {
  CitizenTrainingResolver,
  TrainingCourseResolver,
  TrainingEnrolmentResolver,
} from "./training/training.resolver";
import { CitizenOutreachResolver, OutreachResolver, OutreachVisitResolver } from "./outreach/outreach.resolver";

const resolvers = [
  CitizenResolver,
  EmployerResolver,
  EmploymentResolver,
  JobPostingResolver,
  RetirementResolver,
  RetirementAgeResolver,
  UnemploymentResolver,
  JobSeekerResolver,
  ReferralResolver,
  CitizenReferralResolver,
  JobPostingReferralResolver,
  BenefitResolver,
  CitizenBenefitResolver,
  ReliefResolver,
  ReliefGrantResolver,
  CitizenReliefResolver,
  TrainingCourseResolver,
  TrainingEnrolmentResolver,
  CitizenTrainingResolver,
  OutreachResolver,
  OutreachVisitResolver,
  CitizenOutreachResolver,
  EmployerCaseResolver,
  EmployerDisputeResolver,
] as const;

/** Labor security's subgraph schema; resolvers get the department's services injected. */
export function buildLaborSchema(s: Services) {
  return buildFederatedSchema({
    department: "labor-security",
    auditRoot: true,
    resolvers,
    services: s,
    referenceResolvers: { Citizen: citizenReference(s), Employer: employerReference(s) },
  });
}
