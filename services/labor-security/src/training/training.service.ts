import { In, type DataSource, type EntityManager } from "typeorm";
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  findOneForUpdate,
  isUniqueViolation,
  isValidDate,
  optionalText,
  parseIdNumber,
  requiredText,
  toConnection,
  todayBy,
  yuanToFen,
  type Clock,
  type Connection,
  type PageRequest,
} from "@onewindow/platform";
import type { Message } from "@onewindow/contracts/i18n";
import { EmploymentStatus } from "../citizen/citizen.enums";
import { citizenFor } from "../employment/employment.service";
import { skillTags } from "../job-posting/job-posting-skill.entity";
import { JobSeekerProfile } from "../job-seeker/job-seeker.entity";
import { Availability } from "../job-seeker/job-seeker.enums";
import { enumPart } from "@onewindow/contracts/i18n";
import { LABOR, LABOR_TRAINING } from "../messages";
import { LaborRuleError } from "../rule-error";
import { TrainingCourse, TrainingEnrolment } from "./training.entity";
import { TrainingEnrolmentStatus } from "./training.enums";
import type {
  EnrolInTrainingInput,
  OpenTrainingCourseInput,
  RecordTrainingResultInput,
  TrainingCourseFilter,
} from "./training.inputs";

/** Stable `extensions.reason` codes of training refusals. */
export const TrainingRefusals = {
  courseEnded: "TRAINING_COURSE_ENDED",
  noSeat: "TRAINING_NO_SEAT_LEFT",
  notStarted: "TRAINING_NOT_STARTED",
} as const;

function idOf(value: string, field: string, refusal: Message): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1) throw new BadUserInputError(refusal.with({ value }), field);
  return id;
}

function date(value: string, field: string): string {
  if (!isValidDate(value)) throw new BadUserInputError(LABOR.notADate.with({ value }), field);
  return value;
}

/**
 * Adds `tags` to the person's job-seeker profile skills within `tx` (a new profile when none, as
 * the window's registration would make it), so that matching, which scores by profile skills,
 * counts a certificate from the day it is recorded.
 */
export async function addSkills(
  tx: EntityManager,
  idNumber: string,
  tags: readonly string[],
  now: string,
): Promise<void> {
  const profile = await tx.findOneBy(JobSeekerProfile, { idNumber });
  const skills = skillTags([...(profile?.skills ?? []), ...tags], "certificate");
  await tx.save(
    tx.create(JobSeekerProfile, {
      idNumber,
      skills,
      desiredIndustries: profile?.desiredIndustries ?? [],
      desiredMinSalaryFen: profile?.desiredMinSalaryFen ?? null,
      preferredDistricts: profile?.preferredDistricts ?? [],
      availability: profile?.availability ?? Availability.IMMEDIATE,
      updatedAt: now,
    }),
  );
}

/** Subsidised vocational training (送培训): courses, enrolments and results. */
export class TrainingService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Adds a course approved by notice; its subsidy is the notice's figure (see training.data.ts). */
  async open(input: OpenTrainingCourseInput): Promise<TrainingCourse> {
    const startDate = date(input.startDate, "startDate");
    const endDate = date(input.endDate, "endDate");
    if (endDate < startDate) {
      throw new BadUserInputError(LABOR.endBeforeStart.with({ end: endDate, start: startDate }), "endDate");
    }
    const day = todayBy(this.clock);
    if (endDate < day) throw new BadUserInputError(LABOR_TRAINING.courseOver.with({ endDate }), "endDate");
    if (!Number.isInteger(input.seats) || input.seats < 1 || input.seats > 500) {
      throw new BadUserInputError(LABOR_TRAINING.seats.with({ max: 500, seats: input.seats }), "seats");
    }
    const subsidyFen = yuanToFen(input.subsidy, "subsidy");
    if (subsidyFen < 0 || subsidyFen > 10_000_000) {
      throw new BadUserInputError(LABOR_TRAINING.subsidy.with({ max: 100_000, subsidy: input.subsidy }), "subsidy");
    }
    const course = this.db.manager.create(TrainingCourse, {
      provider: requiredText(input.provider, "provider", 100),
      title: requiredText(input.title, "title", 100),
      trade: requiredText(input.trade, "trade", 40),
      certificates: skillTags(input.certificates, "certificates"),
      startDate,
      endDate,
      seats: input.seats,
      enrolled: 0,
      subsidyFen,
      subsidySource: requiredText(input.subsidySource, "subsidySource", 300),
    });
    return this.db.manager.save(course);
  }

  /** Courses by first day, then id; the total is counted only when asked for. */
  async list(filter: TrainingCourseFilter | null | undefined, page: PageRequest): Promise<Connection<TrainingCourse>> {
    const query = this.db.getRepository(TrainingCourse).createQueryBuilder("t");
    const provider = filter?.provider?.trim();
    const trade = filter?.trade?.trim();
    if (provider) query.andWhere("t.provider = :provider", { provider });
    if (trade) query.andWhere("t.trade = :trade", { trade });
    if (filter?.from) query.andWhere("t.end_date >= :from", { from: date(filter.from, "from") });
    if (filter?.to) query.andWhere("t.start_date <= :to", { to: date(filter.to, "to") });
    if (filter?.open) {
      query.andWhere("t.end_date >= :today AND t.enrolled < t.seats", { today: todayBy(this.clock) });
    }
    const [rows, total] = await query
      .orderBy("t.start_date", "ASC")
      .addOrderBy("t.id", "ASC")
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return toConnection(rows, total, page);
  }

  /**
   * Enrols a person. The seat is taken by one conditional UPDATE (`enrolled < seats`), which
   * PostgreSQL runs under the row's lock and SQLite one transaction at a time: two enrolments
   * racing for the last seat cannot both get it. Refused after the course's last day, when no seat
   * is left, and for a second enrolment in the same course (the unique index holds that too).
   */
  async enrol(input: EnrolInTrainingInput): Promise<TrainingEnrolment> {
    const { idNumber } = parseIdNumber(input.idNumber);
    const courseId = idOf(input.courseId, "courseId", LABOR_TRAINING.notACourseId);
    const day = todayBy(this.clock);
    try {
      return await this.db.transaction(async (tx) => {
        const citizen = await citizenFor(tx, idNumber);
        if (citizen.employmentStatus === EmploymentStatus.RETIRED) {
          throw new ConflictError(LABOR_TRAINING.retired.with({ idNumber }));
        }
        const course = await tx.findOneBy(TrainingCourse, { id: courseId });
        if (!course) throw new NotFoundError(LABOR_TRAINING.courseNotFound.with({ id: courseId }));
        if (course.endDate < day) {
          throw new LaborRuleError(
            LABOR_TRAINING.courseEnded.with({ endDate: course.endDate }),
            "courseId",
            TrainingRefusals.courseEnded,
            { endDate: course.endDate },
          );
        }
        if (await tx.existsBy(TrainingEnrolment, { courseId, idNumber })) throw this.alreadyEnrolled(courseId);
        const taken = await tx
          .createQueryBuilder()
          .update(TrainingCourse)
          .set({ enrolled: () => "enrolled + 1" })
          .where("id = :courseId AND enrolled < seats", { courseId })
          .execute();
        if (!taken.affected) {
          throw new LaborRuleError(
            LABOR_TRAINING.noSeatLeft.with({ seats: course.seats }),
            "courseId",
            TrainingRefusals.noSeat,
            { seats: course.seats },
          );
        }
        const enrolment = tx.create(TrainingEnrolment, {
          courseId,
          idNumber,
          enrolledOn: day,
          status: TrainingEnrolmentStatus.ENROLLED,
          resultOn: null,
          certificate: null,
        });
        return tx.save(enrolment);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw this.alreadyEnrolled(courseId);
      throw err;
    }
  }

  private alreadyEnrolled(courseId: number): ConflictError {
    return new ConflictError(LABOR_TRAINING.alreadyEnrolled.with({ courseId }));
  }

  /** The person an enrolment is about (for the read check before a result is recorded); null when unknown. */
  async personOf(enrolmentId: string): Promise<string | null> {
    const id = Number(enrolmentId);
    if (!Number.isSafeInteger(id) || id < 1) return null;
    const row = await this.db.getRepository(TrainingEnrolment).findOne({ where: { id }, select: { idNumber: true } });
    return row?.idNumber ?? null;
  }

  /**
   * Records the result of an enrolment, once, from the course's first day. A pass with a
   * certificate adds the course's skill tags to the person's job-seeker profile in the same
   * transaction.
   */
  async recordResult(input: RecordTrainingResultInput): Promise<TrainingEnrolment> {
    const id = idOf(input.enrolmentId, "enrolmentId", LABOR_TRAINING.notAnEnrolmentId);
    const certificate = optionalText(input.certificate, "certificate", 60);
    if (!input.passed && certificate !== null) {
      throw new BadUserInputError(LABOR_TRAINING.certificateWithoutPass, "certificate");
    }
    const day = todayBy(this.clock);
    return this.db.transaction(async (tx) => {
      const enrolment = await findOneForUpdate(tx, TrainingEnrolment, id);
      if (!enrolment) throw new NotFoundError(LABOR_TRAINING.enrolmentNotFound.with({ id }));
      if (enrolment.status !== TrainingEnrolmentStatus.ENROLLED) {
        throw new ConflictError(
          LABOR_TRAINING.resultAlreadyRecorded.with({
            id,
            status: enumPart("TrainingEnrolmentStatus", enrolment.status),
          }),
        );
      }
      const course = await tx.findOneByOrFail(TrainingCourse, { id: enrolment.courseId });
      if (day < course.startDate) {
        throw new LaborRuleError(
          LABOR_TRAINING.notStarted.with({ startDate: course.startDate }),
          "enrolmentId",
          TrainingRefusals.notStarted,
          { startDate: course.startDate },
        );
      }
      enrolment.status = input.passed ? TrainingEnrolmentStatus.PASSED : TrainingEnrolmentStatus.FAILED;
      enrolment.resultOn = day;
      enrolment.certificate = certificate;
      await tx.save(enrolment);
      if (certificate !== null && course.certificates.length > 0) {
        await addSkills(tx, enrolment.idNumber, course.certificates, this.clock().toISOString());
      }
      return enrolment;
    });
  }

  /** Every enrolment of a batch of citizens, newest first, in key order. */
  async ofPersons(idNumbers: readonly string[]): Promise<TrainingEnrolment[][]> {
    const rows = await this.db
      .getRepository(TrainingEnrolment)
      .find({ where: { idNumber: In([...idNumbers]) }, order: { enrolledOn: "DESC", id: "DESC" } });
    return idNumbers.map((id) => rows.filter((r) => r.idNumber === id));
  }

  /** Courses by id, in key order. */
  async courses(ids: readonly number[]): Promise<(TrainingCourse | null)[]> {
    const rows = await this.db.getRepository(TrainingCourse).findBy({ id: In([...ids]) });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  }

  /**
   * The open course (not ended, a seat left) starting soonest whose trade is one of `tags` (a
   * person's desired industries and skills) and in which `idNumber` is not enrolled; null: none.
   * One indexed query, one row.
   */
  async fittingCourse(idNumber: string, tags: readonly string[]): Promise<TrainingCourse | null> {
    if (tags.length === 0) return null;
    return this.db
      .getRepository(TrainingCourse)
      .createQueryBuilder("t")
      .where("t.trade IN (:...tags)", { tags: [...tags] })
      .andWhere("t.end_date >= :today AND t.enrolled < t.seats", { today: todayBy(this.clock) })
      .andWhere("NOT EXISTS (SELECT 1 FROM training_enrolment e WHERE e.course_id = t.id AND e.id_number = :me)", {
        me: idNumber,
      })
      .orderBy("t.start_date", "ASC")
      .addOrderBy("t.id", "ASC")
      .getOne();
  }
}
