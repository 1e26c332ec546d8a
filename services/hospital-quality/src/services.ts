import type { DataSource } from "typeorm";
import {
  AggregateCache,
  EventPublisher,
  sharedCacheStore,
  systemClock,
  type CacheStore,
  type Clock,
} from "@onewindow/platform";
import { EvaluationService } from "./evaluation/evaluation.service";
import { FollowUpService } from "./follow-up/follow-up.service";
import { HospitalService } from "./hospital/hospital.service";
import { InpatientService } from "./inpatient/inpatient.service";
import { CachedMetricsService } from "./metrics/metrics.cache";
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
  /** The metrics through the department's cache, as the resolvers read them; writes invalidate it. */
  cachedMetrics: CachedMetricsService;
  prescribers: PrescriberStatsService;
}

/** What tests replace: the prescriber grants' window and the clock every service reads "today" and "now" by. */
export interface ServiceOptions {
  /** Seconds an approved grant stays open; default from the environment (see grant-window.ts). */
  grantWindowSeconds?: number;
  clock?: Clock;
  /** Where cached metrics live; default this process's store, from the environment (REDIS_URL or memory). */
  cacheStore?: CacheStore;
}

export function createServices(db: DataSource, options: ServiceOptions = {}): Services {
  const events = new EventPublisher("hospital-quality");
  const clock = options.clock ?? systemClock;
  const metrics = new MetricsService(db);
  const cache = new AggregateCache({
    service: "hospital-quality",
    db,
    store: options.cacheStore ?? sharedCacheStore(),
  });
  const cachedMetrics = new CachedMetricsService(metrics, cache);
  return {
    hospitals: new HospitalService(db, events, clock, cache),
    outpatient: new OutpatientService(db, events, clock, cachedMetrics),
    inpatient: new InpatientService(db, events, clock, cachedMetrics),
    followUps: new FollowUpService(db, events, clock, cachedMetrics),
    evaluations: new EvaluationService(db, events, clock, cachedMetrics),
    metrics,
    cachedMetrics,
    prescribers: new PrescriberStatsService(db, options.grantWindowSeconds ?? grantWindowSecondsFromEnv(), clock),
  };
}
