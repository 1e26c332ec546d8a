import type { DataSource } from "typeorm";
import { EventPublisher } from "@onewindow/platform";
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

/** What tests replace: the prescriber grants' window and clock. */
export interface ServiceOptions {
  /** Seconds an approved grant stays open; default from the environment (see grant-window.ts). */
  grantWindowSeconds?: number;
  now?: () => Date;
}

export function createServices(db: DataSource, options: ServiceOptions = {}): Services {
  const events = new EventPublisher("hospital-quality");
  return {
    hospitals: new HospitalService(db, events),
    outpatient: new OutpatientService(db, events),
    inpatient: new InpatientService(db, events),
    followUps: new FollowUpService(db, events),
    evaluations: new EvaluationService(db, events),
    metrics: new MetricsService(db),
    prescribers: new PrescriberStatsService(db, options.grantWindowSeconds ?? grantWindowSecondsFromEnv(), options.now),
  };
}
