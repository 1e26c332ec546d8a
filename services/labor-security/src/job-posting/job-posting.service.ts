import type { DataSource } from "typeorm";
import {
  BadUserInputError,
  EventPublisher,
  NotFoundError,
  intInRange,
  isValidDate,
  optionalText,
  parseCreditCode,
  anyOf,
  plainEntity,
  requiredText,
  runPrepared,
  runSql,
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
    const where: string[] = [];
    const params: unknown[] = [];
    const and = (condition: string, ...values: unknown[]) => {
      where.push(condition);
      params.push(...values);
    };
    if (creditCode) and("j.credit_code = ?", creditCode);
    if (filter?.ids) {
      if (filter.ids.length > 100) throw new BadUserInputError(LABOR_JOBS.tooManyIds.with({ max: 100 }), "filter.ids");
      const wrong = filter.ids.find((id) => !/^\d{1,15}$/.test(id));
      if (wrong !== undefined)
        throw new BadUserInputError(LABOR_JOBS.notAPostingId.with({ value: wrong }), "filter.ids");
      const ids = filter.ids.map(Number);
      if (ids.length) {
        const listed = anyOf(this.db, "j.id", ids);
        and(listed.sql, ...listed.params);
      } else and("1 = 0");
    }
    if (filter?.keyword?.trim()) {
      const kw = `%${filter.keyword.trim().replace(/[%_]/g, "")}%`;
      and("(j.title LIKE ? OR j.requirements LIKE ?)", kw, kw);
    }
    if (filter?.minSalary !== undefined && filter.minSalary !== null) {
      and("j.salary_max_fen >= ?", yuanToFen(filter.minSalary, "filter.minSalary"));
    }
    if (filter?.industry) {
      and("j.credit_code IN (SELECT e.credit_code FROM employer e WHERE e.industry = ?)", filter.industry);
    }
    if (filter?.openOnly) and("(j.expires_on IS NULL OR j.expires_on >= ?)", todayBy(this.clock));
    const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
    // Plain SQL, one statement for the board: the page (its rows by the board's index), their
    // employers and the total. Through TypeORM it was three, and most of the request's CPU.
    const posting = plainEntity(this.db, JobPosting);
    const employer = plainEntity(this.db, Employer);
    const rows = await runPrepared(
      this.db,
      `SELECT p.*, ${employer.columns("er", "er_")}, (SELECT COUNT(*) FROM job_posting j ${whereSql}) AS total
       FROM (SELECT ${posting.columns("j")} FROM job_posting j ${whereSql}
             ORDER BY j.published_on DESC, j.id DESC LIMIT ? OFFSET ?) p
       LEFT JOIN employer er ON er.credit_code = p.credit_code
       ORDER BY p.published_on DESC, p.id DESC`,
      [...params, ...params, page.limit, page.offset],
    );
    // A page past the end has no row to carry the total: count then.
    const total = rows.length
      ? Number(rows[0].total)
      : page.offset > 0
        ? Number(
            (
              await runSql<{ n: unknown }>(
                this.db.manager,
                `SELECT COUNT(*) AS n FROM job_posting j ${whereSql}`,
                params,
              )
            )[0].n,
          )
        : 0;
    const employers = new Map<string, Employer>();
    for (const row of rows) {
      const found = employer.from(row, "er_");
      if (found) employers.set(found.creditCode, found);
    }
    return {
      connection: toConnection(
        rows.map((row) => posting.from(row)!),
        total,
        page,
      ),
      employers: [...employers.values()],
    };
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
