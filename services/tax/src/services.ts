import type { DataSource } from "typeorm";
import { EventPublisher } from "@onewindow/platform";
import { PensionIncomeService } from "./pension/pension-income.service";
import { TaxReturnService } from "./tax-return/tax-return.service";
import { WithholdingReturnService } from "./withholding/withholding-return.service";

/** Every service of the department, wired to one data source and one event publisher. */
export interface Services {
  taxReturns: TaxReturnService;
  withholdingReturns: WithholdingReturnService;
  pensionIncome: PensionIncomeService;
}

export function createServices(db: DataSource): Services {
  const events = new EventPublisher("tax");
  return {
    taxReturns: new TaxReturnService(db, events),
    withholdingReturns: new WithholdingReturnService(db, events),
    pensionIncome: new PensionIncomeService(db, events),
  };
}
