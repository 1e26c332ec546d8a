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
  today,
  yuanToFen,
  type PageRequest,
} from "@onewindow/platform";
import { Employer } from "../employer/employer.entity";
import { LaborEvents } from "@onewindow/contracts";
import { GenderRequirement, JobPosting } from "./job-posting.entity";
import type { JobPostingFilter, PostJobInput } from "./job-posting.inputs";

/** The job board. */
export class JobPostingService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
  ) {}

  async post(input: PostJobInput): Promise<JobPosting> {
    const creditCode = parseCreditCode(input.creditCode);
    const salaryMinFen = yuanToFen(input.salaryMin, "salaryMin");
    const salaryMaxFen = yuanToFen(input.salaryMax, "salaryMax");
    if (salaryMaxFen < salaryMinFen)
      throw new BadUserInputError(`must not be below salaryMin ${input.salaryMin}`, "salaryMax");
    const minAge = intInRange(input.minAge, "minAge", 16, 70);
    const maxAge = intInRange(input.maxAge, "maxAge", 16, 70);
    if (minAge !== null && maxAge !== null && maxAge < minAge)
      throw new BadUserInputError(`must not be below minAge ${minAge}`, "maxAge");
    const publishedOn = today();
    if (input.expiresOn && (!isValidDate(input.expiresOn) || input.expiresOn < publishedOn)) {
      throw new BadUserInputError(
        `must be an existing date from today (${publishedOn}) on, got ${input.expiresOn}`,
        "expiresOn",
      );
    }
    const posting = this.db.manager.create(JobPosting, {
      creditCode,
      title: requiredText(input.title, "title", 100),
      requirements: optionalText(input.requirements, "requirements", 500),
      genderRequirement: input.genderRequirement ?? GenderRequirement.ANY,
      minAge,
      maxAge,
      salaryMinFen,
      salaryMaxFen,
      vacancies: intInRange(input.vacancies, "vacancies", 1, 10_000) ?? 1,
      publishedOn,
      expiresOn: input.expiresOn ?? null,
    });
    return this.db.transaction(async (tx) => {
      if (!(await tx.existsBy(Employer, { creditCode })))
        throw new NotFoundError(`no employer is registered with credit code ${creditCode}`);
      await tx.save(posting);
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
    if (filter?.openOnly) query.andWhere("(j.expires_on IS NULL OR j.expires_on >= :today)", { today: today() });
    const [rows, total] = await query
      .orderBy("j.published_on", "DESC")
      .addOrderBy("j.id", "DESC")
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return toConnection(rows, total, page);
  }
}
