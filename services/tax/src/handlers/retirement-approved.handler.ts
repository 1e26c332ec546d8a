import { LaborEvents } from "@onewindow/contracts";
import type { EventHandlers } from "@onewindow/platform";
import type { Services } from "../services";

/**
 * A retirement approved by labor security starts a basic pension, which is exempt income:
 * tax records the pension of the rest of the retirement year (months from the retirement
 * month on), keyed by the event so a redelivery records nothing twice.
 */
export function retirementApprovedHandlers(s: Services): EventHandlers {
  return {
    [LaborEvents.retirementApproved]: async (event, tx) => {
      const { idNumber, retiredOn, monthlyPensionFen } = event.data;
      const months = 12 - Number(retiredOn.slice(5, 7)) + 1;
      await s.pensionIncome.record(tx, {
        idNumber,
        year: Number(retiredOn.slice(0, 4)),
        amountFen: (monthlyPensionFen ?? 0) * months,
        source: "basic pension (retirement approved by labor security)",
        sourceRef: event.id,
      });
    },
  };
}
