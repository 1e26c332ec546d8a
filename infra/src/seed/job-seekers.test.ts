import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { demoPerson } from "@onewindow/contracts/demo";
import {
  Citizen,
  GenderRequirement,
  JobPosting,
  JobPostingSkill,
  JobSeekerProfile,
  laborSecurity,
  seedLaborDemo,
} from "@onewindow/labor-security";
import { fixedClock, openDepartmentDatabase } from "@onewindow/testing";
import { seedJobSeekers } from "./job-seekers";

const population = { citizens: 3_000, employers: 60, today: "2026-11-20" };

test("scaled job seekers: a few employed beside the demo's unemployed, postings asking for skills and education; the demo's own are kept and a second run adds nothing", async () => {
  const { db, services: s } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(population.today) });
  await seedLaborDemo(db, { ...population, jobPostings: 400 });
  const people = Array.from({ length: population.citizens }, (_, i) =>
    demoPerson(i, population.employers, population.today),
  );
  const unemployed = people.filter((p) => p.status === "UNEMPLOYED").map((p) => p.idNumber);
  // The demo's profiles (every registered unemployed) stay as they are, one changed since too.
  await s.jobSeekers.update({ idNumber: unemployed[0], skills: ["自有技能"] });
  const demo = await db.getRepository(JobSeekerProfile).find();
  const demoTags = await db.getRepository(JobPostingSkill).find();
  const referred = new Set(
    (await db.query<{ id: number | string }[]>("SELECT DISTINCT posting_id AS id FROM referral")).map((r) =>
      Number(r.id),
    ),
  );
  assert.ok(referred.size > 0, "the demo has referrals");

  const written = await seedJobSeekers(db, { ...population, updatedAt: "2026-11-20T08:00:00.000Z" });
  const profiles = await db.getRepository(JobSeekerProfile).find();
  assert.equal(profiles.length, demo.length + written.profiles);
  const byId = new Map(profiles.map((p) => [p.idNumber, p]));
  assert.ok(demo.every((p) => JSON.stringify(byId.get(p.idNumber)) === JSON.stringify(p)));
  assert.deepEqual(byId.get(unemployed[0])!.skills, ["自有技能"]);
  assert.ok(unemployed.every((id) => byId.has(id)));
  assert.ok(written.profiles > 0 && written.profiles < unemployed.length, `${written.profiles} employed job seekers`);
  assert.ok(new Set(profiles.flatMap((p) => p.skills)).size >= 20, "skills spread over the trades");

  const tags = await db.getRepository(JobPostingSkill).find();
  const tagged = new Set(tags.map((t) => t.postingId));
  const postings = await db.getRepository(JobPosting).find();
  const free = postings.filter((p) => !referred.has(p.id));
  assert.ok(free.filter((p) => tagged.has(p.id)).length > free.length * 0.8, "most postings ask for skills");
  const education = new Set(free.map((p) => p.minEducation));
  for (const level of [null, "JUNIOR_HIGH", "SENIOR_HIGH", "BACHELOR"])
    assert.ok(education.has(level as never), String(level));
  const menOnly = postings.filter((p) => p.genderRequirement === GenderRequirement.MALE);
  assert.ok(menOnly.length > 0 && menOnly.every((p) => p.genderRequirementGround !== null));
  // Postings the demo referred people to keep the requirements those people met, and their tags.
  const before = new Map(demoTags.map((t) => [`${t.postingId} ${t.skill}`, t]));
  assert.ok(postings.filter((p) => referred.has(p.id)).every((p) => p.minEducation === null));
  assert.ok(tags.filter((t) => referred.has(t.postingId)).every((t) => before.has(`${t.postingId} ${t.skill}`)));

  // Matching finds postings by the seeded skills for someone.
  const seeker = await db.getRepository(Citizen).findOneByOrFail({ idNumber: unemployed[1] });
  assert.ok((await s.jobSeekers.matches(seeker, 10)).length > 0);

  const again = await seedJobSeekers(db, { ...population, updatedAt: "2026-11-21T08:00:00.000Z" });
  assert.equal(again.profiles, 0);
  assert.equal(await db.getRepository(JobPostingSkill).count(), tags.length);
});
