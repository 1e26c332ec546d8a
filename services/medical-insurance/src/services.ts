import type { DataSource } from "typeorm";
import { EventPublisher } from "@onewindow/platform";
import { ClaimService } from "./claim/claim.service";
import { EnrolmentService } from "./enrolment/enrolment.service";

/** Every service of the department, wired to one data source and one event publisher. */
export interface Services {
  enrolments: EnrolmentService;
  claims: ClaimService;
}

export function createServices(db: DataSource): Services {
  const events = new EventPublisher("medical-insurance");
  return {
    enrolments: new EnrolmentService(db, events),
    claims: new ClaimService(db, events),
  };
}
