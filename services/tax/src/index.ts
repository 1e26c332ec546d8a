import "reflect-metadata";
import type { SubgraphDefinition } from "@onewindow/platform";
import { PERSONAL_DATA_READERS } from "./access";
import { TaxInitial1763800000003 } from "./migrations/1763800000003-initial.migration";
import { IncomeTax2026Law1764800000004 } from "./migrations/1764800000004-income-tax-2026-law.migration";
import { TaxLimit } from "./limits/tax-limit.entity";
import { PensionIncome } from "./pension/pension-income.entity";
import { buildTaxSchema } from "./schema";
import { retirementApprovedHandlers } from "./handlers/retirement-approved.handler";
import { createServices, type Services } from "./services";
import { TaxReturn } from "./tax-return/tax-return.entity";
import { WithholdingReturn } from "./withholding/withholding-return.entity";

export {
  PensionIncome,
  TaxLimit,
  TaxReturn,
  WithholdingReturn,
  TaxInitial1763800000003,
  IncomeTax2026Law1764800000004,
};
export * from "./income-tax.policy";
export * from "./additional-deductions.policy";
export { TaxLimitService } from "./limits/tax-limit.service";
export { TaxLimitItem } from "./limits/tax-limit.enums";
export { AdditionalDeductionCategory, RentCityTier, ContinuingEducationKind } from "./tax-return/tax-return.enums";
export { reconciliationEnd } from "./tax-return/tax-return.service";
export { TaxStanding } from "./withholding/withholding-return.enums";
export { seedTaxDemo, type SeedTaxDemoOptions } from "./seed/demo-data.seed";
export { TAX, TAX_DEDUCTIONS, TAX_DEDUCTION_CATEGORIES, TAX_RENT_TIERS, TAX_EXEMPTION } from "./messages";
export type { PensionIncomeRecord } from "./pension/pension-income.service";
export type { Services as TaxServices };

/** The tax department as a subgraph: extends `Citizen` and `Employer` with returns and standing.
 * (`satisfies`: its type keeps the options its services take, which its tests pass.) */
export const tax = {
  name: "tax",
  defaultPort: 4003,
  entities: [TaxReturn, WithholdingReturn, PensionIncome, TaxLimit],
  migrations: [TaxInitial1763800000003, IncomeTax2026Law1764800000004],
  personalDataReaders: PERSONAL_DATA_READERS,
  createServices,
  buildSchema: buildTaxSchema,
  eventHandlers: retirementApprovedHandlers,
} satisfies SubgraphDefinition<Services>;
