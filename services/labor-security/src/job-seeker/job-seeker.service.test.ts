import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { makeIdNumber } from "@onewindow/platform";
import { allowed, fixedClock, openDepartmentDatabase, refusedWith, rejectsWith } from "@onewindow/testing";
import { EducationLevel } from "../citizen/citizen.enums";
import { laborSecurity } from "../index";
import { GenderRequirementGround } from "../job-posting/job-posting.enums";
import { company } from "../labor-security.fixture";
import type { Services } from "../services";
import { GenderRequirement, JobPosting } from "../job-posting/job-posting.entity";
import { JobPostingSkill } from "../job-posting/job-posting-skill.entity";
import { CANDIDATES_PER_QUERY, SKILL_SCAN } from "./job-seeker.service";

const TODAY = "2026-06-01";
/** A man of 52 on TODAY, and a woman of 46. */
const MAN = makeIdNumber("330102", "1974-03-07", 11);
const WOMAN = makeIdNumber("330102", "1980-02-02", 12);

async function street(s: Services): Promise<Record<string, number>> {
  await s.employers.register({ creditCode: company(1), name: "杭州景芳机电有限公司", industry: "制造业" });
  await s.employers.register({ creditCode: company(2), name: "景芳餐饮有限公司", industry: "餐饮" });
  await s.citizens.register({ idNumber: MAN, name: "张建国", community: "景芳社区" });
  await s.citizens.register({ idNumber: WOMAN, name: "李秀英", community: "景芳社区" });
  await s.jobSeekers.update({
    idNumber: MAN,
    educationLevel: EducationLevel.SENIOR_HIGH,
    skills: ["电工证", " 叉车证 "],
    desiredIndustries: ["制造业"],
    desiredMinSalary: 5000,
  });
  await s.jobSeekers.update({ idNumber: WOMAN, skills: ["电工证"], desiredMinSalary: 4000 });
  const post = async (title: string, extra: Record<string, unknown>) =>
    (
      await s.jobPostings.post({
        creditCode: company(1),
        title,
        salaryMin: 4000,
        salaryMax: 4500,
        ...extra,
      })
    ).id;
  return {
    electrician: await post("维修电工", {
      minAge: 25,
      maxAge: 55,
      skills: ["电工证"],
      salaryMin: 5100,
      salaryMax: 5600,
    }),
    young: await post("仓库管理员", { minAge: 18, maxAge: 45, salaryMin: 9000, salaryMax: 9900 }),
    college: await post("设备工程师", {
      minEducation: EducationLevel.JUNIOR_COLLEGE,
      salaryMin: 9000,
      salaryMax: 9900,
    }),
    cleaner: await post("保洁员", { creditCode: company(2), salaryMin: 3000, salaryMax: 3500 }),
    heavy: await post("搬运工", {
      genderRequirement: GenderRequirement.MALE,
      genderRequirementGround: GenderRequirementGround.HEAVY_LOAD_BEARING,
      minEducation: EducationLevel.PRIMARY,
      salaryMin: 6000,
      salaryMax: 7000,
    }),
  };
}

test("matching leaves out the postings whose hard requirements the person does not meet, ranks the rest and says why", async () => {
  const { services: s } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  const ids = await street(s);
  const man = (await s.citizens.findByIds([MAN]))[0]!;
  const matches = await s.jobSeekers.matches(man, 10);
  const got = matches.map((m) => m.posting.id);
  // Too old for 18–45, no college diploma: never shown.
  assert.ok(!got.includes(ids.young) && !got.includes(ids.college), JSON.stringify(got));
  assert.deepEqual(got, [ids.electrician, ids.heavy, ids.cleaner]);
  const [best] = matches;
  assert.deepEqual(best.reasons, [
    "年龄符合 25–55 岁要求",
    "技能匹配：电工证",
    "月薪 5,100–5,600 元高于期望",
    "行业符合意向：制造业",
  ]);
  assert.equal(best.score, 1);
  assert.ok(matches.every((m) => m.score >= 0 && m.score <= 1));
  assert.deepEqual(matches[2].reasons, ["月薪 3,000–3,500 元低于期望的 5,000 元"]);
  assert.ok(matches[1].score > matches[2].score);
  assert.equal((await s.jobSeekers.matches(man, 1)).length, 1);

  // A woman of 46 without a recorded education: the men-only posting on its lawful ground and
  // every posting asking an education are closed to her; 25–55 is not.
  const woman = (await s.citizens.findByIds([WOMAN]))[0]!;
  const hers = (await s.jobSeekers.matches(woman, 10)).map((m) => m.posting.id);
  assert.deepEqual(hers.sort(), [ids.electrician, ids.cleaner].sort());
});

test("the posting sharing most skills is found behind more newer, better-paid ones than matching reads, until the person is referred to it or it is full", async () => {
  const { services: s } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  await s.employers.register({ creditCode: company(1), name: "杭州景芳机电有限公司", industry: "制造业" });
  for (const idNumber of [MAN, WOMAN]) {
    await s.citizens.register({ idNumber, name: "求职者", community: "景芳社区" });
    await s.jobSeekers.update({ idNumber, skills: ["电工证", "叉车证"] });
  }
  const post = async (title: string, skills: string[], salaryMin: number) =>
    (await s.jobPostings.post({ creditCode: company(1), title, skills, salaryMin, salaryMax: salaryMin + 500 })).id;
  const both = await post("维修电工", ["电工证", "叉车证"], 3000);
  // More than either candidate query reads, each sharing one skill and better paid.
  for (let i = 0; i <= CANDIDATES_PER_QUERY; i++) await post(`电工 ${i}`, ["电工证", "焊工证"], 5000);
  const man = (await s.citizens.findByIds([MAN]))[0]!;
  const [best] = await s.jobSeekers.matches(man, 1);
  assert.equal(best.posting.id, both);
  const shared = best.reasons.find((r) => r.startsWith("技能匹配："));
  assert.deepEqual(shared?.slice(5).split("、").sort(), ["电工证", "叉车证"].sort());

  await s.referrals.refer({ idNumber: MAN, postingId: String(both) });
  assert.notEqual((await s.jobSeekers.matches(man, 1))[0].posting.id, both);
  // Its one vacancy is taken: nobody else is matched to it either.
  const woman = (await s.citizens.findByIds([WOMAN]))[0]!;
  assert.notEqual((await s.jobSeekers.matches(woman, 1))[0].posting.id, both);
});

test("when few of the postings sharing most skills suit the person, matching walks past them to one that does", async () => {
  const { services: s, db } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  await s.employers.register({ creditCode: company(1), name: "杭州景芳机电有限公司", industry: "制造业" });
  await s.citizens.register({ idNumber: MAN, name: "张建国", community: "景芳社区" });
  await s.jobSeekers.update({
    idNumber: MAN,
    educationLevel: EducationLevel.SENIOR_HIGH,
    skills: ["电工证", "叉车证"],
  });
  // The one that suits him and shares a skill: the oldest and the worst paid.
  const fits = (
    await s.jobPostings.post({
      creditCode: company(1),
      title: "维修电工",
      skills: ["电工证"],
      salaryMin: 3000,
      salaryMax: 3500,
    })
  ).id;
  const insert = async (
    title: string,
    count: number,
    salaryMin: number,
    minEducation: EducationLevel | null,
    skills: string[],
  ) => {
    const rows = Array.from({ length: count }, () => ({
      creditCode: company(1),
      title,
      requirements: null,
      genderRequirement: GenderRequirement.ANY,
      genderRequirementGround: null,
      minAge: null,
      maxAge: null,
      salaryMinFen: salaryMin * 100,
      salaryMaxFen: (salaryMin + 500) * 100,
      minEducation,
      vacancies: 1,
      publishedOn: TODAY,
      expiresOn: null,
    }));
    for (let k = 0; k < rows.length; k += 200) await db.getRepository(JobPosting).insert(rows.slice(k, k + 200));
    const ids = (await db.getRepository(JobPosting).findBy({ title })).map((p) => p.id);
    const tags = ids.flatMap((postingId) => skills.map((skill) => ({ postingId, skill })));
    for (let k = 0; k < tags.length; k += 200) await db.getRepository(JobPostingSkill).insert(tags.slice(k, k + 200));
  };
  // Better paid and open to him, sharing no skill: they fill the best-paid candidates.
  await insert("仓库管理员", CANDIDATES_PER_QUERY, 6000, null, ["仓储管理"]);
  // Sharing both his skills but asking for a degree: more than matching checks first.
  await insert("设备工程师", SKILL_SCAN + 1, 9000, EducationLevel.BACHELOR, ["电工证", "叉车证"]);

  const man = (await s.citizens.findByIds([MAN]))[0]!;
  const matches = await s.jobSeekers.matches(man, 3);
  assert.equal(matches[0].posting.id, fits);
  assert.ok(matches.every((m) => m.posting.minEducation === null));
});

test("a men-only posting without its lawful ground excludes nobody, and a person not seeking work gets no matches", async () => {
  const { services: s, db } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  const ids = await street(s);
  // A posting from before grounds were required: stored MALE, shown ANY.
  await db.query(`UPDATE job_posting SET gender_requirement = 'MALE' WHERE id = ${ids.cleaner}`);
  const woman = (await s.citizens.findByIds([WOMAN]))[0]!;
  assert.ok((await s.jobSeekers.matches(woman, 10)).some((m) => m.posting.id === ids.cleaner));
  await s.jobSeekers.update({ idNumber: WOMAN, availability: "NOT_SEEKING" as never });
  assert.deepEqual(await s.jobSeekers.matches(woman, 10), []);
  await rejectsWith(s.jobSeekers.matches(woman, 51), "BAD_USER_INPUT", { field: "first" });
});

test("profiles keep what an update leaves out, and refuse bad tags and salaries", async () => {
  const { services: s } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  await street(s);
  const updated = await s.jobSeekers.update({ idNumber: MAN, desiredMinSalary: 5500 });
  assert.deepEqual(updated.skills, ["电工证", "叉车证"]);
  assert.equal(updated.desiredMinSalary, 5500);
  assert.equal((await s.citizens.findByIds([MAN]))[0]!.educationLevel, EducationLevel.SENIOR_HIGH);
  await rejectsWith(s.jobSeekers.update({ idNumber: MAN, skills: ["x".repeat(41)] }), "BAD_USER_INPUT", {
    field: "skills",
  });
  await rejectsWith(s.jobSeekers.update({ idNumber: MAN, desiredMinSalary: -1 }), "BAD_USER_INPUT", {
    field: "desiredMinSalary",
  });
  await rejectsWith(
    s.jobSeekers.update({ idNumber: makeIdNumber("330102", "1970-01-01", 99), skills: [] }),
    "NOT_FOUND",
  );
});

test("a citizen reads their own matches and profile, not another's; every read is purposed", async () => {
  const { services: s, run } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  await street(s);
  const q = `query ($id: ID!) { citizen(idNumber: $id) { jobSeekerProfile { skills } jobMatches(first: 2) { score reasons posting { title } } } }`;
  const own = allowed(await run({ userId: "u", roles: ["citizen"], idNumber: MAN, purpose: "查看" }, q, { id: MAN }));
  assert.equal(own.citizen.jobMatches[0].posting.title, "维修电工");
  refusedWith(
    await run({ userId: "u", roles: ["citizen"], idNumber: MAN, purpose: "查看" }, q, { id: WOMAN }),
    "FORBIDDEN",
  );
  refusedWith(await run({ userId: "c", roles: ["window_clerk"], purpose: null }, q, { id: MAN }), "FORBIDDEN");
  refusedWith(await run({ userId: "i", roles: ["insurance_officer"], purpose: "x" }, q, { id: MAN }), "FORBIDDEN");
});
