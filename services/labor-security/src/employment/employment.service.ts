import { In, IsNull, type DataSource, type EntityManager } from "typeorm";
import {
  BadUserInputError,
  ConflictError,
  EventPublisher,
  NotFoundError,
  ageOn,
  optionalText,
  parsePastDate,
  parseCreditCode,
  parseIdNumber,
  type Clock,
} from "@onewindow/platform";
import { stopBenefitForJob } from "../benefit/benefit-stop";
import { Citizen } from "../citizen/citizen.entity";
import { EmploymentStatus } from "../citizen/citizen.enums";
import { Employer } from "../employer/employer.entity";
import { LaborEvents } from "@onewindow/contracts";
import { RegistrationStatus, UnemploymentRegistration } from "../unemployment/unemployment-registration.entity";
import { LABOR } from "../messages";
import { Employment } from "./employment.entity";
import type { RecordEmploymentInput } from "./employment.inputs";

/** Finds the citizen an act is about, inside the act's transaction, or NOT_FOUND. */
export async function citizenFor(tx: EntityManager, idNumber: string): Promise<Citizen> {
  const citizen = await tx.findOneBy(Citizen, { idNumber });
  if (!citizen) throw new NotFoundError(LABOR.citizenNotFound.with({ idNumber }));
  return citizen;
}

/** Jobs: recording a new one closes the previous job and any open unemployment registration. */
export class EmploymentService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async record(input: RecordEmploymentInput): Promise<Employment> {
    return this.db.transaction((tx) => this.recordWithin(tx, input));
  }

  /**
   * {@link record} inside the caller's transaction (a referral's HIRED outcome): the job, the
   * closed registration and the event commit or fail with the caller's change.
   */
  async recordWithin(tx: EntityManager, input: RecordEmploymentInput): Promise<Employment> {
    const { idNumber } = parseIdNumber(input.idNumber);
    const creditCode = parseCreditCode(input.creditCode);
    const startDate = parsePastDate(input.startDate, "startDate", this.clock);
    const position = optionalText(input.position, "position", 60);
    {
      const citizen = await citizenFor(tx, idNumber);
      if (!(await tx.existsBy(Employer, { creditCode }))) {
        throw new NotFoundError(LABOR.employerNotFound.with({ creditCode }));
      }
      if (citizen.employmentStatus === EmploymentStatus.RETIRED) {
        throw new ConflictError(LABOR.employmentAfterRetirement.with({ idNumber }));
      }
      // 劳动法 第十五条: no employer may take on a person under 16.
      if (ageOn(citizen.birthDate, startDate) < 16) {
        throw new BadUserInputError(LABOR.under16.with({ date: startDate }), "startDate");
      }
      const current = await tx.findOneBy(Employment, { idNumber, endDate: IsNull() });
      if (current) {
        if (current.startDate > startDate) {
          throw new BadUserInputError(
            LABOR.currentJobStartedLater.with({ currentStart: current.startDate, startDate }),
            "startDate",
          );
        }
        await tx.update(Employment, { id: current.id }, { endDate: startDate });
      }
      const closed = await tx.update(
        UnemploymentRegistration,
        { idNumber, status: RegistrationStatus.OPEN },
        { status: RegistrationStatus.CLOSED, closedOn: startDate },
      );
      await tx.update(Citizen, { idNumber }, { employmentStatus: EmploymentStatus.EMPLOYED });
      await stopBenefitForJob(tx, { idNumber, startDate, creditCode });
      const employment = tx.create(Employment, { idNumber, creditCode, startDate, position, endDate: null });
      await tx.save(employment);
      await this.events.publish(tx, {
        type: LaborEvents.employmentRecorded,
        subject: idNumber,
        data: { idNumber, creditCode, startDate, position, unemploymentClosed: (closed.affected ?? 0) > 0 },
      });
      return employment;
    }
  }

  /** Every job of a batch of citizens, newest first, in key order. */
  async histories(idNumbers: readonly string[]): Promise<Employment[][]> {
    const rows = await this.db
      .getRepository(Employment)
      .find({ where: { idNumber: In([...idNumbers]) }, order: { startDate: "DESC", id: "DESC" } });
    return idNumbers.map((id) => rows.filter((r) => r.idNumber === id));
  }
}
