import type { DataSource } from "typeorm";
import { EventPublisher, systemClock, type Clock } from "@onewindow/platform";
import { CitizenService } from "./citizen/citizen.service";
import { EmployerService } from "./employer/employer.service";
import { EmploymentService } from "./employment/employment.service";
import { JobPostingService } from "./job-posting/job-posting.service";
import { RetirementService } from "./retirement/retirement.service";
import { RetirementAgeService } from "./retirement-age/retirement-age.service";
import { UnemploymentService } from "./unemployment/unemployment.service";
import { JobSeekerService } from "./job-seeker/job-seeker.service";
import { ReferralService } from "./referral/referral.service";
import { BenefitService } from "./benefit/benefit.service";
import { ReliefService } from "./relief/relief.service";
import { TrainingService } from "./training/training.service";
import { OutreachService } from "./outreach/outreach.service";
import { EmployerCaseService } from "./employer-case/employer-case.service";

/** Every service of the department, wired to one data source, one event publisher and one clock. */
export interface Services {
  clock: Clock;
  retirementAges: RetirementAgeService;
  citizens: CitizenService;
  employers: EmployerService;
  employments: EmploymentService;
  unemployment: UnemploymentService;
  retirements: RetirementService;
  jobPostings: JobPostingService;
  jobSeekers: JobSeekerService;
  referrals: ReferralService;
  benefits: BenefitService;
  relief: ReliefService;
  training: TrainingService;
  outreach: OutreachService;
  employerCases: EmployerCaseService;
}

/** What tests (and a different installation) may replace: the clock every "today" is read from. */
export interface ServiceOptions {
  clock?: Clock;
}

export function createServices(db: DataSource, options: ServiceOptions = {}): Services {
  const events = new EventPublisher("labor-security");
  const clock = options.clock ?? systemClock;
  const retirementAges = new RetirementAgeService(db, clock);
  const citizens = new CitizenService(db, events, retirementAges, clock);
  const employments = new EmploymentService(db, events, clock);
  const jobSeekers = new JobSeekerService(db, clock);
  const benefits = new BenefitService(db, events, clock);
  const training = new TrainingService(db, clock);
  return {
    clock,
    retirementAges,
    citizens,
    employers: new EmployerService(db, events, clock),
    employments,
    unemployment: new UnemploymentService(db, events, retirementAges, clock),
    retirements: new RetirementService(db, events, retirementAges, clock),
    jobPostings: new JobPostingService(db, events, clock),
    jobSeekers,
    referrals: new ReferralService(db, events, citizens, employments, clock),
    benefits,
    relief: new ReliefService(db, events, clock),
    training,
    outreach: new OutreachService(db, clock, citizens, jobSeekers, training, benefits),
    employerCases: new EmployerCaseService(db, clock),
  };
}
