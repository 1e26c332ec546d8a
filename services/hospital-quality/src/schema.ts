import { buildFederatedSchema } from "@onewindow/platform";
import { EvaluationResolver } from "./evaluation/evaluation.resolver";
import { FollowUpResolver } from "./follow-up/follow-up.resolver";
import { hospitalReference } from "./hospital/hospital.reference";
import { HospitalResolver } from "./hospital/hospital.resolver";
import { InpatientResolver } from "./inpatient/inpatient.resolver";
import { MetricsResolver } from "./metrics/metrics.resolver";
import { OutpatientResolver } from "./outpatient/outpatient.resolver";
import { PrescriberResolver } from "./prescriber/prescriber.resolver";
import type { Services } from "./services";

const resolvers = [
  HospitalResolver,
  MetricsResolver,
  OutpatientResolver,
  InpatientResolver,
  FollowUpResolver,
  EvaluationResolver,
  PrescriberResolver,
] as const;

/** Hospital quality's subgraph schema; resolvers get the department's services injected. */
export function buildHospitalSchema(s: Services) {
  return buildFederatedSchema({
    department: "hospital-quality",
    resolvers,
    services: s,
    referenceResolvers: { Hospital: hospitalReference(s) },
  });
}
