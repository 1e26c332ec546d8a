import { HospitalEvents } from "@onewindow/contracts";
import { Enrolment } from "../enrolment/enrolment.entity";
import { fenToYuan, type EventHandlers } from "@onewindow/platform";
import type { Services } from "../services";

/**
 * A discharged inpatient's stay becomes a claim on their medical insurance. A stay without a
 * patient ID, or of someone never insured here, is no claim of ours.
 */
export function inpatientDischargedHandlers(s: Services): EventHandlers {
  return {
    [HospitalEvents.inpatientDischarged]: async (event, tx) => {
      const { patientIdNumber, hospitalCode, dischargedOn, totalCostFen, drugCostFen } = event.data;
      if (!patientIdNumber || !(await tx.existsBy(Enrolment, { idNumber: patientIdNumber }))) return;
      await s.claims.submit(
        {
          idNumber: patientIdNumber,
          hospitalCode,
          visitDate: dischargedOn,
          totalCost: fenToYuan(totalCostFen),
          drugCost: fenToYuan(drugCostFen),
        },
        tx,
      );
    },
  };
}
