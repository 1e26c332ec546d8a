import { HallEvents } from "@onewindow/contracts";
import type { EventHandlers } from "@onewindow/platform";
import type { Services } from "../services";

/**
 * The service hall's inspection and mediation cases fill the employer's file: every event
 * carries the whole case, kept by revision, inside the inbox transaction (a redelivery writes
 * nothing twice, an older event never overwrites a newer one).
 */
export function hallCaseHandlers(s: Services): EventHandlers {
  return {
    [HallEvents.inspectionOpened]: (event, tx) => s.employerCases.applyInspection(tx, event.data),
    [HallEvents.inspectionExamined]: (event, tx) => s.employerCases.applyInspection(tx, event.data),
    [HallEvents.inspectionOrdered]: (event, tx) => s.employerCases.applyInspection(tx, event.data),
    [HallEvents.inspectionClosed]: (event, tx) => s.employerCases.applyInspection(tx, event.data),
    [HallEvents.mediationOpened]: (event, tx) => s.employerCases.applyMediation(tx, event.data),
    [HallEvents.mediationHeard]: (event, tx) => s.employerCases.applyMediation(tx, event.data),
    [HallEvents.mediationClosed]: (event, tx) => s.employerCases.applyMediation(tx, event.data),
  };
}
