import type { DataSource } from "typeorm";
import {
  BadUserInputError,
  EventPublisher,
  requiredText,
  toConnection,
  type PageRequest,
  type Clock,
  parsePastDate,
} from "@onewindow/platform";
import { HospitalEvents } from "@onewindow/contracts";
import { HOSPITAL } from "../messages";
import { parseHospitalCode } from "../hospital/hospital-code";
import { requireHospital } from "../hospital/hospital.service";
import { parseCosts, parsePatient, parsePrescriber } from "../record-validation";
import { addToRollup } from "../rollup/rollup.writer";
import type { MetricInputs } from "../metrics/metrics.cache";
import { InpatientStay } from "./inpatient-stay.entity";
import type { RecordInpatientStayInput } from "./inpatient.inputs";

/** Inpatient stays, recorded at discharge; the discharge event lets insurance create the claim. */
export class InpatientService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly figures: MetricInputs,
  ) {}

  async record(input: RecordInpatientStayInput): Promise<InpatientStay> {
    const hospitalCode = parseHospitalCode(input.hospitalCode);
    const admittedOn = parsePastDate(input.admittedOn, "admittedOn", this.clock);
    const dischargedOn = parsePastDate(input.dischargedOn, "dischargedOn", this.clock);
    if (dischargedOn < admittedOn) {
      throw new BadUserInputError(HOSPITAL.dischargeBeforeAdmission.with({ dischargedOn, admittedOn }), "dischargedOn");
    }
    const department = requiredText(input.department, "department", 40);
    const { totalFen, drugFen } = parseCosts(input.totalCost, input.drugCost);
    const stay = this.db.manager.create(InpatientStay, {
      hospitalCode,
      admittedOn,
      dischargedOn,
      department,
      totalFen,
      drugFen,
      prescriberId: parsePrescriber(input.prescriberId),
      patientIdNumber: parsePatient(input.patientIdNumber),
      firstReachedOn: null,
    });
    return this.db.transaction(async (tx) => {
      await requireHospital(tx, hospitalCode);
      await tx.save(stay);
      await addToRollup(
        tx,
        { hospitalCode, day: dischargedOn, department },
        { discharges: 1, inpatient_drug_fen: drugFen, inpatient_total_fen: totalFen },
      );
      await this.figures.changed(tx, hospitalCode, [dischargedOn]);
      await this.events.publish(tx, {
        type: HospitalEvents.inpatientDischarged,
        subject: stay.patientIdNumber ?? hospitalCode,
        data: {
          stayId: stay.id,
          hospitalCode,
          patientIdNumber: stay.patientIdNumber,
          department,
          admittedOn,
          dischargedOn,
          totalCostFen: totalFen,
          drugCostFen: drugFen,
        },
      });
      return stay;
    });
  }

  /**
   * Discharged patients still to be followed up (the discharge follow-up of the seed text):
   * stays with a patient and no REACHED call yet, the longest-waiting first.
   */
  async dueFollowUps(hospitalCode: string, page: PageRequest) {
    const [rows, total] = await this.db
      .getRepository(InpatientStay)
      .createQueryBuilder("s")
      .where("s.hospital_code = :hospitalCode", { hospitalCode })
      .andWhere("s.patient_id_number IS NOT NULL")
      .andWhere("s.first_reached_on IS NULL")
      .orderBy("s.discharged_on", "ASC")
      .addOrderBy("s.id", "ASC")
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return toConnection(rows, total, page);
  }
}
