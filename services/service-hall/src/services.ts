import type { DataSource } from "typeorm";
import {
  AggregateCache,
  EventPublisher,
  sharedCacheStore,
  systemClock,
  type CacheStore,
  type Clock,
} from "@onewindow/platform";
import { CalendarService } from "./calendar/calendar.service";
import { calendarAdditionsFromEnv, type CalendarAdditions } from "./calendar/working-calendar";
import { CaseQueryService } from "./case/case-query.service";
import { CaseService } from "./case/case.service";
import { DepartmentConfirmationService } from "./case/department-confirmation.service";
import { CatalogueService } from "./catalogue/catalogue.service";
import { EvaluationService } from "./evaluation/evaluation.service";
import { CachedKpiService } from "./kpi/kpi.cache";
import { KpiService } from "./kpi/kpi.service";
import { CentreService } from "./centre/centre.service";
import { QueueService } from "./queue/queue.service";
import { AssessmentService } from "./assessment/assessment.service";
import { AppointmentService } from "./appointment/appointment.service";
import { RectificationService } from "./rectification/rectification.service";
import { StaffService } from "./staff/staff.service";
import { EnterpriseServiceService } from "./enterprise/enterprise.service";
import { InspectionService, MediationService } from "./disputes/disputes.service";

/** Every service of the hall, wired to one data source, one event publisher, one calendar and one clock. */
export interface Services {
  clock: Clock;
  calendar: CalendarService;
  catalogue: CatalogueService;
  queue: QueueService;
  appointments: AppointmentService;
  cases: CaseService;
  caseQueries: CaseQueryService;
  confirmations: DepartmentConfirmationService;
  evaluations: EvaluationService;
  rectifications: RectificationService;
  kpis: KpiService;
  /** The KPIs through the hall's cache, as the resolvers read them; the hall's writes invalidate it. */
  cachedKpis: CachedKpiService;
  staff: StaffService;
  enterprise: EnterpriseServiceService;
  inspections: InspectionService;
  mediations: MediationService;
  assessments: AssessmentService;
  centres: CentreService;
}

/** What tests (and a different installation) may replace: the days added to the holiday schedules, and the clock. */
export interface ServiceOptions {
  calendarAdditions?: CalendarAdditions;
  clock?: Clock;
  /** Where cached KPIs live; default this process's store, from the environment (REDIS_URL or memory). */
  cacheStore?: CacheStore;
}

export function createServices(db: DataSource, options: ServiceOptions = {}): Services {
  const events = new EventPublisher("service-hall");
  const calendar = new CalendarService(db, options.calendarAdditions ?? calendarAdditionsFromEnv());
  const clock = options.clock ?? systemClock;
  const queue = new QueueService(db, events, clock);
  const kpis = new KpiService(db, clock);
  const kpiCache = new AggregateCache({ service: "service-hall", db, store: options.cacheStore ?? sharedCacheStore() });
  return {
    clock,
    calendar,
    catalogue: new CatalogueService(db),
    queue,
    appointments: new AppointmentService(db, events, calendar, queue, clock),
    cases: new CaseService(db, events, calendar, clock),
    caseQueries: new CaseQueryService(db, clock),
    confirmations: new DepartmentConfirmationService(events, clock),
    evaluations: new EvaluationService(db, calendar, clock),
    rectifications: new RectificationService(db, clock),
    kpis,
    cachedKpis: new CachedKpiService(kpis, kpiCache, clock, db),
    staff: new StaffService(db, clock),
    enterprise: new EnterpriseServiceService(db, clock),
    inspections: new InspectionService(db, events, calendar, clock),
    mediations: new MediationService(db, events, calendar, clock),
    assessments: new AssessmentService(db, calendar, clock),
    centres: new CentreService(db, events, clock),
  };
}
