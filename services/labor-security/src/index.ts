import "reflect-metadata";
import type { SubgraphDefinition } from "@onewindow/platform";
import { PERSONAL_DATA_READERS } from "./access";
import { Citizen } from "./citizen/citizen.entity";
import { Employer } from "./employer/employer.entity";
import { Employment } from "./employment/employment.entity";
import { JobPosting } from "./job-posting/job-posting.entity";
import { LaborInitial1763800000001 } from "./migrations/1763800000001-initial.migration";
import { RetirementPension1763900000002 } from "./migrations/1763900000002-retirement-pension.migration";
import { StatutoryRetirementAndEqualHiring1764300000003 } from "./migrations/1764300000003-statutory-retirement-and-equal-hiring.migration";
import { Retirement } from "./retirement/retirement.entity";
import { RetirementAgeRule } from "./retirement-age/retirement-age.entity";
import { EmployerDispute, EmployerInspection } from "./employer-case/employer-case.entity";
import { hallCaseHandlers } from "./handlers/hall-cases.handlers";
import { EmployerCases1765200000010 } from "./migrations/1765200000010-employer-cases.migration";
import { buildLaborSchema } from "./schema";
import { createServices, type Services } from "./services";
import { UnemploymentRegistration } from "./unemployment/unemployment-registration.entity";
import { JobSeekerProfile } from "./job-seeker/job-seeker.entity";
import { JobPostingSkill } from "./job-posting/job-posting-skill.entity";
import { Referral } from "./referral/referral.entity";
import { JobSeekersAndReferrals1764900000004 } from "./migrations/1764900000004-job-seekers-and-referrals.migration";
import { BenefitPayment, UnemploymentBenefitClaim, UnemploymentBenefitLevel } from "./benefit/benefit.entity";
import { BenefitAndRelief1764900000005 } from "./migrations/1764900000005-benefit-and-relief.migration";
import { MatchingIndexes1765100000008 } from "./migrations/1765100000008-matching-indexes.migration";
import { ReliefCampaign, ReliefGrant, ReliefHardshipFlag } from "./relief/relief.entity";
import { TrainingCourse, TrainingEnrolment } from "./training/training.entity";
import { Training1765100000006 } from "./migrations/1765100000006-training.migration";
import { OutreachVisit } from "./outreach/outreach.entity";
import { Outreach1765100000007 } from "./migrations/1765100000007-outreach.migration";

export { EmployerDispute, EmployerInspection };
export { Citizen, Employer, Employment, JobPosting, Retirement, RetirementAgeRule, UnemploymentRegistration };
export * from "./citizen/citizen.enums";
export { RegistrationStatus } from "./unemployment/unemployment-registration.entity";
export { GenderRequirement } from "./job-posting/job-posting.entity";
export { GenderRequirementGround } from "./job-posting/job-posting.enums";
export { Availability, levelsAtMost } from "./job-seeker/job-seeker.enums";
export { JobPostingSkill, JobSeekerProfile };
export { ReferralOutcome, ReferralStatus } from "./referral/referral.enums";
export { EarlyRetirementGround, RetirementCategory } from "./retirement-age/retirement-age.enums";
export { seedLaborDemo, type SeedLaborDemoOptions } from "./seed/demo-data.seed";
export { ReliefSeason } from "./relief/relief.enums";
export { TrainingEnrolmentStatus } from "./training/training.enums";
export { OutreachChannel, OutreachDueKind, OutreachKind } from "./outreach/outreach.enums";
export type { Services as LaborServices };

/** The labor-security department as a subgraph: owner of `Citizen` and `Employer`.
 * (`satisfies`: its type keeps the options its services take, which its tests pass.) */
export const laborSecurity = {
  name: "labor-security",
  defaultPort: 4001,
  entities: [
    Citizen,
    Employer,
    Employment,
    UnemploymentRegistration,
    Retirement,
    JobPosting,
    RetirementAgeRule,
    JobSeekerProfile,
    JobPostingSkill,
    Referral,
    UnemploymentBenefitLevel,
    UnemploymentBenefitClaim,
    BenefitPayment,
    ReliefCampaign,
    ReliefGrant,
    ReliefHardshipFlag,
    TrainingCourse,
    TrainingEnrolment,
    OutreachVisit,
    EmployerInspection,
    EmployerDispute,
  ],
  migrations: [
    LaborInitial1763800000001,
    RetirementPension1763900000002,
    StatutoryRetirementAndEqualHiring1764300000003,
    JobSeekersAndReferrals1764900000004,
    BenefitAndRelief1764900000005,
    Training1765100000006,
    Outreach1765100000007,
    MatchingIndexes1765100000008,
    EmployerCases1765200000010,
  ],
  personalDataReaders: PERSONAL_DATA_READERS,
  createServices,
  buildSchema: buildLaborSchema,
  // The service hall's inspection and mediation cases, kept on the employer's file.
  eventHandlers: hallCaseHandlers,
} satisfies SubgraphDefinition<Services>;
