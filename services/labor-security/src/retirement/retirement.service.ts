import { In, IsNull, type DataSource } from "typeorm";
import {
  BadUserInputError,
  ConflictError,
  EventPublisher,
  ageOn,
  parseIdNumber,
  parsePastDate,
  yuanToFen,
} from "@onewindow/platform";
import { EmploymentStatus } from "../citizen/citizen.enums";
import { Citizen } from "../citizen/citizen.entity";
import { Employment } from "../employment/employment.entity";
import { citizenFor } from "../employment/employment.service";
import { LaborEvents } from "@onewindow/contracts";
import { RegistrationStatus, UnemploymentRegistration } from "../unemployment/unemployment-registration.entity";
import { Retirement } from "./retirement.entity";
import type { ApproveRetirementInput } from "./retirement.inputs";

/** The youngest statutory retirement age (female workers in special posts, early retirement). */
const MIN_RETIREMENT_AGE = 45;

/** Retirement approvals: end the job and any unemployment registration, once per person. */
export class RetirementService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
  ) {}

  async approve(input: ApproveRetirementInput): Promise<Retirement> {
    const { idNumber } = parseIdNumber(input.idNumber);
    const retiredOn = parsePastDate(input.retiredOn, "retiredOn");
    const monthlyPensionFen =
      input.monthlyPension === undefined || input.monthlyPension === null
        ? null
        : yuanToFen(input.monthlyPension, "monthlyPension");
    return this.db.transaction(async (tx) => {
      const citizen = await citizenFor(tx, idNumber);
      const existing = await tx.findOneBy(Retirement, { idNumber });
      if (existing) throw new ConflictError(`citizen ${idNumber} retired on ${existing.retiredOn} already`);
      const age = ageOn(citizen.birthDate, retiredOn);
      if (age < MIN_RETIREMENT_AGE) {
        throw new BadUserInputError(
          `the citizen would be ${age} on ${retiredOn}, below the youngest retirement age ${MIN_RETIREMENT_AGE}`,
          "retiredOn",
        );
      }
      await tx.update(Employment, { idNumber, endDate: IsNull() }, { endDate: retiredOn });
      await tx.update(
        UnemploymentRegistration,
        { idNumber, status: RegistrationStatus.OPEN },
        { status: RegistrationStatus.CLOSED, closedOn: retiredOn },
      );
      await tx.update(Citizen, { idNumber }, { employmentStatus: EmploymentStatus.RETIRED });
      const retirement = tx.create(Retirement, {
        idNumber,
        retiredOn,
        monthlyPensionFen,
        approvedAt: new Date().toISOString(),
      });
      await tx.insert(Retirement, retirement);
      await this.events.publish(tx, {
        type: LaborEvents.retirementApproved,
        subject: idNumber,
        data: { idNumber, retiredOn, monthlyPensionFen },
      });
      return retirement;
    });
  }

  /** Retirements of a batch of citizens, in key order. */
  async findByIds(idNumbers: readonly string[]): Promise<(Retirement | null)[]> {
    const rows = await this.db.getRepository(Retirement).findBy({ idNumber: In([...idNumbers]) });
    const byId = new Map(rows.map((r) => [r.idNumber, r]));
    return idNumbers.map((id) => byId.get(id) ?? null);
  }
}
