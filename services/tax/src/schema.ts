import { buildFederatedSchema } from "@onewindow/platform";
import { CitizenResolver } from "./citizen/citizen.resolver";
import { citizenReference } from "./citizen/citizen.reference";
import { EmployerResolver } from "./employer/employer.resolver";
import { employerReference } from "./employer/employer.reference";
import { TaxLimitResolver } from "./limits/tax-limit.resolver";
import type { Services } from "./services";
import { TaxReturnResolver } from "./tax-return/tax-return.resolver";
import { WithholdingReturnResolver } from "./withholding/withholding-return.resolver";

const resolvers = [
  CitizenResolver,
  EmployerResolver,
  TaxReturnResolver,
  WithholdingReturnResolver,
  TaxLimitResolver,
] as const;

/** The tax department's subgraph schema; resolvers get the department's services injected. */
export function buildTaxSchema(s: Services) {
  return buildFederatedSchema({
    department: "tax",
    resolvers,
    services: s,
    referenceResolvers: { Citizen: citizenReference(), Employer: employerReference() },
  });
}
