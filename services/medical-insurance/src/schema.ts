import { buildFederatedSchema } from "@onewindow/platform";
import { ClaimResolver } from "./claim/claim.resolver";
import { citizenReference } from "./citizen/citizen.reference";
import { CitizenResolver } from "./citizen/citizen.resolver";
import { Citizen } from "./citizen/citizen.stub";
import { employerReference } from "./employer/employer.reference";
import { EmployerResolver } from "./employer/employer.resolver";
import { Employer } from "./employer/employer.stub";
import { EnrolmentResolver } from "./enrolment/enrolment.resolver";
import type { Services } from "./services";

const resolvers = [CitizenResolver, EmployerResolver, EnrolmentResolver, ClaimResolver] as const;

/** Medical insurance's subgraph schema; resolvers get the department's services injected. */
export function buildMedicalInsuranceSchema(s: Services) {
  return buildFederatedSchema({
    department: "medical-insurance",
    resolvers,
    services: s,
    // No query of ours reaches the stubs; the gateway does, through `_entities`.
    orphanedTypes: [Citizen, Employer],
    referenceResolvers: { Citizen: citizenReference(), Employer: employerReference() },
  });
}
