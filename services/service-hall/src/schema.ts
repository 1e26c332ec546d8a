import { buildFederatedSchema } from "@onewindow/platform";
import { CalendarResolver } from "./calendar/calendar.resolver";
import { caseReference } from "./case/case.reference";
import { CaseResolver } from "./case/case.resolver";
import { CatalogueResolver } from "./catalogue/catalogue.resolver";
import { citizenReference } from "./citizen/citizen.reference";
import { CitizenResolver } from "./citizen/citizen.resolver";
import { Citizen } from "./citizen/citizen.stub";
import { EvaluationResolver } from "./evaluation/evaluation.resolver";
import { KpiResolver } from "./kpi/kpi.resolver";
import { CentreResolver } from "./centre/centre.resolver";
import { QueueResolver } from "./queue/queue.resolver";
import { CitizenQueueTicketsResolver, TicketHolderResolver } from "./queue/ticket-holder.resolver";
import { AssessmentResolver } from "./assessment/assessment.resolver";
import { AppointmentResolver } from "./appointment/appointment.resolver";
import { RectificationResolver } from "./rectification/rectification.resolver";
import { StaffCommitmentResolver, StaffResolver } from "./staff/staff.resolver";
import {
  BuildingResolver,
  EmployerBuildingResolver,
  EnterpriseServiceResolver,
} from "./enterprise/enterprise.resolver";
import { Employer, employerReference } from "./enterprise/employer.stub";
import { InspectionCaseResolver, MediationCaseResolver } from "./disputes/disputes.resolver";
import type { Services } from "./services";

const resolvers = [
  CatalogueResolver,
  QueueResolver,
  AppointmentResolver,
  CaseResolver,
  CitizenResolver,
  CitizenQueueTicketsResolver,
  TicketHolderResolver,
  EvaluationResolver,
  RectificationResolver,
  KpiResolver,
  CentreResolver,
  CalendarResolver,
  StaffResolver,
  StaffCommitmentResolver,
  BuildingResolver,
  EnterpriseServiceResolver,
  EmployerBuildingResolver,
  InspectionCaseResolver,
  MediationCaseResolver,
  AssessmentResolver,
] as const;

/** The service hall's subgraph schema; resolvers get the hall's services injected. */
export function buildServiceHallSchema(s: Services) {
  return buildFederatedSchema({
    department: "service-hall",
    resolvers,
    services: s,
    orphanedTypes: [Citizen, Employer],
    referenceResolvers: { Citizen: citizenReference(), Case: caseReference(s), Employer: employerReference() },
  });
}
