import type { DataSource } from "typeorm";
import { EventPublisher, requiredText, type Clock, parsePastDate } from "@onewindow/platform";
import { HospitalEvents } from "@onewindow/contracts";
import { parseHospitalCode } from "../hospital/hospital-code";
import { requireHospital } from "../hospital/hospital.service";
import { parseCosts, parsePatient, parsePrescriber } from "../record-validation";
import { addToRollup } from "../rollup/rollup.writer";
import type { MetricInputs } from "../metrics/metrics.cache";
import { OutpatientVisit } from "./outpatient-visit.entity";
import type { RecordOutpatientVisitInput } from "./outpatient.inputs";

/** Outpatient visits: each one is written with its rollup delta and its event, or not at all. */
export class OutpatientService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly figures: MetricInputs,
  ) {}

  async record(input: RecordOutpatientVisitInput): Promise<OutpatientVisit> {
    const hospitalCode = parseHospitalCode(input.hospitalCode);
    const visitDate = parsePastDate(input.visitDate, "visitDate", this.clock);
    const department = requiredText(input.department, "department", 40);
    const { totalFen, drugFen } = parseCosts(input.totalCost, input.drugCost);
    const visit = this.db.manager.create(OutpatientVisit, {
      hospitalCode,
      visitDate,
      department,
      totalFen,
      drugFen,
      prescriberId: parsePrescriber(input.prescriberId),
      patientIdNumber: parsePatient(input.patientIdNumber),
    });
    return this.db.transaction(async (tx) => {
      await requireHospital(tx, hospitalCode);
      await tx.save(visit);
      await addToRollup(
        tx,
        { hospitalCode, day: visitDate, department },
        { outpatient_visits: 1, outpatient_drug_fen: drugFen, outpatient_total_fen: totalFen },
      );
      await this.figures.changed(tx, hospitalCode, [visitDate]);
      await this.events.publish(tx, {
        type: HospitalEvents.outpatientRecorded,
        subject: visit.patientIdNumber ?? hospitalCode,
        data: {
          visitId: visit.id,
          hospitalCode,
          visitDate,
          department,
          patientIdNumber: visit.patientIdNumber,
          totalCost: visit.totalCost,
          drugCost: visit.drugCost,
        },
      });
      return visit;
    });
  }
}
