import "reflect-metadata";
import type { SubgraphDefinition } from "@onewindow/platform";
import { PERSONAL_DATA_READERS } from "./access";
import { Claim } from "./claim/claim.entity";
import { Enrolment } from "./enrolment/enrolment.entity";
import { MedicalInsuranceInitial1763800000002 } from "./migrations/1763800000002-initial.migration";
import { buildMedicalInsuranceSchema } from "./schema";
import { createServices, type Services } from "./services";
import { inpatientDischargedHandlers } from "./handlers/inpatient-discharged.handler";
import { laborStatusHandlers } from "./handlers/labor-status.handlers";

export { Claim, Enrolment, MedicalInsuranceInitial1763800000002 };
export { EnrolmentStatus, MedicalInsuranceScheme } from "./enrolment/enrolment.enums";
export {
  DEFAULT_CONTRIBUTION_BASE_FEN,
  monthlyContributions,
  type MonthlyContributions,
} from "./enrolment/contribution.policy";
export { seedInsuranceDemo, type SeedInsuranceDemoOptions } from "./seed/demo-data.seed";
export { INSURANCE } from "./messages";
export type { Services as MedicalInsuranceServices };

/** The medical-insurance department as a subgraph: extends `Citizen` and `Employer`.
 * (`satisfies`: its type keeps the options its services take, which its tests pass.) */
export const medicalInsurance = {
  name: "medical-insurance",
  defaultPort: 4002,
  entities: [Enrolment, Claim],
  migrations: [MedicalInsuranceInitial1763800000002],
  personalDataReaders: PERSONAL_DATA_READERS,
  createServices,
  buildSchema: buildMedicalInsuranceSchema,
  eventHandlers: (s) => ({ ...laborStatusHandlers(s), ...inpatientDischargedHandlers(s) }),
} satisfies SubgraphDefinition<Services>;
