import type { DataSource } from "typeorm";
import { demoPerson, SeededRandom, type DemoPopulation } from "@onewindow/contracts/demo";
import { bulkInsertEntities, type SeedProgress } from "@onewindow/platform";
import {
  Availability,
  EducationLevel,
  GenderRequirement,
  GenderRequirementGround,
  JobPosting,
  JobPostingSkill,
  JobSeekerProfile,
  levelsAtMost,
} from "@onewindow/labor-security";

/**
 * A trade of the demo job board: the postings titled so ask for some of its skills and
 * certificates, and a job seeker of the trade holds some of them. Titles are the demo postings'
 * (`demoJobPosting` in `@onewindow/contracts/demo`); `education` is what the postings ask for
 * (undefined: a mix of none, junior and senior high, as the hall's board shows for manual work).
 */
interface Trade {
  title: string;
  industry: string;
  skills: string[];
  education?: EducationLevel;
  /** Share of the trade's postings asking for men on a lawful ground (heavy loads). */
  heavyLoads?: number;
}

const TRADES: Trade[] = [
  { title: "数控车工", industry: "制造业", skills: ["数控车床", "车工证", "机械制图"] },
  { title: "装配工", industry: "制造业", skills: ["装配", "电动工具", "倒班"] },
  {
    title: "质检员",
    industry: "制造业",
    skills: ["质量检验", "计量器具", "办公软件"],
    education: EducationLevel.VOCATIONAL,
  },
  { title: "营业员", industry: "批发和零售业", skills: ["收银", "电脑操作", "商品陈列"] },
  { title: "理货员", industry: "批发和零售业", skills: ["理货", "叉车证", "仓储管理"], heavyLoads: 0.2 },
  { title: "厨师", industry: "住宿和餐饮业", skills: ["厨师证", "健康证", "中式烹调"] },
  { title: "服务员", industry: "住宿和餐饮业", skills: ["健康证", "普通话", "餐饮服务"] },
  { title: "前台接待", industry: "住宿和餐饮业", skills: ["英语", "普通话", "电脑操作"] },
  {
    title: "软件工程师",
    industry: "信息技术服务业",
    skills: ["Java", "TypeScript", "SQL", "Linux"],
    education: EducationLevel.BACHELOR,
  },
  {
    title: "运维工程师",
    industry: "信息技术服务业",
    skills: ["Linux", "网络", "SQL"],
    education: EducationLevel.JUNIOR_COLLEGE,
  },
  { title: "电工", industry: "建筑业", skills: ["电工证", "低压电工作业", "弱电"] },
  {
    title: "施工员",
    industry: "建筑业",
    skills: ["施工员证", "CAD", "建筑识图"],
    education: EducationLevel.VOCATIONAL,
  },
  { title: "货车司机", industry: "交通运输业", skills: ["B2驾照", "道路运输从业资格证"], heavyLoads: 0.1 },
  { title: "快递员", industry: "交通运输业", skills: ["C1驾照", "智能手机操作", "城区道路"], heavyLoads: 0.1 },
  {
    title: "培训讲师",
    industry: "教育",
    skills: ["教师资格证", "普通话", "办公软件"],
    education: EducationLevel.JUNIOR_COLLEGE,
  },
  { title: "课程顾问", industry: "教育", skills: ["销售", "普通话", "办公软件"] },
  { title: "护理员", industry: "卫生和社会工作", skills: ["养老护理员证", "健康证", "急救"] },
  { title: "保洁员", industry: "卫生和社会工作", skills: ["健康证", "保洁"] },
  {
    title: "客户经理",
    industry: "金融业",
    skills: ["基金从业资格", "销售", "办公软件"],
    education: EducationLevel.BACHELOR,
  },
  { title: "家政服务员", industry: "居民服务业", skills: ["健康证", "育婴员证", "家政"] },
  { title: "保安", industry: "居民服务业", skills: ["保安员证", "消防设施操作", "退伍军人"] },
  {
    title: "物业管理员",
    industry: "居民服务业",
    skills: ["物业管理", "办公软件", "电脑操作"],
    education: EducationLevel.SENIOR_HIGH,
  },
];
const TRADE_BY_TITLE = new Map(TRADES.map((t) => [t.title, t]));
/** Skills any trade may ask for or a person may hold besides their trade's. */
const GENERAL_SKILLS = ["电脑操作", "普通话", "C1驾照", "健康证", "英语"];

/** A few of `items` (between `min` and all of them), in a seeded order. */
function some<T>(rnd: SeededRandom, items: readonly T[], min: number): T[] {
  const order = rnd.permutation(items.length);
  return order.slice(0, rnd.int(Math.min(min, items.length), items.length)).map((k) => items[k]);
}

/** What a posting of `title` asks for, drawn from its id (the same posting gets the same traits). */
export function postingTraits(id: number, title: string) {
  const rnd = new SeededRandom(id * 48_271 + 11);
  const trade = TRADE_BY_TITLE.get(title);
  const skills = !trade || rnd.chance(0.1) ? [] : some(rnd, trade.skills, 1);
  if (rnd.chance(0.2)) skills.push(rnd.pick(GENERAL_SKILLS));
  const education =
    trade?.education ??
    rnd.weighted<EducationLevel | null>([
      { value: null, weight: 45 },
      { value: EducationLevel.JUNIOR_HIGH, weight: 35 },
      { value: EducationLevel.SENIOR_HIGH, weight: 20 },
    ]);
  const menOnly = trade?.heavyLoads !== undefined && rnd.chance(trade.heavyLoads);
  return { skills: [...new Set(skills)], education, menOnly };
}

/**
 * The job-seeker profile of demo resident `i`, or null when the resident has none: everyone
 * registered unemployed (the assistance groups are among them) and 3 % of the employed, looking
 * to change jobs (a job-seeker registration is open to anyone of working age). One or two trades
 * suited to the person's education give skills and desired industries; a wish of 3,000–9,000
 * yuan or none; most available at once, a few not seeking.
 */
export function demoJobSeeker(i: number, population: DemoPopulation, updatedAt: string): JobSeekerProfile | null {
  const p = demoPerson(i, population.employers, population.today);
  const rnd = new SeededRandom(i * 69_069 + 5);
  if (p.status !== "UNEMPLOYED" && !(p.status === "EMPLOYED" && rnd.chance(0.03))) return null;
  const met = levelsAtMost(p.educationLevel as EducationLevel);
  const suited = TRADES.filter((t) => !t.education || met.includes(t.education));
  const trades = [...new Set([rnd.pick(suited), rnd.pick(suited)].slice(0, rnd.int(1, 2)))];
  const skills = rnd.chance(0.1) ? [] : some(rnd, [...new Set(trades.flatMap((t) => t.skills))], 1).slice(0, 5);
  if (rnd.chance(0.3)) skills.push(rnd.pick(GENERAL_SKILLS));
  return Object.assign(new JobSeekerProfile(), {
    idNumber: p.idNumber,
    skills: [...new Set(skills)],
    desiredIndustries: rnd.chance(0.3) ? [] : [...new Set(trades.map((t) => t.industry))],
    desiredMinSalaryFen: rnd.chance(0.2) ? null : rnd.int(6, 18) * 500 * 100,
    preferredDistricts: [],
    availability: rnd.weighted([
      { value: Availability.IMMEDIATE, weight: 77 },
      { value: Availability.WITHIN_MONTH, weight: 15 },
      { value: Availability.LATER, weight: 5 },
      { value: Availability.NOT_SEEKING, weight: 3 },
    ]),
    updatedAt,
  });
}

/** Postings read, tagged and updated per transaction. */
const POSTING_BATCH = 2_000;

/**
 * Job seekers at scale, for `npm run seed` and the matching bench: a profile for each demo
 * resident {@link demoJobSeeker} gives one, and the skills, education and (rarely, on a lawful
 * ground) gender each job posting asks for ({@link postingTraits}). Written with bulk inserts over
 * labor security's database after its demo seed, which already gives the registered unemployed
 * profiles and the postings of a few titles a skill: residents that have a profile, postings that
 * ask for skills or had referrals (the demo's own) are left as they are.
 */
export async function seedJobSeekers(
  db: DataSource,
  population: DemoPopulation & { updatedAt: string; onProgress?: SeedProgress },
): Promise<{ profiles: number; postings: number }> {
  const existing = new Set(
    (await db.getRepository(JobSeekerProfile).find({ select: { idNumber: true } })).map((r) => r.idNumber),
  );
  const profiles = await bulkInsertEntities(
    db,
    JobSeekerProfile,
    population.citizens,
    (i) => {
      const profile = demoJobSeeker(i, population, population.updatedAt);
      return profile && !existing.has(profile.idNumber) ? profile : null;
    },
    (done, total) => population.onProgress?.(done, total, "job-seeker profiles"),
  );

  const withoutSkills = () =>
    db
      .getRepository(JobPosting)
      .createQueryBuilder("j")
      .where("NOT EXISTS (SELECT 1 FROM job_posting_skill s WHERE s.posting_id = j.id)")
      // The demo's referrals met the requirements their postings had: those stay as they are.
      .andWhere("NOT EXISTS (SELECT 1 FROM referral r WHERE r.posting_id = j.id)");
  const total = await withoutSkills().getCount();
  let postings = 0;
  let after = 0;
  for (;;) {
    const batch = await withoutSkills()
      .andWhere("j.id > :after", { after })
      .select(["j.id", "j.title", "j.expiresOn"])
      .orderBy("j.id")
      .take(POSTING_BATCH)
      .getMany();
    if (batch.length === 0) break;
    after = batch[batch.length - 1].id;
    const traits = batch.map((j) => ({ id: j.id, expiresOn: j.expiresOn, ...postingTraits(j.id, j.title) }));
    await db.transaction(async (tx) => {
      const tags = traits.flatMap((t) => t.skills.map((skill) => ({ postingId: t.id, skill, expiresOn: t.expiresOn })));
      for (let k = 0; k < tags.length; k += 500)
        await tx
          .createQueryBuilder()
          .insert()
          .into(JobPostingSkill)
          .values(tags.slice(k, k + 500))
          .execute();
      // One UPDATE per kind of requirement: a handful per batch.
      const groups = new Map<string, number[]>();
      for (const t of traits) {
        if (t.education === null && !t.menOnly) continue;
        const key = `${t.education ?? ""}|${t.menOnly ? "M" : ""}`;
        const ids = groups.get(key);
        if (ids) ids.push(t.id);
        else groups.set(key, [t.id]);
      }
      for (const [key, ids] of groups) {
        const [education, men] = key.split("|");
        const gender = men
          ? {
              genderRequirement: GenderRequirement.MALE,
              genderRequirementGround: GenderRequirementGround.HEAVY_LOAD_BEARING,
            }
          : {};
        await tx
          .createQueryBuilder()
          .update(JobPosting)
          .set({ minEducation: (education || null) as EducationLevel | null, ...gender })
          .whereInIds(ids)
          .execute();
      }
    });
    postings += batch.length;
    population.onProgress?.(postings, total, "job-posting skills and requirements");
  }
  if (total === 0) population.onProgress?.(0, 0, "job-posting skills and requirements");
  return { profiles, postings };
}
