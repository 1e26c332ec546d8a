import type { DataSource } from "typeorm";
import { EventPublisher, systemClock, type Clock } from "@onewindow/platform";
import { TaxLimitService } from "./limits/tax-limit.service";
import { PensionIncomeService } from "./pension/pension-income.service";
import { TaxReturnService } from "./tax-return/tax-return.service";
import { WithholdingReturnService } from "./withholding/withholding-return.service";

/** Every service of the department, wired to one data source, one event publisher and one clock. */
export interface Services {
  taxReturns: TaxReturnService;
  withholdingReturns: WithholdingReturnService;
  pensionIncome: PensionIncomeService;
  taxLimits: TaxLimitService;
}

/** What tests (and a replayed day) may replace: the clock every service reads "today" and "now" by. */
export interface ServiceOptions {
  clock?: Clock;
}

export function createServices(db: DataSource, options: ServiceOptions = {}): Services {
  const events = new EventPublisher("tax");
  const clock = options.clock ?? systemClock;
  const taxLimits = new TaxLimitService(db, clock);
  return {
    taxReturns: new TaxReturnService(db, events, taxLimits, clock),
    withholdingReturns: new WithholdingReturnService(db, events, clock),
    pensionIncome: new PensionIncomeService(db, events, clock),
    taxLimits,
  };
}
