import type { DataSource } from "typeorm";
import {
  BadUserInputError,
  EventPublisher,
  NotFoundError,
  intInRange,
  isValidDate,
  optionalText,
  parseCreditCode,
  requiredText,
  toConnection,
  todayBy,
  yuanToFen,
  type Clock,
  type PageRequest,
} from "@onewindow/platform";
import { LABOR, LABOR_JOBS } from "../messages";
import { LaborRuleError } from "../rule-error";
import { GENDER_REQUIREMENT_GROUNDS } from "./job-posting.data";
import type { GenderRequirementGround } from "./job-posting.enums";
import { Employer } from "../employer/employer.entity";
import { LaborEvents } from "@onewindow/contracts";
import { GenderRequirement, JobPosting } from "./job-posting.entity";
import { JobPostingSkill, skillTags } from "./job-posting-skill.entity";
import type { JobPostingFilter, PostJobInput } from "./job-posting.inputs";

/** The job board. */
export class JobPostingService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async post(input: PostJobInput): Promise<JobPosting> {
    const creditCode = parseCreditCode(input.creditCode);
    const salaryMinFen = yuanToFen(input.salaryMin, "salaryMin");
    const salaryMaxFen = yuanToFen(input.salaryMax, "salaryMax");
    if (salaryMaxFen < salaryMinFen)
      throw new BadUserInputError(LABOR_JOBS.salaryMaxBelowMin.with({ salaryMin: input.salaryMin }), "salaryMax");
    const minAge = intInRange(input.minAge, "minAge", 16, 70);
    const maxAge = intInRange(input.maxAge, "maxAge", 16, 70);
    if (minAge !== null && maxAge !== null && maxAge < minAge)
      throw new BadUserInputError(LABOR_JOBS.maxAgeBelowMin.with({ minAge }), "maxAge");
    const genderRequirement = input.genderRequirement ?? GenderRequirement.ANY;
    const genderRequirementGround = lawfulGenderGround(genderRequirement, input.genderRequirementGround ?? null);
    const publishedOn = todayBy(this.clock);
    if (input.expiresOn && (!isValidDate(input.expiresOn) || input.expiresOn < publishedOn)) {
      throw new BadUserInputError(
        LABOR_JOBS.expiresBeforeToday.with({ today: publishedOn, value: input.expiresOn }),
        "expiresOn",
      );
    }
    const skills = skillTags(input.skills, "skills");
    const posting = this.db.manager.create(JobPosting, {
      creditCode,
      title: requiredText(input.title, "title", 100),
      requirements: optionalText(input.requirements, "requirements", 500),
      genderRequirement,
      genderRequirementGround,
      minAge,
      maxAge,
      salaryMinFen,
      salaryMaxFen,
      minEducation: input.minEducation ?? null,
      vacancies: intInRange(input.vacancies, "vacancies", 1, 10_000) ?? 1,
      publishedOn,
      expiresOn: input.expiresOn ?? null,
    });
    return this.db.transaction(async (tx) => {
      if (!(await tx.existsBy(Employer, { creditCode })))
        throw new NotFoundError(LABOR.employerNotFound.with({ creditCode }));
      await tx.save(posting);
      if (skills.length > 0) {
        await tx.insert(
          JobPostingSkill,
          skills.map((skill) => ({ postingId: posting.id, skill, expiresOn: posting.expiresOn })),
        );
      }
      await this.events.publish(tx, {
        type: LaborEvents.jobPosted,
        subject: creditCode,
        data: { id: posting.id, creditCode, title: posting.title, vacancies: posting.vacancies },
      });
      return posting;
    });
  }

  /** A page of the job board, newest first; `creditCode` narrows it to one employer. */
  async list(filter: JobPostingFilter | null | undefined, page: PageRequest, creditCode?: string) {
    const query = this.db.getRepository(JobPosting).createQueryBuilder("j");
    if (creditCode) query.andWhere("j.credit_code = :creditCode", { creditCode });
    if (filter?.ids) {
      if (filter.ids.length > 100) throw new BadUserInputError(LABOR_JOBS.tooManyIds.with({ max: 100 }), "filter.ids");
      const wrong = filter.ids.find((id) => !/^\d{1,15}$/.test(id));
      if (wrong !== undefined)
        throw new BadUserInputError(LABOR_JOBS.notAPostingId.with({ value: wrong }), "filter.ids");
      const ids = filter.ids.map(Number);
      query.andWhere(ids.length ? "j.id IN (:...ids)" : "1 = 0", { ids });
    }
    if (filter?.keyword?.trim()) {
      query.andWhere("(j.title LIKE :kw OR j.requirements LIKE :kw)", {
        kw: `%${filter.keyword.trim().replace(/[%_]/g, "")}%`,
      });
    }
    if (filter?.minSalary !== undefined && filter.minSalary !== null) {
      query.andWhere("j.salary_max_fen >= :min", { min: yuanToFen(filter.minSalary, "filter.minSalary") });
    }
    if (filter?.industry) {
      query.andWhere("j.credit_code IN (SELECT e.credit_code FROM employer e WHERE e.industry = :industry)", {
        industry: filter.industry,
      });
    }
    if (filter?.openOnly)
      query.andWhere("(j.expires_on IS NULL OR j.expires_on >= :today)", { today: todayBy(this.clock) });
    const [rows, total] = await query
      .orderBy("j.published_on", "DESC")
      .addOrderBy("j.id", "DESC")
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return toConnection(rows, total, page);
  }
}

/** Stable `extensions.reason` codes of job-posting refusals. */
export const JobPostingRefusals = {
  genderWithoutGround: "GENDER_REQUIREMENT_WITHOUT_GROUND",
  femaleOnly: "GENDER_REQUIREMENT_FEMALE_ONLY",
  groundWithoutRequirement: "GENDER_GROUND_WITHOUT_REQUIREMENT",
} as const;

/**
 * The ground a gender requirement is stored with, or a refusal: a posting may not restrict the
 * job to one gender except for work the state lists as forbidden to women (就业促进法 第二十七条,
 * 妇女权益保障法 第四十三条; the list in `job-posting.data.ts`).
 */
function lawfulGenderGround(
  requirement: GenderRequirement,
  ground: GenderRequirementGround | null,
): GenderRequirementGround | null {
  if (requirement === GenderRequirement.ANY) {
    if (ground) {
      throw new LaborRuleError(
        LABOR_JOBS.groundWithoutRequirement,
        "genderRequirementGround",
        JobPostingRefusals.groundWithoutRequirement,
      );
    }
    return null;
  }
  if (requirement === GenderRequirement.FEMALE) {
    // No listed work justifies a women-only posting (就业促进法 第二十七条, 妇女权益保障法 第四十三条).
    throw new LaborRuleError(LABOR_JOBS.femaleOnly, "genderRequirement", JobPostingRefusals.femaleOnly);
  }
  if (!ground) {
    // MALE only needs a ground from 《女职工劳动保护特别规定》附录 (国务院令第619号).
    throw new LaborRuleError(LABOR_JOBS.maleWithoutGround, "genderRequirement", JobPostingRefusals.genderWithoutGround);
  }
  if (GENDER_REQUIREMENT_GROUNDS[ground].justifies !== requirement) {
    throw new LaborRuleError(
      LABOR_JOBS.groundDoesNotJustify.with({ requirement, ground: GENDER_REQUIREMENT_GROUNDS[ground].name }),
      "genderRequirementGround",
      JobPostingRefusals.genderWithoutGround,
    );
  }
  return ground;
}
