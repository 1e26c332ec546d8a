import { listText } from "@onewindow/contracts/i18n";
import { In, type DataSource, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";
import { BadUserInputError, ageOn, parseIdNumber, todayBy, yuanToFen, type Clock } from "@onewindow/platform";
import { Citizen } from "../citizen/citizen.entity";
import { EducationLevel, Gender } from "../citizen/citizen.enums";
import { citizenFor } from "../employment/employment.service";
import { Employer } from "../employer/employer.entity";
import { GENDER_REQUIREMENT_GROUNDS } from "../job-posting/job-posting.data";
import { GenderRequirement, JobPosting } from "../job-posting/job-posting.entity";
import { JobPostingSkill, skillTags } from "../job-posting/job-posting-skill.entity";
import type { LocalizedText } from "@onewindow/contracts/i18n";
import { LABOR_JOBS } from "../messages";
import { JobMatch, JobSeekerProfile } from "./job-seeker.entity";
import { Availability, EDUCATION_NAME, EDUCATION_RANK, levelsAtMost } from "./job-seeker.enums";
import type { UpdateJobSeekerProfileInput } from "./job-seeker.inputs";

/** How many postings each candidate query brings back before scoring: matching never reads more. */
export const CANDIDATES_PER_QUERY = 200;

/**
 * How many of the postings sharing most skills matching checks first, before all of them: enough
 * when one in ten suits the person.
 */
export const SKILL_SCAN = CANDIDATES_PER_QUERY * 10;

/** Referral statuses that hold a vacancy (the others gave it back). */
export const ACTIVE_REFERRAL_STATUSES = ["REFERRED", "HIRED"] as const;

/** The person a posting's hard requirements are checked against. */
export interface Seeker {
  idNumber: string;
  gender: Gender;
  birthDate: string;
  educationLevel: EducationLevel | null;
}

/**
 * Why `posting` is closed to `seeker` on `day` (a catalogue text), or null when the person meets
 * every hard requirement: the posting is open, the age range, the education, and a gender
 * requirement only where it has its lawful ground (就业促进法 第二十七条: a MALE requirement without
 * one is shown and treated as ANY). The SQL of {@link JobSeekerService.matches} says the same.
 */
export function unmetRequirement(posting: JobPosting, seeker: Seeker, day: string): LocalizedText | null {
  if (posting.publishedOn > day || (posting.expiresOn !== null && posting.expiresOn < day)) {
    return LABOR_JOBS.postingClosed;
  }
  const age = ageOn(seeker.birthDate, day);
  if (posting.minAge !== null && age < posting.minAge) return LABOR_JOBS.tooYoung.with({ age, minAge: posting.minAge });
  if (posting.maxAge !== null && age > posting.maxAge) return LABOR_JOBS.tooOld.with({ age, maxAge: posting.maxAge });
  if (
    posting.minEducation !== null &&
    (seeker.educationLevel === null || EDUCATION_RANK[seeker.educationLevel] < EDUCATION_RANK[posting.minEducation])
  ) {
    return LABOR_JOBS.educationBelow.with({ education: EDUCATION_NAME[posting.minEducation] });
  }
  if (
    posting.genderRequirement === GenderRequirement.MALE &&
    posting.genderRequirementGround !== null &&
    seeker.gender !== Gender.MALE
  ) {
    return LABOR_JOBS.forbiddenToWomen.with({
      ground: GENDER_REQUIREMENT_GROUNDS[posting.genderRequirementGround].name,
    });
  }
  return null;
}

/** What matching scores a posting by (the posting itself, or a candidate row of it). */
type Scored = Pick<JobPosting, "minAge" | "maxAge" | "minEducation" | "salaryMinFen" | "salaryMaxFen">;

/** A candidate posting as the candidate queries return it (PostgreSQL gives bigints as strings). */
interface CandidateRow extends Omit<Scored, "salaryMinFen" | "salaryMaxFen"> {
  id: number | string;
  salaryMinFen: number | string;
  salaryMaxFen: number | string;
  industry: string | null;
}

/** A candidate posting, ready to score. */
interface Candidate extends Scored {
  id: number;
  industry: string | null;
}

/** 5100 → "5,100" (yuan as a clerk reads them). */
function yuan(fen: number): string {
  return String(Math.round(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * The score (0..1) and reasons (in Chinese, as the window shows them) of one posting that passed
 * the hard requirements: skills weigh 0.5 (the share of the posting's tags the person has; a posting asking none scores half), salary
 * 0.3 (full when the top of the range reaches the wish), industry 0.2 (half when no wish).
 */
export function scoreMatch(
  posting: Scored,
  postingSkills: readonly string[],
  industry: string | null,
  seeker: Seeker,
  profile: JobSeekerProfile | null,
): { score: number; reasons: string[] } {
  const texts: LocalizedText[] = [];
  const { minAge, maxAge } = posting;
  if (minAge !== null && maxAge !== null) texts.push(LABOR_JOBS.ageWithin.with({ minAge, maxAge }));
  else if (minAge !== null) texts.push(LABOR_JOBS.ageFrom.with({ minAge }));
  else if (maxAge !== null) texts.push(LABOR_JOBS.ageUpTo.with({ maxAge }));
  if (posting.minEducation !== null) {
    texts.push(LABOR_JOBS.educationMet.with({ education: EDUCATION_NAME[posting.minEducation] }));
  }

  const mine = new Set(profile?.skills ?? []);
  // Sorted: the database returns a posting's tags in no particular order, and a clerk's reasons must read the same every time.
  const shared = postingSkills.filter((s) => mine.has(s)).sort();
  if (shared.length > 0) {
    texts.push(LABOR_JOBS.skillsShared.with({ skills: listText(shared) }));
  }
  const skillScore = postingSkills.length === 0 ? 0.5 : shared.length / postingSkills.length;

  const wish = profile?.desiredMinSalaryFen ?? null;
  const range = { min: yuan(posting.salaryMinFen), max: yuan(posting.salaryMaxFen) };
  let salaryScore = 1;
  if (wish !== null) {
    if (posting.salaryMinFen >= wish) texts.push(LABOR_JOBS.salaryAboveWish.with(range));
    else if (posting.salaryMaxFen >= wish) texts.push(LABOR_JOBS.salaryReachesWish.with(range));
    else {
      texts.push(LABOR_JOBS.salaryBelowWish.with({ ...range, wish: yuan(wish) }));
      salaryScore = wish > 0 ? posting.salaryMaxFen / wish : 1;
    }
  }

  const wishedIndustries = profile?.desiredIndustries ?? [];
  let industryScore = 0.5;
  if (wishedIndustries.length > 0) {
    industryScore = industry !== null && wishedIndustries.includes(industry) ? 1 : 0;
    if (industryScore === 1) texts.push(LABOR_JOBS.industryWished.with({ industry: industry! }));
  }
  const score = 0.5 * skillScore + 0.3 * salaryScore + 0.2 * industryScore;
  return { score: Math.round(score * 1000) / 1000, reasons: texts.map((t) => t.zh) };
}

/** Job-seeker profiles and matching of open postings to a person (送岗位). */
export class JobSeekerService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Creates or changes a profile; the education is the citizen's own field. */
  async update(input: UpdateJobSeekerProfileInput): Promise<JobSeekerProfile> {
    const { idNumber } = parseIdNumber(input.idNumber);
    const skills = input.skills == null ? undefined : skillTags(input.skills, "skills");
    const desiredIndustries =
      input.desiredIndustries == null ? undefined : skillTags(input.desiredIndustries, "desiredIndustries");
    const preferredDistricts =
      input.preferredDistricts == null ? undefined : skillTags(input.preferredDistricts, "preferredDistricts");
    let desiredMinSalaryFen: number | undefined;
    if (input.desiredMinSalary != null) {
      desiredMinSalaryFen = yuanToFen(input.desiredMinSalary, "desiredMinSalary");
      if (desiredMinSalaryFen < 0) throw new BadUserInputError(LABOR_JOBS.negativeSalaryWish, "desiredMinSalary");
    }
    return this.db.transaction(async (tx) => {
      await citizenFor(tx, idNumber);
      const current = await tx.findOneBy(JobSeekerProfile, { idNumber });
      const profile = tx.create(JobSeekerProfile, {
        idNumber,
        skills: skills ?? current?.skills ?? [],
        desiredIndustries: desiredIndustries ?? current?.desiredIndustries ?? [],
        desiredMinSalaryFen: desiredMinSalaryFen ?? current?.desiredMinSalaryFen ?? null,
        preferredDistricts: preferredDistricts ?? current?.preferredDistricts ?? [],
        availability: input.availability ?? current?.availability ?? Availability.IMMEDIATE,
        updatedAt: this.clock().toISOString(),
      });
      await tx.save(profile);
      if (input.educationLevel) await tx.update(Citizen, { idNumber }, { educationLevel: input.educationLevel });
      return profile;
    });
  }

  /** The profiles of a batch of citizens, in key order (null: none). */
  async findByIds(idNumbers: readonly string[]): Promise<(JobSeekerProfile | null)[]> {
    const rows = await this.db.getRepository(JobSeekerProfile).findBy({ idNumber: In([...idNumbers]) });
    const byId = new Map(rows.map((r) => [r.idNumber, r]));
    return idNumbers.map((id) => byId.get(id) ?? null);
  }

  /**
   * The `first` open postings that suit `seeker` best. The database applies the hard requirements
   * (open, age, education, a lawful gender requirement, a vacancy left, not already referred)
   * and returns two bounded candidate sets through indexes: the postings sharing most skills
   * (`job_posting_skill` by skill) and the best-paid (`job_posting_salary_max`); only those
   * (at most 2 × {@link CANDIDATES_PER_QUERY}) are scored and ranked here.
   *
   * The skill candidates are counted from the skill index alone, then walked best first, each
   * posting checked by its key until enough suit: the requirements are read for a few hundred
   * postings, not for every open posting that shares a skill (at 100,000 postings, tens of
   * thousands: most of a match's time on PostgreSQL before, see BENCHMARKS.md "Job matching").
   * Scoring reads raw rows; only the postings returned are read whole.
   */
  async matches(seeker: Seeker, first: number): Promise<JobMatch[]> {
    if (first < 1 || first > 50) throw new BadUserInputError(LABOR_JOBS.matchesFirst.with({ max: 50, first }), "first");
    const [profile] = await this.findByIds([seeker.idNumber]);
    if (profile?.availability === Availability.NOT_SEEKING) return [];
    const day = todayBy(this.clock);
    // What scoring reads of each candidate, with its employer's industry: raw rows, no entities.
    const scored = (q: SelectQueryBuilder<JobPosting>) =>
      q
        .leftJoin(Employer, "e", "e.credit_code = j.credit_code")
        .select("j.id", "id")
        .addSelect("j.min_age", "minAge")
        .addSelect("j.max_age", "maxAge")
        .addSelect("j.min_education", "minEducation")
        .addSelect("j.salary_min_fen", "salaryMinFen")
        .addSelect("j.salary_max_fen", "salaryMaxFen")
        .addSelect("e.industry", "industry")
        .limit(CANDIDATES_PER_QUERY)
        .getRawMany<CandidateRow>();
    const candidates = new Map<number, Candidate>();
    const add = (rows: CandidateRow[]) =>
      rows.forEach((r) =>
        candidates.set(Number(r.id), {
          ...r,
          id: Number(r.id),
          salaryMinFen: Number(r.salaryMinFen),
          salaryMaxFen: Number(r.salaryMaxFen),
        }),
      );
    const skills = profile?.skills ?? [];
    if (skills.length > 0) {
      // Among the SKILL_SCAN best-sharing first, which a bounded sort finds: when enough of those
      // suit, they are the postings the whole walk gives; when not (few suit), the whole walk.
      const rows = await scored(this.sharingSkills(skills, seeker, day, SKILL_SCAN));
      add(rows.length < CANDIDATES_PER_QUERY ? await scored(this.sharingSkills(skills, seeker, day)) : rows);
    }
    const paid = this.db.getRepository(JobPosting).createQueryBuilder("j");
    this.whereSuits(paid, seeker, day);
    add(await scored(paid.orderBy("j.salary_max_fen", "DESC").addOrderBy("j.id", "DESC")));
    if (candidates.size === 0) return [];
    const tags = await this.db
      .getRepository(JobPostingSkill)
      .createQueryBuilder("t")
      .select("t.posting_id", "postingId")
      .addSelect("t.skill", "skill")
      .where({ postingId: In([...candidates.keys()]) })
      .getRawMany<{ postingId: number | string; skill: string }>();
    const tagsOf = new Map<number, string[]>();
    for (const t of tags) {
      const own = tagsOf.get(Number(t.postingId));
      if (own) own.push(t.skill);
      else tagsOf.set(Number(t.postingId), [t.skill]);
    }
    const best = [...candidates.values()]
      .map((c) => ({ c, ...scoreMatch(c, tagsOf.get(c.id) ?? [], c.industry, seeker, profile) }))
      .sort((a, b) => b.score - a.score || b.c.salaryMaxFen - a.c.salaryMaxFen || b.c.id - a.c.id)
      .slice(0, first);
    // Only the postings shown are read whole.
    const postings = new Map(
      (await this.db.getRepository(JobPosting).findBy({ id: In(best.map((m) => m.c.id)) })).map((p) => [p.id, p]),
    );
    return best.map(({ c, score, reasons }) =>
      Object.assign(new JobMatch(), { posting: postings.get(c.id)!, score, reasons }),
    );
  }

  /**
   * The postings that suit `seeker` and share most of `skills` (ties: the newest), at most
   * {@link CANDIDATES_PER_QUERY}, among the `scan` sharing most (all without): shared tags
   * counted from the skill index alone, then checked by key in that order until enough suit.
   */
  private sharingSkills(skills: string[], seeker: Seeker, day: string, scan?: number): SelectQueryBuilder<JobPosting> {
    const best = this.db
      .createQueryBuilder()
      .subQuery()
      .select("c.posting_id", "id")
      .from(
        (sub) =>
          sub
            .select("s.posting_id", "posting_id")
            .addSelect("COUNT(*)", "shared")
            .from(JobPostingSkill, "s")
            .where("s.skill IN (:...skills)", { skills })
            // Closed postings' tags are skipped in the index (the posting itself is checked too).
            .andWhere("(s.expires_on IS NULL OR s.expires_on >= :day)", { day })
            .groupBy("s.posting_id")
            // Sorted before the check, so that the check stops at the limit.
            .orderBy("shared", "DESC")
            .addOrderBy("s.posting_id", "DESC")
            .limit(scan),
        "c",
      );
    // The check is a scalar subquery so that PostgreSQL cannot turn it into a join over every open
    // posting: its estimate of how many suit is far too low, and it did for people with few skills.
    const suits = best.subQuery().select("j.id").from(JobPosting, "j");
    this.whereSuits(suits, seeker, day);
    suits.andWhere("j.id = c.posting_id");
    best
      .where(`${suits.getQuery()} IS NOT NULL`)
      .setParameters(suits.getParameters())
      .orderBy("c.shared", "DESC")
      .addOrderBy("c.posting_id", "DESC")
      .limit(CANDIDATES_PER_QUERY);
    return this.db
      .getRepository(JobPosting)
      .createQueryBuilder("j")
      .innerJoin(best.getQuery(), "b", "b.id = j.id")
      .setParameters(best.getParameters());
  }

  /** The hard requirements as SQL (see {@link unmetRequirement}, which says the same for one posting). */
  private whereSuits(q: SelectQueryBuilder<JobPosting | ObjectLiteral>, seeker: Seeker, day: string): void {
    const age = ageOn(seeker.birthDate, day);
    q.where("j.published_on <= :day AND (j.expires_on IS NULL OR j.expires_on >= :day)", { day })
      .andWhere("(j.min_age IS NULL OR j.min_age <= :age) AND (j.max_age IS NULL OR j.max_age >= :age)", { age })
      .andWhere(
        `(SELECT COUNT(*) FROM referral r WHERE r.posting_id = j.id AND r.status IN ('REFERRED', 'HIRED')) < j.vacancies`,
      )
      .andWhere("NOT EXISTS (SELECT 1 FROM referral m WHERE m.posting_id = j.id AND m.id_number = :me)", {
        me: seeker.idNumber,
      });
    if (seeker.educationLevel === null) q.andWhere("j.min_education IS NULL");
    else {
      q.andWhere("(j.min_education IS NULL OR j.min_education IN (:...levels))", {
        levels: levelsAtMost(seeker.educationLevel),
      });
    }
    // Only a MALE requirement with its lawful ground excludes anyone (就业促进法 第二十七条).
    if (seeker.gender !== Gender.MALE) {
      q.andWhere("NOT (j.gender_requirement = 'MALE' AND j.gender_requirement_ground IS NOT NULL)");
    }
  }
}
