import { In, IsNull } from "typeorm";
import {
  BadUserInputError,
  ConflictError,
  ageOn,
  optionalText,
  parsePastDate,
  parseIdNumber,
  yuanToFen,
} from "@onewindow/platform";
import { PersonRecordService } from "../person-record.service";
import { EmploymentStatus, Gender } from "../citizen/citizen.enums";
import { Citizen } from "../citizen/citizen.entity";
import { Employment } from "../employment/employment.entity";
import { citizenFor } from "../employment/employment.service";
import { LaborEvents } from "@onewindow/contracts";
import { EARLY_RETIREMENT_GROUNDS } from "../retirement-age/retirement-age.data";
import { EarlyRetirementGround } from "../retirement-age/retirement-age.enums";
import { addMonths } from "../retirement-age/retirement-age.schedule";
import { LABOR_RETIREMENT } from "../messages";
import { LaborRuleError } from "../rule-error";
import { RegistrationStatus, UnemploymentRegistration } from "../unemployment/unemployment-registration.entity";
import { Retirement } from "./retirement.entity";
import type { ApproveRetirementInput } from "./retirement.inputs";

/** Stable `extensions.reason` codes of retirement refusals. */
export const RetirementRefusals = {
  beforeEarliest: "RETIREMENT_BEFORE_EARLIEST_DATE",
  belowGroundAge: "RETIREMENT_BELOW_GROUND_AGE",
  afterLatest: "RETIREMENT_AFTER_LATEST_DATE",
} as const;

/**
 * Retirement approvals: end the job and any unemployment registration, once per person, on a day
 * the law allows (《国务院关于渐进式延迟法定退休年龄的办法》 第一条、第三条; grounds for earlier
 * retirement in `retirement-age.data.ts`).
 */
export class RetirementService extends PersonRecordService {
  async approve(input: ApproveRetirementInput): Promise<Retirement> {
    const { idNumber } = parseIdNumber(input.idNumber);
    const retiredOn = parsePastDate(input.retiredOn, "retiredOn", this.clock);
    const monthlyPensionFen =
      input.monthlyPension === undefined || input.monthlyPension === null
        ? null
        : yuanToFen(input.monthlyPension, "monthlyPension");
    const ground = input.earlyRetirementGround ?? null;
    const groundReference = optionalText(input.groundReference, "groundReference", 100);
    if (ground && !groundReference) {
      const { name, evidence } = EARLY_RETIREMENT_GROUNDS[ground];
      throw new BadUserInputError(
        LABOR_RETIREMENT.groundNeedsReference.with({ ground: name, evidence }),
        "groundReference",
      );
    }
    if (!ground && groundReference) {
      throw new BadUserInputError(LABOR_RETIREMENT.referenceWithoutGround, "groundReference");
    }
    return this.db.transaction(async (tx) => {
      const citizen = await citizenFor(tx, idNumber);
      const existing = await tx.findOneBy(Retirement, { idNumber });
      if (existing) {
        throw new ConflictError(LABOR_RETIREMENT.alreadyRetired.with({ idNumber, retiredOn: existing.retiredOn }));
      }
      const schedule = await this.retirementAges.scheduleOf(citizen, tx);
      const details = {
        statutoryDate: schedule.statutoryDate,
        earliestDate: schedule.earliestDate,
        latestDate: schedule.latestDate,
      };
      if (retiredOn > schedule.latestDate) {
        // 办法 第三条: a delay agreed with the employer is at most three years. A late application
        // (补办) still retires the person on a lawful day, the latest one at most.
        throw new LaborRuleError(
          LABOR_RETIREMENT.afterLatestDate.with({
            retiredOn,
            latestDate: schedule.latestDate,
            statutoryDate: schedule.statutoryDate,
            maxDelayMonths: schedule.rule.maxDelayMonths,
          }),
          "retiredOn",
          RetirementRefusals.afterLatest,
          details,
        );
      }
      if (retiredOn < schedule.earliestDate) {
        if (!ground) {
          throw new LaborRuleError(
            LABOR_RETIREMENT.beforeEarliestDate.with({
              retiredOn,
              earliestDate: schedule.earliestDate,
              statutoryDate: schedule.statutoryDate,
              maxEarlyMonths: schedule.rule.maxEarlyMonths,
              originalAgeYears: schedule.rule.originalAgeYears,
            }),
            "retiredOn",
            RetirementRefusals.beforeEarliest,
            details,
          );
        }
        this.checkGroundAge(citizen, ground, retiredOn, details);
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
        earlyRetirementGround: ground,
        groundReference,
        approvedAt: this.clock().toISOString(),
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

  /** A ground allows retirement before the flexible date, but not below its own minimum age. */
  private checkGroundAge(
    citizen: Citizen,
    ground: EarlyRetirementGround,
    retiredOn: string,
    details: Record<string, string>,
  ): void {
    const rule = EARLY_RETIREMENT_GROUNDS[ground];
    const minAge = rule.minAgeYears[citizen.gender === Gender.MALE ? "MALE" : "FEMALE"];
    if (minAge === null) return;
    // The same month arithmetic as the statutory dates, so a 29 February birthday reaches the age on 28 February.
    const from = addMonths(citizen.birthDate, minAge * 12);
    if (retiredOn < from) {
      const age = ageOn(citizen.birthDate, retiredOn);
      throw new LaborRuleError(
        LABOR_RETIREMENT.belowGroundAge.with({
          minAge,
          source: rule.source,
          retiredOn,
          age,
          from,
          ground: rule.name,
          gender: citizen.gender === Gender.MALE ? LABOR_RETIREMENT.men : LABOR_RETIREMENT.women,
        }),
        "retiredOn",
        RetirementRefusals.belowGroundAge,
        { ...details, groundMinimumDate: from },
      );
    }
  }

  /** Retirements of a batch of citizens, in key order. */
  async findByIds(idNumbers: readonly string[]): Promise<(Retirement | null)[]> {
    const rows = await this.db.getRepository(Retirement).findBy({ idNumber: In([...idNumbers]) });
    const byId = new Map(rows.map((r) => [r.idNumber, r]));
    return idNumbers.map((id) => byId.get(id) ?? null);
  }
}
