import { In, type DataSource } from "typeorm";
import {
  BadUserInputError,
  ConflictError,
  EventPublisher,
  NotFoundError,
  addDays,
  findOneForUpdate,
  isValidDate,
  optionalText,
  parseIdNumber,
  parsePastDate,
  todayBy,
  type Clock,
} from "@onewindow/platform";
import { LaborEvents } from "@onewindow/contracts";
import { AssistanceCategory, EmploymentStatus } from "../citizen/citizen.enums";
import type { CitizenService } from "../citizen/citizen.service";
import { citizenFor, type EmploymentService } from "../employment/employment.service";
import { JobPosting } from "../job-posting/job-posting.entity";
import { ACTIVE_REFERRAL_STATUSES, unmetRequirement } from "../job-seeker/job-seeker.service";
import { enumPart } from "@onewindow/contracts/i18n";
import { LABOR, LABOR_JOBS } from "../messages";
import { LaborRuleError } from "../rule-error";
import { RegistrationStatus, UnemploymentRegistration } from "../unemployment/unemployment-registration.entity";
import { Referral, ReferralCounts, ReferralMonth, ReferralStats } from "./referral.entity";
import { ReferralOutcome, ReferralStatus } from "./referral.enums";
import type { RecordReferralOutcomeInput, ReferJobInput } from "./referral.inputs";

/** Stable `extensions.reason` codes of referral refusals. */
export const ReferralRefusals = {
  requirementNotMet: "REFERRAL_REQUIREMENT_NOT_MET",
  noVacancy: "REFERRAL_NO_VACANCY_LEFT",
  startDateMissing: "REFERRAL_HIRED_WITHOUT_START_DATE",
  startBeforeReferral: "REFERRAL_START_BEFORE_REFERRAL",
} as const;

function postingIdOf(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1)
    throw new BadUserInputError(LABOR_JOBS.notAPostingId.with({ value }), "postingId");
  return id;
}

/** Median of a list of numbers; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Referrals, hires, hire rate and median days to hire of `rows`, of everybody or of one assistance group. */
function countsOf(rows: readonly Referral[], category: AssistanceCategory | null): ReferralCounts {
  const of = category ? rows.filter((r) => r.categories.split(",").includes(category)) : rows;
  const hired = of.filter((r) => r.status === ReferralStatus.HIRED);
  return Object.assign(new ReferralCounts(), {
    category,
    referrals: of.length,
    hires: hired.length,
    hireRate: of.length ? Math.round((hired.length / of.length) * 1000) / 1000 : 0,
    medianDaysToHire: median(
      hired.filter((r) => r.registeredOn && r.startDate).map((r) => daysBetween(r.registeredOn!, r.startDate!)),
    ),
  });
}

/** The calendar months (YYYY-MM) from the month of `from` to the month of `to`, oldest first. */
export function monthsOf(from: string, to: string): string[] {
  const index = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let k = index(from); k <= index(to); k++) {
    months.push(`${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`);
  }
  return months;
}

/** Referrals of job seekers to postings and their outcomes (送岗位). */
export class ReferralService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly citizens: CitizenService,
    private readonly employments: EmploymentService,
    private readonly clock: Clock,
  ) {}

  /**
   * Sends a person to a posting. The posting row is locked for the transaction, so two clerks
   * referring at once to its last vacancy take turns: a posting takes no more active referrals
   * (REFERRED or HIRED) than it has vacancies.
   */
  async refer(input: ReferJobInput): Promise<Referral> {
    const { idNumber } = parseIdNumber(input.idNumber);
    const postingId = postingIdOf(input.postingId);
    const note = optionalText(input.note, "note", 500);
    const day = todayBy(this.clock);
    const person = (await this.citizens.findByIds([idNumber]))[0];
    // The groups as they are today, before the transaction: a hire later ends them.
    const categories = person ? ((await this.citizens.categoriesOf([person]))[0] ?? []) : [];
    return this.db.transaction(async (tx) => {
      const citizen = await citizenFor(tx, idNumber);
      if (citizen.employmentStatus === EmploymentStatus.RETIRED) {
        throw new ConflictError(LABOR_JOBS.referralAfterRetirement.with({ idNumber }));
      }
      const posting = await findOneForUpdate(tx, JobPosting, postingId);
      if (!posting) throw new NotFoundError(LABOR_JOBS.postingNotFound.with({ postingId }));
      const unmet = unmetRequirement(posting, citizen, day);
      if (unmet) {
        throw new LaborRuleError(
          LABOR_JOBS.requirementNotMet.with({ unmet }),
          "postingId",
          ReferralRefusals.requirementNotMet,
        );
      }
      const active = await tx.find(Referral, {
        where: { postingId, status: In([...ACTIVE_REFERRAL_STATUSES]) },
        select: { id: true, idNumber: true },
      });
      if (active.some((r) => r.idNumber === idNumber)) {
        throw new ConflictError(LABOR_JOBS.alreadyReferred.with({ idNumber, postingId }));
      }
      if (active.length >= posting.vacancies) {
        throw new LaborRuleError(
          LABOR_JOBS.noVacancyLeft.with({ vacancies: posting.vacancies, active: active.length }),
          "postingId",
          ReferralRefusals.noVacancy,
          { vacancies: posting.vacancies, activeReferrals: active.length },
        );
      }
      const registration = await tx.findOneBy(UnemploymentRegistration, { idNumber, status: RegistrationStatus.OPEN });
      const referral = tx.create(Referral, {
        idNumber,
        postingId,
        creditCode: posting.creditCode,
        status: ReferralStatus.REFERRED,
        note,
        referredOn: day,
        community: citizen.community,
        categories: categories.join(","),
        registeredOn: registration?.registeredOn ?? null,
        outcomeOn: null,
        startDate: null,
        outcomeNote: null,
      });
      await tx.save(referral);
      await this.events.publish(tx, {
        type: LaborEvents.referralMade,
        subject: idNumber,
        data: {
          referralId: referral.id,
          idNumber,
          postingId,
          creditCode: posting.creditCode,
          title: posting.title,
          referredOn: day,
        },
      });
      return referral;
    });
  }

  /** The person a referral is about (for the read check before an outcome is recorded); null when unknown. */
  async personOf(referralId: string): Promise<string | null> {
    const id = Number(referralId);
    if (!Number.isSafeInteger(id) || id < 1) return null;
    return (
      (await this.db.getRepository(Referral).findOne({ where: { id }, select: { idNumber: true } }))?.idNumber ?? null
    );
  }

  /**
   * Records the outcome of an open referral. HIRED records the employment in the same
   * transaction (`EmploymentService.recordWithin`): the unemployment registration closes, and its
   * `employment.recorded` event moves the person's insurance to EMPLOYEE.
   */
  async recordOutcome(input: RecordReferralOutcomeInput): Promise<Referral> {
    const id = Number(input.referralId);
    if (!Number.isSafeInteger(id) || id < 1)
      throw new BadUserInputError(LABOR_JOBS.notAReferralId.with({ value: input.referralId }), "referralId");
    const note = optionalText(input.note, "note", 500);
    const day = todayBy(this.clock);
    let startDate: string | null = null;
    if (input.outcome === ReferralOutcome.HIRED) {
      if (!input.startDate) {
        throw new LaborRuleError(LABOR_JOBS.hiredWithoutStartDate, "startDate", ReferralRefusals.startDateMissing);
      }
      startDate = parsePastDate(input.startDate, "startDate", this.clock);
    } else if (input.startDate) {
      throw new BadUserInputError(LABOR_JOBS.startDateWithoutHire, "startDate");
    }
    return this.db.transaction(async (tx) => {
      const referral = await findOneForUpdate(tx, Referral, id);
      if (!referral) throw new NotFoundError(LABOR_JOBS.referralNotFound.with({ id }));
      if (referral.status !== ReferralStatus.REFERRED) {
        throw new ConflictError(
          LABOR_JOBS.outcomeAlreadyRecorded.with({ id, status: enumPart("ReferralStatus", referral.status) }),
        );
      }
      if (startDate !== null) {
        if (startDate < referral.referredOn) {
          throw new LaborRuleError(
            LABOR_JOBS.startBeforeReferral.with({ startDate, referredOn: referral.referredOn }),
            "startDate",
            ReferralRefusals.startBeforeReferral,
          );
        }
        const posting = await tx.findOneByOrFail(JobPosting, { id: referral.postingId });
        await this.employments.recordWithin(tx, {
          idNumber: referral.idNumber,
          creditCode: referral.creditCode,
          startDate,
          position: posting.title.slice(0, 60),
        });
      }
      referral.status = input.outcome as string as ReferralStatus;
      referral.outcomeOn = day;
      referral.startDate = startDate;
      referral.outcomeNote = note;
      await tx.save(referral);
      await this.events.publish(tx, {
        type: LaborEvents.referralOutcome,
        subject: referral.idNumber,
        data: {
          referralId: referral.id,
          idNumber: referral.idNumber,
          postingId: referral.postingId,
          creditCode: referral.creditCode,
          outcome: input.outcome,
          recordedOn: day,
          startDate,
        },
      });
      return referral;
    });
  }

  /** Every referral of a batch of citizens, newest first, in key order. */
  async ofPersons(idNumbers: readonly string[]): Promise<Referral[][]> {
    const rows = await this.db
      .getRepository(Referral)
      .find({ where: { idNumber: In([...idNumbers]) }, order: { referredOn: "DESC", id: "DESC" } });
    return idNumbers.map((id) => rows.filter((r) => r.idNumber === id));
  }

  /** Postings by id, in key order (a referral's posting). */
  async postings(ids: readonly number[]): Promise<(JobPosting | null)[]> {
    const rows = await this.db.getRepository(JobPosting).findBy({ id: In([...ids]) });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  }

  /** Every referral to a batch of postings, newest first, in key order. */
  async ofPostings(postingIds: readonly number[]): Promise<Referral[][]> {
    const rows = await this.db
      .getRepository(Referral)
      .find({ where: { postingId: In([...postingIds]) }, order: { referredOn: "DESC", id: "DESC" } });
    return postingIds.map((id) => rows.filter((r) => r.postingId === id));
  }

  /**
   * Referrals made from `from` to `to` (in `community`, as it was when referred), the hires among
   * them, the hire rate and the median days from registration to the first day of work: for
   * everybody and for each assistance group the person was in when referred. Counts only.
   */
  async stats(from: string, to: string, community: string | null): Promise<ReferralStats> {
    for (const [value, field] of [
      [from, "from"],
      [to, "to"],
    ] as const) {
      if (!isValidDate(value)) throw new BadUserInputError(LABOR.notADate.with({ value }), field);
    }
    if (to < from) throw new BadUserInputError(LABOR.endBeforeStart.with({ end: to, start: from }), "to");
    if (addDays(from, 3660) < to) throw new BadUserInputError(LABOR_JOBS.statsPeriodTooLong, "to");
    const query = this.db
      .getRepository(Referral)
      .createQueryBuilder("r")
      .select(["r.status", "r.categories", "r.registeredOn", "r.startDate", "r.referredOn"])
      .where("r.referred_on BETWEEN :from AND :to", { from, to });
    const place = community?.trim() || null;
    if (place) query.andWhere("r.community = :place", { place });
    const rows = await query.getMany();
    const byMonth = new Map<string, Referral[]>();
    for (const r of rows) {
      const month = r.referredOn.slice(0, 7);
      const of = byMonth.get(month);
      if (of) of.push(r);
      else byMonth.set(month, [r]);
    }
    const counts = (of: readonly Referral[]) => ({
      all: countsOf(of, null),
      byCategory: Object.values(AssistanceCategory).map((category) => countsOf(of, category)),
    });
    return Object.assign(new ReferralStats(), {
      from,
      to,
      community: place,
      ...counts(rows),
      byMonth: monthsOf(from, to).map((month) =>
        Object.assign(new ReferralMonth(), { month, ...counts(byMonth.get(month) ?? []) }),
      ),
    });
  }
}
