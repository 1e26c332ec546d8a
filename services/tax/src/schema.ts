import { buildFederatedSchema } from "@onewindow/shared";
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
  const instances = new Map<Function, unknown>(resolvers.map((R) => [R, new R(s)]));
  return buildFederatedSchema({
    department: "tax",
    resolvers,
    container: { get: (cls) => instances.get(cls) },
    referenceResolvers: { Citizen: citizenReference(), Employer: employerReference() },
  });
}
