import type { DataSource } from "typeorm";
import {
  demoEmployer,
  demoPerson,
  SeededRandom,
  type DemoPerson,
  type DemoPopulation,
} from "@onewindow/contracts/demo";
import { addDays, bulkInsertEntities, type SeedProgress } from "@onewindow/platform";
import { JobSeekerProfile } from "./job-seeker.entity";
import { Availability } from "./job-seeker.enums";

/** A job seeker of the demo street: registered unemployed today, or hired through the centre's referral this year. */
export interface DemoJobSeeker {
  /** The resident's index in the demo population (`demoPerson(index)`). */
  index: number;
  person: DemoPerson;
  /** Day of the unemployment registration: open for those still looking, closed on `hiredOn` for the others. */
  registeredOn: string;
  /** First day of the job the centre referred the person to (the demo's `since` of the job); null: still looking. */
  hiredOn: string | null;
}

/**
 * Skill tags of the demo's job titles, from the certificate their requirements name
 * (`demoJobPosting`: "持电工上岗证", "持B2驾照" …): the same tags job seekers' profiles carry,
 * so that matching finds them.
 */
export const DEMO_TITLE_SKILLS: Record<string, string[]> = {
  数控车工: ["中级工证"],
  厨师: ["厨师证"],
  电工: ["电工证"],
  货车司机: ["B2驾照"],
  护理员: ["养老护理员证"],
  家政服务员: ["健康证"],
};
const OTHER_SKILLS = ["叉车证", "计算机操作", "普通话二级", "收银"];
const SKILLS = [...new Set(Object.values(DEMO_TITLE_SKILLS).flat()), ...OTHER_SKILLS];
/** The demo employers' industries (`demoEmployer(j).industry` cycles through them). */
const INDUSTRIES = [...new Set(Array.from({ length: 20 }, (_, j) => demoEmployer(j).industry))];
const DISTRICTS = ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "钱塘区"];
/** Share of this year's new jobs of the demo's employed residents that came through a referral of the centre. */
const HIRED_THROUGH_CENTRE = 0.35;

/**
 * The demo street's job seekers: every registered unemployed resident below retirement age, and
 * about a third of the residents whose current job began in the last eleven months (hired through a
 * referral; their job, its employer and its first day are the demo population's, so every
 * department's records of them agree). Deterministic for a population.
 */
export function demoJobSeekers(population: DemoPopulation): DemoJobSeeker[] {
  const { citizens, employers, today } = population;
  const rnd = new SeededRandom(4_050);
  const yearAgo = addDays(today, -335);
  const seekers: DemoJobSeeker[] = [];
  for (let index = 0; index < citizens; index++) {
    const person = demoPerson(index, employers, today);
    if (person.status === "UNEMPLOYED") {
      seekers.push({ index, person, registeredOn: person.since, hiredOn: null });
    } else if (person.status === "EMPLOYED" && person.since > yearAgo && rnd.chance(HIRED_THROUGH_CENTRE)) {
      // Registered unemployed for some weeks to a year before the job, never before 16 (劳动法 第十五条).
      const sixteen = addDays(person.birthDate, 16 * 366);
      const registeredOn = addDays(person.since, -rnd.int(40, 420));
      seekers.push({
        index,
        person,
        registeredOn: registeredOn < sixteen ? sixteen : registeredOn,
        hiredOn: person.since,
      });
    }
  }
  return seekers;
}

/**
 * Job-seeker profiles of the demo's job seekers ({@link demoJobSeekers}): skills and certificates,
 * the industries (those hired wished for their employer's), a salary wish near the last wage, the
 * districts, and when they can start. The education is the citizen's own field, seeded with them.
 */
export async function seedJobSeekerDemo(
  db: DataSource,
  options: DemoPopulation & { onProgress?: SeedProgress },
): Promise<DemoJobSeeker[]> {
  const { employers, today } = options;
  const seekers = demoJobSeekers(options);
  const rnd = new SeededRandom(4_051);
  const pick = <T>(items: readonly T[], n: number) =>
    rnd
      .permutation(items.length)
      .slice(0, n)
      .map((k) => items[k]);
  await bulkInsertEntities(
    db,
    JobSeekerProfile,
    seekers.length,
    (k) => {
      const { person, registeredOn, hiredOn } = seekers[k];
      const industries = pick(INDUSTRIES, rnd.int(1, 2));
      if (hiredOn && employers > 0) industries[0] = demoEmployer(person.employerIndex).industry;
      const wish = rnd.chance(0.8)
        ? Math.min(12_000, Math.max(3_000, Math.round((person.monthlyWage * 0.8) / 100) * 100))
        : null;
      // Written when the person registered, before any referral.
      const updatedOn = addDays(registeredOn, rnd.int(0, 10));
      return {
        idNumber: person.idNumber,
        skills: pick(SKILLS, rnd.pick([0, 1, 1, 2, 3])),
        desiredIndustries: [...new Set(industries)],
        desiredMinSalaryFen: wish === null ? null : wish * 100,
        preferredDistricts: ["上城区", ...pick(DISTRICTS.slice(1), rnd.int(0, 2))],
        availability: rnd.weighted([
          { value: Availability.IMMEDIATE, weight: 7 },
          { value: Availability.WITHIN_MONTH, weight: 2 },
          { value: Availability.LATER, weight: 1 },
        ]),
        updatedAt: `${updatedOn > today ? today : updatedOn}T01:30:00.000Z`,
      } as JobSeekerProfile;
    },
    (done, total) => options.onProgress?.(done, total, "job-seeker profiles"),
  );
  return seekers;
}
