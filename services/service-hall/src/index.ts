import "reflect-metadata";
import type { SubgraphDefinition } from "@onewindow/platform";
import { HallCase } from "./case/case.entity";
import { CaseTask } from "./case/case-task.entity";
import { ServiceItem } from "./catalogue/service-item.entity";
import { HallEvaluation } from "./evaluation/hall-evaluation.entity";
import { departmentConfirmationHandlers } from "./handlers/department-confirmation.handlers";
import { ServiceHallInitial1763800000501 } from "./migrations/1763800000501-initial.migration";
import { ServiceHallCatalogue1763800000502 } from "./migrations/1763800000502-catalogue.migration";
import { ServiceHallHolidaySchedule1763800000503 } from "./migrations/1763800000503-holiday-schedule.migration";
import { HolidayScheduleRow } from "./calendar/holiday-schedule.entity";
import { ServiceHallCaseDueAndVatLaw1763800000504 } from "./migrations/1763800000504-case-due-and-vat-law.migration";
import { QueueTicket } from "./queue/queue-ticket.entity";
import { CentreSetting } from "./queue/centre-setting.entity";
import { Appointment, AppointmentSchedule, AppointmentSlotCount } from "./appointment/appointment.entity";
import { Appointments1765100000506 } from "./migrations/1765100000506-appointments.migration";
import { TicketHolder1765100000507 } from "./migrations/1765100000507-ticket-holder.migration";
import { TicketHolderIndex1765100000508 } from "./migrations/1765100000508-ticket-holder-index.migration";
import { ServiceCentres1765200000510 } from "./migrations/1765200000510-service-centres.migration";
import { QueueSkipTransfer1765100000505 } from "./migrations/1765100000505-queue-skip-transfer.migration";
import { HallRectification } from "./rectification/rectification.entity";
import { CommitmentReview, StaffCommitment, WindowStaff } from "./staff/staff.entity";
import { WindowStaff1765200000521 } from "./migrations/1765200000521-window-staff.migration";
import { Building, BuildingCompany, EnterpriseService } from "./enterprise/enterprise.entity";
import { EnterpriseServices1765200000530 } from "./migrations/1765200000530-enterprise-services.migration";
import { InspectionCase, MediationCase, MediationSession } from "./disputes/disputes.entity";
import { Disputes1765200000540 } from "./migrations/1765200000540-disputes.migration";
import {
  Assessment,
  AssessmentPointScore,
  AssessmentStandardItemRow,
  AssessmentStandardRow,
} from "./assessment/assessment.entity";
import { Assessment1765200000550 } from "./migrations/1765200000550-assessment.migration";
import { KpiRollup1765200000560 } from "./migrations/1765200000560-kpi-rollup.migration";
import { QueueNumberPerCentre1765200000570 } from "./migrations/1765200000570-queue-number-per-centre.migration";
import { KpiRollupWeeksCentres1765300000010 } from "./migrations/1765300000010-kpi-rollup-weeks-centres.migration";
import { PartitionCasesEvaluationsTickets1765400000580 } from "./migrations/1765400000580-partition-cases-evaluations-tickets.migration";
import { HALL_PARTITIONS } from "./partitions";
import { buildServiceHallSchema } from "./schema";
import { createServices, type ServiceOptions, type Services } from "./services";
import { PERSONAL_DATA_READERS } from "./access";

export {
  CaseTask,
  HallCase,
  HallEvaluation,
  HallRectification,
  QueueTicket,
  ServiceItem,
  ServiceHallInitial1763800000501,
  ServiceHallCatalogue1763800000502,
  ServiceHallHolidaySchedule1763800000503,
  ServiceHallCaseDueAndVatLaw1763800000504,
  QueueSkipTransfer1765100000505,
  Appointments1765100000506,
  TicketHolder1765100000507,
  ServiceCentres1765200000510,
  QueueNumberPerCentre1765200000570,
  HolidayScheduleRow,
  CentreSetting,
  Appointment,
  AppointmentSchedule,
  AppointmentSlotCount,
  WindowStaff,
  StaffCommitment,
  CommitmentReview,
  WindowStaff1765200000521,
  Building,
  BuildingCompany,
  EnterpriseService,
  EnterpriseServices1765200000530,
  InspectionCase,
  MediationCase,
  MediationSession,
  Disputes1765200000540,
  Assessment,
  AssessmentPointScore,
  AssessmentStandardItemRow,
  AssessmentStandardRow,
  Assessment1765200000550,
  KpiRollup1765200000560,
  KpiRollupWeeksCentres1765300000010,
};
export { requireStaff } from "./staff/staff.service";
export { rebuildKpiRollupSql } from "./kpi/kpi-rollup.sql";
export { WindowStaffBadge } from "./staff/staff.enums";
export { HallDepartment } from "./catalogue/catalogue.enums";
export { CaseStatus, CaseTaskStatus } from "./case/case.enums";
export { HallEvaluationChannel, HallRating } from "./evaluation/evaluation.enums";
export { QueuePriority } from "./queue/queue.enums";
export { ServiceCentre } from "./centre/service-centre.entity";
export { CentreLevel, CentreRankingMetric } from "./centre/centre.enums";
export { RectificationSource, RectificationStatus } from "./rectification/rectification.enums";
export { EnterpriseServiceKind } from "./enterprise/enterprise.enums";
export {
  LaborInspectionKind,
  LaborInspectionStatus,
  MediationOutcome,
  MediationStatus,
} from "./disputes/disputes.enums";
export { MEDIATION_LIMIT_DAYS, mediationDueOn } from "./disputes/disputes.service";
export { AssessmentKind, AssessmentStatus } from "./assessment/assessment.enums";
export { DRAFT_STANDARD, DRAFT_STANDARD_VERSION } from "./assessment/standard.draft";
export {
  WorkingCalendar,
  calendarAdditionsFromEnv,
  OFFICIAL_SCHEDULES,
  type CalendarAdditions,
  type HolidaySchedule,
} from "./calendar/working-calendar";
export { statutoryHolidays } from "./calendar/statutory-holidays";
export {
  seedServiceHallDemo,
  type SeedServiceHallDemoOptions,
  type SeedServiceHallDemoResult,
} from "./seed/demo-data.seed";
export { KAIXUAN } from "./seed/kaixuan.figures";
export { WUCHAN } from "./seed/wuchan.figures";
export {
  seedEnterpriseStationDemo,
  type SeedEnterpriseStationOptions,
  type SeedEnterpriseStationResult,
} from "./seed/enterprise-station.seed";
export { createServices, type ServiceOptions };
export type { Services as ServiceHallServices };

/**
 * The service hall as a subgraph: owner of `Case`, extends `Citizen` with its cases.
 * (`satisfies`: its type keeps the options its services take, which its tests pass.)
 */
export const serviceHall = {
  name: "service-hall",
  defaultPort: 4005,
  entities: [
    ServiceItem,
    QueueTicket,
    CentreSetting,
    AppointmentSchedule,
    AppointmentSlotCount,
    Appointment,
    HallCase,
    CaseTask,
    HallEvaluation,
    HallRectification,
    HolidayScheduleRow,
    WindowStaff,
    StaffCommitment,
    CommitmentReview,
    Building,
    BuildingCompany,
    EnterpriseService,
    InspectionCase,
    MediationCase,
    MediationSession,
    AssessmentStandardRow,
    AssessmentStandardItemRow,
    Assessment,
    AssessmentPointScore,
  ],
  migrations: [
    ServiceHallInitial1763800000501,
    ServiceHallCatalogue1763800000502,
    ServiceHallHolidaySchedule1763800000503,
    ServiceHallCaseDueAndVatLaw1763800000504,
    QueueSkipTransfer1765100000505,
    Appointments1765100000506,
    TicketHolder1765100000507,
    TicketHolderIndex1765100000508,
    WindowStaff1765200000521,
    EnterpriseServices1765200000530,
    Disputes1765200000540,
    Assessment1765200000550,
    ServiceCentres1765200000510,
    KpiRollup1765200000560,
    QueueNumberPerCentre1765200000570,
    KpiRollupWeeksCentres1765300000010,
    PartitionCasesEvaluationsTickets1765400000580,
  ],
  partitions: HALL_PARTITIONS,
  // Only the window clerk reads any citizen's cases; a citizen reads their own (ctx.access).
  personalDataReaders: PERSONAL_DATA_READERS,
  // hallKpis and centreRanking (kpi/kpi.cache.ts).
  aggregateCache: true,
  // A priority ticket at the hall's machine: the holder's own ID card proves the age, nothing is kept.
  selfServiceActs: ["Mutation.takeQueueTicket"],
  createServices,
  buildSchema: buildServiceHallSchema,
  eventHandlers: departmentConfirmationHandlers,
} satisfies SubgraphDefinition<Services>;
