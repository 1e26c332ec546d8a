import "reflect-metadata";
import type { SubgraphDefinition } from "@onewindow/platform";
import { PERSONAL_DATA_READERS } from "./access";
import { TaxInitial1763800000003 } from "./migrations/1763800000003-initial.migration";
import { PensionIncome } from "./pension/pension-income.entity";
import { buildTaxSchema } from "./schema";
import { retirementApprovedHandlers } from "./handlers/retirement-approved.handler";
import { createServices, type Services } from "./services";
import { TaxReturn } from "./tax-return/tax-return.entity";
import { WithholdingReturn } from "./withholding/withholding-return.entity";

export { PensionIncome, TaxReturn, WithholdingReturn, TaxInitial1763800000003 };
export * from "./income-tax.policy";
export { TaxStanding } from "./withholding/tax-standing.enum";
export type { PensionIncomeRecord } from "./pension/pension-income.service";
export type { Services as TaxServices };

/** The tax department as a subgraph: extends `Citizen` and `Employer` with returns and standing. */
export const tax: SubgraphDefinition<Services> = {
  name: "tax",
  defaultPort: 4003,
  entities: [TaxReturn, WithholdingReturn, PensionIncome],
  migrations: [TaxInitial1763800000003],
  personalDataReaders: PERSONAL_DATA_READERS,
  createServices,
  buildSchema: buildTaxSchema,
  eventHandlers: retirementApprovedHandlers,
};
