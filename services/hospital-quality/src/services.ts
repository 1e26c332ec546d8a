import type { DataSource } from "typeorm";
import { EventPublisher, systemClock, type Clock } from "@onewindow/platform";
import { EvaluationService } from "./evaluation/evaluation.service";
import { FollowUpService } from "./follow-up/follow-up.service";
import { HospitalService } from "./hospital/hospital.service";
import { InpatientService } from "./inpatient/inpatient.service";
import { MetricsService } from "./metrics/metrics.service";
import { OutpatientService } from "./outpatient/outpatient.service";
import { grantWindowSecondsFromEnv } from "./prescriber/grant-window";
import { PrescriberStatsService } from "./prescriber/prescriber-stats.service";

/** Every service of the department, wired to one data source and one event publisher. */
export interface Services {
  hospitals: HospitalService;
  outpatient: OutpatientService;
  inpatient: InpatientService;
  followUps: FollowUpService;
  evaluations: EvaluationService;
  metrics: MetricsService;
  prescribers: PrescriberStatsService;
}

/** What tests replace: the prescriber grants' window and the clock every service reads "today" and "now" by. */
export interface ServiceOptions {
  /** Seconds an approved grant stays open; default from the environment (see grant-window.ts). */
  grantWindowSeconds?: number;
  clock?: Clock;
}

export function createServices(db: DataSource, options: ServiceOptions = {}): Services {
  const events = new EventPublisher("hospital-quality");
  const clock = options.clock ?? systemClock;
  return {
    hospitals: new HospitalService(db, events, clock),
    outpatient: new OutpatientService(db, events, clock),
    inpatient: new InpatientService(db, events, clock),
    followUps: new FollowUpService(db, events, clock),
    evaluations: new EvaluationService(db, events, clock),
    metrics: new MetricsService(db),
    prescribers: new PrescriberStatsService(db, options.grantWindowSeconds ?? grantWindowSecondsFromEnv(), clock),
  };
}
