import type { EventHandlers } from "@onewindow/shared";
import { MedicalInsuranceScheme } from "../enrolment/enrolment.enums";
import type { Services } from "../services";

/**
 * Labor security's acts move people between schemes: a retiree stops paying personal
 * contributions, the unemployed are covered by the unemployment fund, a new job brings the
 * employee scheme under that employer.
 */
export function laborStatusHandlers(s: Services): EventHandlers {
  return {
    "onewindow.labor.retirement.approved": (event, tx) =>
      s.enrolments.switchScheme(tx, {
        idNumber: event.data.idNumber,
        scheme: MedicalInsuranceScheme.RETIREE,
        since: event.data.retiredOn,
      }),
    "onewindow.labor.unemployment.registered": (event, tx) =>
      s.enrolments.switchScheme(tx, {
        idNumber: event.data.idNumber,
        scheme: MedicalInsuranceScheme.UNEMPLOYED,
        since: event.data.registeredOn,
      }),
    "onewindow.labor.employment.recorded": (event, tx) =>
      s.enrolments.switchScheme(tx, {
        idNumber: event.data.idNumber,
        scheme: MedicalInsuranceScheme.EMPLOYEE,
        creditCode: event.data.creditCode,
        since: event.data.startDate,
      }),
  };
}
