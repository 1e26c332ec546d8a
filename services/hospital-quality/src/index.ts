import "reflect-metadata";
import type { SubgraphDefinition } from "@onewindow/platform";
import { PatientEvaluation } from "./evaluation/patient-evaluation.entity";
import { FollowUp } from "./follow-up/follow-up.entity";
import { Hospital } from "./hospital/hospital.entity";
import { InpatientStay } from "./inpatient/inpatient-stay.entity";
import { HospitalInitial1763800000401 } from "./migrations/1763800000401-initial.migration";
import { DueFollowUps1763900000402 } from "./migrations/1763900000402-due-follow-ups.migration";
import { OutpatientVisit } from "./outpatient/outpatient-visit.entity";
import { PrescriberGrants1764100000403 } from "./migrations/1764100000403-prescriber-grants.migration";
import { PartitionVisitsAndStays1765400000404 } from "./migrations/1765400000404-partition-visits-and-stays.migration";
import { HOSPITAL_PARTITIONS } from "./partitions";
import { PrescriberStatsGrant } from "./prescriber/prescriber-grant.entity";
import { DailyRollup } from "./rollup/daily-rollup.entity";
import { buildHospitalSchema } from "./schema";
import { createServices, type ServiceOptions, type Services } from "./services";

export {
  DailyRollup,
  FollowUp,
  Hospital,
  InpatientStay,
  OutpatientVisit,
  PatientEvaluation,
  PrescriberStatsGrant,
  HospitalInitial1763800000401,
};
export { PrescriberGrantStatus } from "./prescriber/prescriber-grant.enums";
export { grantWindowSecondsFromEnv, MAX_GRANT_MINUTES } from "./prescriber/grant-window";
export { HospitalGrade, HospitalLevel } from "./hospital/hospital.enums";
export { FollowUpOutcome } from "./follow-up/follow-up.enums";
export { PatientEvaluationChannel } from "./evaluation/evaluation.enums";
export { Granularity, QualityMetric } from "./metrics/metrics.enums";
export {
  EXTRA_VISITS_YEAR,
  seedHospitalDemo,
  type SeedHospitalDemoOptions,
  type SeedHospitalDemoResult,
} from "./seed/demo-data.seed";
export { JIANDE } from "./seed/jiande.figures";
export type { Services as HospitalQualityServices, ServiceOptions as HospitalQualityServiceOptions };

/** The hospital-quality department as a subgraph: owner of `Hospital`.
 * (`satisfies`: its type keeps the options its services take, which its tests pass.) */
export const hospitalQuality = {
  name: "hospital-quality",
  defaultPort: 4004,
  entities: [Hospital, OutpatientVisit, InpatientStay, FollowUp, PatientEvaluation, DailyRollup, PrescriberStatsGrant],
  migrations: [
    HospitalInitial1763800000401,
    DueFollowUps1763900000402,
    PrescriberGrants1764100000403,
    PartitionVisitsAndStays1765400000404,
  ],
  partitions: HOSPITAL_PARTITIONS,
  // No one reads patients as persons here: administrators and offices manage care quality, for
  // which a masked ID number (access.ts) tells records apart well enough. Insurance,
  // not this department, is where a patient's identity is needed (it gets it by event).
  personalDataReaders: [],
  // Quality metrics and trends (metrics/metrics.cache.ts).
  aggregateCache: true,
  createServices,
  buildSchema: buildHospitalSchema,
} satisfies SubgraphDefinition<Services>;
