import type { DataSource } from "typeorm";
import { demoJobPosting, demoPerson, SeededRandom, type DemoPopulation } from "@onewindow/contracts/demo";
import { addDays, ageOn, bulkInsertEntities, type SeedProgress } from "@onewindow/platform";
import { AssistanceCategory, EducationLevel, Gender } from "../citizen/citizen.enums";
import { Employment } from "../employment/employment.entity";
import { GenderRequirement, JobPosting } from "../job-posting/job-posting.entity";
import { DEMO_TITLE_SKILLS, type DemoJobSeeker } from "../job-seeker/job-seeker.seed";
import { unmetRequirement, type Seeker } from "../job-seeker/job-seeker.service";
import { RegistrationStatus, UnemploymentRegistration } from "../unemployment/unemployment-registration.entity";
import { Referral } from "./referral.entity";
import { ReferralStatus } from "./referral.enums";

/** Past postings per job seeker, besides the one each hire was referred to: about five vacancies each. */
const PAST_POSTINGS_PER_SEEKER = 0.5;
/** Demo posting numbers (`demoJobPosting(k)`) of past postings start here, clear of the board's own. */
const PAST_POSTING_BASE = 1_000_000;
/** Referrals of the last three weeks may still wait for their outcome. */
const PENDING_DAYS = 21;
/** How many postings open on a day are tried for one referral before it is given up. */
const TRIES = 12;

type PlannedPosting = Omit<JobPosting, "id" | "shownGenderRequirement" | "salaryMin" | "salaryMax">;

/**
 * The demo street's referrals of the last twelve months, generated (the street publishes no
 * referral figures) and kept to the service's rules: a referral only to a posting open on its day
 * whose hard requirements the person met then (`unmetRequirement`), never more referrals to a
 * posting than its vacancies, one per person and posting, the assistance groups the person was in
 * on that day. Each hire of {@link demoJobSeekers} is the referral to a past posting of the
 * employer the demo population has the person working at, from the first day of that job: the job
 * is the employment already recorded, its position the posting's title, and the person's
 * unemployment registration closed that day, as `recordReferralOutcome` leaves them. The others'
 * referrals ended REJECTED, NO_SHOW or WITHDRAWN, or wait (REFERRED) when recent. Counts scale with
 * the population; rows go in bulk.
 */
export async function seedReferralDemo(
  db: DataSource,
  options: DemoPopulation & { seekers: readonly DemoJobSeeker[]; onProgress?: SeedProgress },
): Promise<{ pastPostings: number; referrals: number; hires: number }> {
  const { employers, today, seekers } = options;
  const progress = (step: string) => (done: number, total: number) => options.onProgress?.(done, total, step);
  if (seekers.length === 0 || employers === 0) return { pastPostings: 0, referrals: 0, hires: 0 };
  const rnd = new SeededRandom(2_024);
  const start = addDays(today, -365);
  const seekerOf = (s: DemoJobSeeker): Seeker => ({
    idNumber: s.person.idNumber,
    gender: s.person.gender as Gender,
    birthDate: s.person.birthDate,
    educationLevel: s.person.educationLevel as EducationLevel,
  });

  // Past postings: first one for each hire, at the person's employer and open on the day of the referral.
  const hires = seekers.filter((s) => s.hiredOn !== null);
  const hireDays = hires.map((s) => addDays(s.hiredOn!, -rnd.int(7, 30)));
  const planned: PlannedPosting[] = hires.map((s, h) => {
    const k = employers * (PAST_POSTING_BASE + h) + s.person.employerIndex;
    const posting = pastPosting(k, employers, hireDays[h], rnd);
    posting.publishedOn = addDays(hireDays[h], -rnd.int(3, 45));
    posting.expiresOn = addDays(hireDays[h], rnd.int(7, 30));
    // The person met the posting's requirements: the centre referred them to it.
    if (unmetRequirement(posting as JobPosting, seekerOf(s), hireDays[h])) {
      posting.minAge = null;
      posting.maxAge = null;
    }
    return posting;
  });
  const others = Math.ceil(seekers.length * PAST_POSTINGS_PER_SEEKER);
  for (let n = 0; n < others; n++) {
    const anchor = addDays(today, -rnd.int(10, 380));
    const posting = pastPosting(PAST_POSTING_BASE * employers * 2 + n, employers, anchor, rnd);
    const closes = addDays(anchor, rnd.int(15, 75));
    posting.expiresOn = closes < today ? closes : addDays(today, -1);
    planned.push(posting);
  }
  const [{ max }] = await db.query<{ max: number | string | null }[]>("SELECT MAX(id) AS max FROM job_posting");
  await bulkInsertEntities(
    db,
    JobPosting,
    planned.length,
    (k) => planned[k] as JobPosting,
    progress("past job postings"),
  );
  // Every posting of the board and of the past year, in id order: the past ones were inserted in
  // plan order (checked below), the hires' first.
  const postings = await db.getRepository(JobPosting).find({ order: { id: "ASC" } });
  const past = postings.filter((p) => p.id > Number(max ?? 0));
  if (
    past.length !== planned.length ||
    past.some((p, k) => p.title !== planned[k].title || p.publishedOn !== planned[k].publishedOn)
  ) {
    throw new Error("the past job postings did not come back in the order they were inserted");
  }
  await tagPostingSkills(db);

  // Which postings were open in each week of the year, and how many vacancies each has left.
  const week = (day: string) => Math.max(0, Math.floor((Date.parse(day) - Date.parse(start)) / 604_800_000));
  const openIn: JobPosting[][] = Array.from({ length: week(today) + 1 }, () => []);
  for (const p of postings) {
    const last = p.expiresOn === null || p.expiresOn > today ? today : p.expiresOn;
    if (last < start || p.publishedOn > last) continue;
    for (let w = week(p.publishedOn); w <= week(last); w++) openIn[w].push(p);
  }
  const left = new Map(postings.map((p) => [p.id, p.vacancies]));
  const referred = new Set<string>();
  const rows: Referral[] = [];
  const refer = (s: DemoJobSeeker, posting: JobPosting, day: string, outcome: Partial<Referral>) => {
    left.set(posting.id, left.get(posting.id)! - 1);
    referred.add(`${s.person.idNumber}/${posting.id}`);
    rows.push({
      idNumber: s.person.idNumber,
      postingId: posting.id,
      creditCode: posting.creditCode,
      status: ReferralStatus.REFERRED,
      note: null,
      referredOn: day,
      community: s.person.community,
      categories: categoriesOn(s, day, options).join(","),
      registeredOn: s.registeredOn,
      outcomeOn: null,
      startDate: null,
      outcomeNote: null,
      ...outcome,
    } as Referral);
  };
  /** A referral on `day` to a posting open then that the person meets, with a vacancy left; false: none found. */
  const referSomewhere = (s: DemoJobSeeker, day: string, outcome: Partial<Referral>): boolean => {
    const open = openIn[week(day)];
    for (let t = 0; t < TRIES && open.length > 0; t++) {
      const posting = open[rnd.int(0, open.length - 1)];
      if (left.get(posting.id)! < 1 || referred.has(`${s.person.idNumber}/${posting.id}`)) continue;
      if (unmetRequirement(posting, seekerOf(s), day)) continue;
      refer(s, posting, day, outcome);
      return true;
    }
    return false;
  };
  const ended = (day: string, last: string): Partial<Referral> => {
    const outcomeOn = addDays(day, rnd.int(3, 20));
    return {
      status: rnd.weighted([
        { value: ReferralStatus.REJECTED, weight: 5 },
        { value: ReferralStatus.NO_SHOW, weight: 2 },
        { value: ReferralStatus.WITHDRAWN, weight: 2 },
      ]),
      outcomeOn: outcomeOn < last ? outcomeOn : last,
    };
  };
  const dayBetween = (from: string, to: string) =>
    addDays(from, rnd.int(0, Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000))));

  hires.forEach((s, h) => {
    const posting = past[h];
    const outcomeOn = addDays(s.hiredOn!, rnd.int(0, 5));
    refer(s, posting, hireDays[h], {
      status: ReferralStatus.HIRED,
      note: rnd.chance(0.5) ? "本人意向强" : null,
      outcomeOn: outcomeOn < today ? outcomeOn : today,
      startDate: s.hiredOn,
    });
  });
  for (const s of seekers) {
    const from = s.registeredOn > start ? s.registeredOn : start;
    if (s.hiredOn !== null) {
      // Earlier referrals that came to nothing, ended before the one that led to the job.
      const last = addDays(s.hiredOn, -31);
      for (let n = rnd.pick([0, 0, 1, 1, 2]); n > 0 && from < last; n--) {
        const day = dayBetween(from, addDays(last, -3));
        referSomewhere(s, day, ended(day, last));
      }
      continue;
    }
    for (let n = rnd.pick([0, 0, 1, 1, 1, 2, 2, 3]); n > 0; n--) {
      const day = dayBetween(from, today);
      const pending = day > addDays(today, -PENDING_DAYS) && rnd.chance(0.7);
      referSomewhere(s, day, pending ? {} : ended(day, today));
    }
  }
  rows.sort((a, b) => a.referredOn.localeCompare(b.referredOn) || a.idNumber.localeCompare(b.idNumber));
  await bulkInsertEntities(db, Referral, rows.length, (k) => rows[k], progress("referrals"));

  // What recordReferralOutcome leaves of a hire: the registration closed on the first day of work,
  // the job's position the posting's title (the job itself is the demo population's).
  await bulkInsertEntities(
    db,
    UnemploymentRegistration,
    hires.length,
    (h) =>
      ({
        idNumber: hires[h].person.idNumber,
        registeredOn: hires[h].registeredOn,
        reason: "劳动合同期满",
        status: RegistrationStatus.CLOSED,
        closedOn: hires[h].hiredOn,
      }) as UnemploymentRegistration,
    progress("closed unemployment registrations"),
  );
  await db.transaction(async (tx) => {
    for (const [h, s] of hires.entries()) {
      await tx.update(
        Employment,
        { idNumber: s.person.idNumber, startDate: s.hiredOn!, creditCode: past[h].creditCode },
        { position: past[h].title.slice(0, 60) },
      );
    }
  });
  return { pastPostings: planned.length, referrals: rows.length, hires: hires.length };
}

/** The k-th demo posting as it stood around `day`, closed before today. */
function pastPosting(k: number, employers: number, day: string, rnd: SeededRandom): PlannedPosting {
  const p = demoJobPosting(k, employers, day);
  return {
    ...p,
    genderRequirement: GenderRequirement.ANY,
    genderRequirementGround: null,
    minEducation: null,
    publishedOn: addDays(day, -rnd.int(0, 30)),
    expiresOn: p.expiresOn,
  };
}

/** Skill tags of every posting by its title ({@link DEMO_TITLE_SKILLS}): one statement per tag, whatever the size. */
async function tagPostingSkills(db: DataSource): Promise<void> {
  for (const [title, skills] of Object.entries(DEMO_TITLE_SKILLS)) {
    for (const skill of skills) {
      const [sql, parameters] = db.driver.escapeQueryWithParameters(
        "INSERT INTO job_posting_skill (posting_id, skill, expires_on) SELECT id, CAST(:skill AS varchar(40)), expires_on FROM job_posting WHERE title = :title",
        { skill, title },
      );
      await db.query(sql, parameters);
    }
  }
}

/**
 * The assistance groups the person was in on `day`, as `CitizenService.categoriesOf` says them on
 * that day: 4050 by age, a household where no other member worked then (the demo's households are
 * three residents in a row), registered unemployed for a year or more.
 */
function categoriesOn(s: DemoJobSeeker, day: string, population: DemoPopulation): AssistanceCategory[] {
  const categories: AssistanceCategory[] = [];
  const { person } = s;
  if (ageOn(person.birthDate, day) >= (person.gender === "FEMALE" ? 40 : 50)) {
    categories.push(AssistanceCategory.FORTY_FIFTY);
  }
  const first = s.index - (s.index % 3);
  let working = false;
  for (let j = first; j < Math.min(first + 3, population.citizens); j++) {
    if (j === s.index) continue;
    const member = demoPerson(j, population.employers, population.today);
    if (member.status === "EMPLOYED" && member.since <= day) working = true;
  }
  if (!working) categories.push(AssistanceCategory.ZERO_EMPLOYMENT_FAMILY);
  if (s.registeredOn <= addDays(day, -365)) categories.push(AssistanceCategory.LONG_TERM_UNEMPLOYED);
  return categories;
}
