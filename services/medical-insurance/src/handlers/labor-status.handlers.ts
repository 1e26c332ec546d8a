import { LaborEvents } from "@onewindow/contracts";
import type { EventHandlers } from "@onewindow/platform";
import { MedicalInsuranceScheme } from "../enrolment/enrolment.enums";
import type { Services } from "../services";

/**
 * Labor security's acts move people between schemes: a retiree stops paying personal
 * contributions, the unemployed are covered by the unemployment fund, a new job brings the
 * employee scheme under that employer.
 */
export function laborStatusHandlers(s: Services): EventHandlers {
  return {
    [LaborEvents.retirementApproved]: (event, tx) =>
      s.enrolments.switchScheme(tx, {
        idNumber: event.data.idNumber,
        scheme: MedicalInsuranceScheme.RETIREE,
        since: event.data.retiredOn,
      }),
    [LaborEvents.unemploymentRegistered]: (event, tx) =>
      s.enrolments.switchScheme(tx, {
        idNumber: event.data.idNumber,
        scheme: MedicalInsuranceScheme.UNEMPLOYED,
        since: event.data.registeredOn,
      }),
    [LaborEvents.employmentRecorded]: (event, tx) =>
      s.enrolments.switchScheme(tx, {
        idNumber: event.data.idNumber,
        scheme: MedicalInsuranceScheme.EMPLOYEE,
        creditCode: event.data.creditCode,
        since: event.data.startDate,
      }),
  };
}
