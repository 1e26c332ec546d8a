import type { DataSource } from "typeorm";
import { EventPublisher, systemClock, type Clock } from "@onewindow/platform";
import { ClaimService } from "./claim/claim.service";
import { EnrolmentService } from "./enrolment/enrolment.service";

/** Every service of the department, wired to one data source and one event publisher. */
export interface Services {
  enrolments: EnrolmentService;
  claims: ClaimService;
}

/** What tests (and a replayed day) may replace: the clock every service reads "today" and "now" by. */
export interface ServiceOptions {
  clock?: Clock;
}

export function createServices(db: DataSource, options: ServiceOptions = {}): Services {
  const events = new EventPublisher("medical-insurance");
  const clock = options.clock ?? systemClock;
  return {
    enrolments: new EnrolmentService(db, events, clock),
    claims: new ClaimService(db, events, clock),
  };
}
