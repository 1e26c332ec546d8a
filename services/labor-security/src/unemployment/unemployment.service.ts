import { In, IsNull } from "typeorm";
import {
  BadUserInputError,
  ConflictError,
  ageOn,
  optionalText,
  parsePastDate,
  parseIdNumber,
} from "@onewindow/platform";
import { LABOR } from "../messages";
import { PersonRecordService } from "../person-record.service";
import { LaborRuleError } from "../rule-error";
import { EmploymentStatus } from "../citizen/citizen.enums";
import { Citizen } from "../citizen/citizen.entity";
import { Employment } from "../employment/employment.entity";
import { citizenFor } from "../employment/employment.service";
import { LaborEvents } from "@onewindow/contracts";
import { RegistrationStatus, UnemploymentRegistration } from "./unemployment-registration.entity";
import type { RegisterUnemploymentInput } from "./unemployment.inputs";

/** Unemployment registrations (失业登记). */
export class UnemploymentService extends PersonRecordService {
  async register(input: RegisterUnemploymentInput): Promise<UnemploymentRegistration> {
    const { idNumber } = parseIdNumber(input.idNumber);
    const registeredOn = parsePastDate(input.registeredOn, "registeredOn", this.clock);
    const reason = optionalText(input.reason, "reason", 200);
    return this.db.transaction(async (tx) => {
      const citizen = await citizenFor(tx, idNumber);
      if (citizen.employmentStatus === EmploymentStatus.RETIRED) {
        throw new ConflictError(LABOR.unemploymentAfterRetirement.with({ idNumber }));
      }
      if (await tx.existsBy(UnemploymentRegistration, { idNumber, status: RegistrationStatus.OPEN })) {
        throw new ConflictError(LABOR.alreadyUnemployed.with({ idNumber }));
      }
      if (ageOn(citizen.birthDate, registeredOn) < 16) {
        throw new BadUserInputError(LABOR.under16.with({ date: registeredOn }), "registeredOn");
      }
      // Unemployment registration is for people 在法定劳动年龄内 (就业服务与就业管理规定 第六十三条):
      // it ends at the statutory retirement date, whatever the person's status.
      const schedule = await this.retirementAges.scheduleOf(citizen, tx);
      if (registeredOn >= schedule.statutoryDate) {
        throw new LaborRuleError(
          LABOR.unemploymentAtRetirementAge.with({
            statutoryDate: schedule.statutoryDate,
            ageYears: Math.floor(schedule.ageMonths / 12),
            ageMonths: schedule.ageMonths % 12,
            registeredOn,
          }),
          "registeredOn",
          "UNEMPLOYMENT_AT_RETIREMENT_AGE",
          { statutoryDate: schedule.statutoryDate },
        );
      }
      // Registering as unemployed ends the current job, if our records still show one.
      await tx.update(Employment, { idNumber, endDate: IsNull() }, { endDate: registeredOn });
      await tx.update(Citizen, { idNumber }, { employmentStatus: EmploymentStatus.UNEMPLOYED });
      const registration = tx.create(UnemploymentRegistration, {
        idNumber,
        registeredOn,
        reason,
        status: RegistrationStatus.OPEN,
        closedOn: null,
      });
      await tx.save(registration);
      await this.events.publish(tx, {
        type: LaborEvents.unemploymentRegistered,
        subject: idNumber,
        data: { idNumber, registeredOn, reason },
      });
      return registration;
    });
  }

  /** The latest registration (open or closed) of each citizen in a batch, in key order. */
  async latest(idNumbers: readonly string[]): Promise<(UnemploymentRegistration | null)[]> {
    const rows = await this.db
      .getRepository(UnemploymentRegistration)
      .find({ where: { idNumber: In([...idNumbers]) }, order: { registeredOn: "ASC", id: "ASC" } });
    const latest = new Map(rows.map((r) => [r.idNumber, r]));
    return idNumbers.map((id) => latest.get(id) ?? null);
  }
}
