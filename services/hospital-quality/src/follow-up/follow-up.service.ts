import { IsNull, type DataSource } from "typeorm";
import { BadUserInputError, EventPublisher, type Clock, parsePastDate } from "@onewindow/platform";
import { HospitalEvents } from "@onewindow/contracts";
import { InpatientStay } from "../inpatient/inpatient-stay.entity";
import { addToRollup } from "../rollup/rollup.writer";
import type { MetricInputs } from "../metrics/metrics.cache";
import { HOSPITAL } from "../messages";
import { FollowUpOutcome } from "./follow-up.enums";
import { FollowUp } from "./follow-up.entity";
import type { RecordFollowUpInput } from "./follow-up.inputs";

/** Discharge follow-up calls (出院回访). */
export class FollowUpService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly figures: MetricInputs,
  ) {}

  /**
   * Records a call. `authorize`, when given, is called with the stay's hospital inside the
   * transaction before anything is written; it throws to refuse.
   */
  async record(input: RecordFollowUpInput, authorize?: (hospitalCode: string) => void): Promise<FollowUp> {
    const stayId = String(input.stayId ?? "").trim();
    if (!/^\d{1,9}$/.test(stayId))
      throw new BadUserInputError(HOSPITAL.notAStayId.with({ value: String(input.stayId) }), "stayId");
    const calledOn = parsePastDate(input.calledOn, "calledOn", this.clock);
    if (!Object.values(FollowUpOutcome).includes(input.outcome)) {
      throw new BadUserInputError(HOSPITAL.unknownOutcome.with({ outcome: input.outcome }), "outcome");
    }
    return this.db.transaction(async (tx) => {
      // The stay is a reference inside the input: unknown is an input mistake, not NOT_FOUND.
      const stay = await tx.findOneBy(InpatientStay, { id: Number(stayId) });
      if (!stay) throw new BadUserInputError(HOSPITAL.noStay.with({ stayId }), "stayId");
      authorize?.(stay.hospitalCode);
      if (calledOn < stay.dischargedOn) {
        throw new BadUserInputError(
          HOSPITAL.callBeforeDischarge.with({ calledOn, dischargedOn: stay.dischargedOn }),
          "calledOn",
        );
      }
      const followUp = tx.create(FollowUp, {
        stayId: stay.id,
        hospitalCode: stay.hospitalCode,
        department: stay.department,
        calledOn,
        outcome: input.outcome,
      });
      await tx.save(followUp);
      await addToRollup(
        tx,
        { hospitalCode: stay.hospitalCode, day: calledOn, department: stay.department },
        { follow_up_calls: 1 },
      );
      // A first reach counts for the discharge's day as well as the call's.
      await this.figures.changed(tx, stay.hospitalCode, [calledOn, stay.dischargedOn]);
      let firstReach = false;
      if (input.outcome === FollowUpOutcome.REACHED) {
        // Only the first REACHED call makes the discharge count as followed up; the conditional
        // update decides that atomically even when two calls are recorded at once.
        const set = await tx.update(
          InpatientStay,
          { id: stay.id, firstReachedOn: IsNull() },
          { firstReachedOn: calledOn },
        );
        firstReach = (set.affected ?? 0) > 0;
        if (firstReach) {
          await addToRollup(
            tx,
            { hospitalCode: stay.hospitalCode, day: stay.dischargedOn, department: stay.department },
            { discharges_reached: 1 },
          );
        }
      }
      await this.events.publish(tx, {
        type: HospitalEvents.followUpRecorded,
        subject: stay.patientIdNumber ?? stay.hospitalCode,
        data: {
          followUpId: followUp.id,
          stayId: stay.id,
          hospitalCode: stay.hospitalCode,
          calledOn,
          outcome: followUp.outcome,
          firstReach,
        },
      });
      return followUp;
    });
  }
}
