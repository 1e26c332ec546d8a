import type { DataSource } from "typeorm";
import { EventPublisher } from "@onewindow/platform";
import { CitizenService } from "./citizen/citizen.service";
import { EmployerService } from "./employer/employer.service";
import { EmploymentService } from "./employment/employment.service";
import { JobPostingService } from "./job-posting/job-posting.service";
import { RetirementService } from "./retirement/retirement.service";
import { UnemploymentService } from "./unemployment/unemployment.service";

/** Every service of the department, wired to one data source and one event publisher. */
export interface Services {
  citizens: CitizenService;
  employers: EmployerService;
  employments: EmploymentService;
  unemployment: UnemploymentService;
  retirements: RetirementService;
  jobPostings: JobPostingService;
}

export function createServices(db: DataSource): Services {
  const events = new EventPublisher("labor-security");
  return {
    citizens: new CitizenService(db, events),
    employers: new EmployerService(db, events),
    employments: new EmploymentService(db, events),
    unemployment: new UnemploymentService(db, events),
    retirements: new RetirementService(db, events),
    jobPostings: new JobPostingService(db, events),
  };
}
