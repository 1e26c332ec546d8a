import { InsuranceEvents, LaborEvents, TaxEvents } from "@onewindow/contracts";
import type { EventHandlers } from "@onewindow/platform";
import { CaseTaskDepartmentName } from "../case/case.enums";
import type { Services } from "../services";

/**
 * The departments' own events confirm their part of a multi-department case (retirement):
 * labor approved the retirement, insurance moved the person to the retiree scheme, tax recorded
 * the pension. Each runs inside the inbox transaction, so a redelivered event confirms nothing twice.
 */
export function departmentConfirmationHandlers(s: Services): EventHandlers {
  return {
    [LaborEvents.retirementApproved]: async (event, tx) => {
      await s.confirmations.confirm(tx, CaseTaskDepartmentName.LABOR, event);
    },
    [InsuranceEvents.enrolmentChanged]: async (event, tx) => {
      // Any other scheme change (a new job, unemployment) is not the retirement's confirmation.
      if (event.data.scheme === "RETIREE") await s.confirmations.confirm(tx, CaseTaskDepartmentName.INSURANCE, event);
    },
    [TaxEvents.pensionIncomeRecorded]: async (event, tx) => {
      await s.confirmations.confirm(tx, CaseTaskDepartmentName.TAX, event);
    },
  };
}
