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

test("scaled job seekers: every registered unemployed and a few employed, postings asking for skills and education; the demo's own are kept and a second run adds nothing", async () => {
  const { db, services: s } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(population.today) });
  await seedLaborDemo(db, { ...population, jobPostings: 400 });
  const people = Array.from({ length: population.citizens }, (_, i) =>
    demoPerson(i, population.employers, population.today),
  );
  const unemployed = people.filter((p) => p.status === "UNEMPLOYED").map((p) => p.idNumber);
  // A profile written before (the demo's own) stays as it is.
  await s.jobSeekers.update({ idNumber: unemployed[0], skills: ["自有技能"] });

  const written = await seedJobSeekers(db, { ...population, updatedAt: "2026-11-20T08:00:00.000Z" });
  const profiles = await db.getRepository(JobSeekerProfile).find();
  assert.equal(profiles.length, written.profiles + 1);
  const byId = new Map(profiles.map((p) => [p.idNumber, p]));
  assert.ok(unemployed.every((id) => byId.has(id)));
  assert.deepEqual(byId.get(unemployed[0])!.skills, ["自有技能"]);
  const employed = profiles.length - unemployed.length;
  assert.ok(employed > 0 && employed < unemployed.length, `${employed} employed job seekers`);
  assert.ok(new Set(profiles.flatMap((p) => p.skills)).size >= 20, "skills spread over the trades");

  const tags = await db.getRepository(JobPostingSkill).find();
  const postings = await db.getRepository(JobPosting).find();
  assert.equal(written.postings, postings.length);
  assert.ok(new Set(tags.map((t) => t.postingId)).size > postings.length * 0.8, "most postings ask for skills");
  const education = new Set(postings.map((p) => p.minEducation));
  for (const level of [null, "JUNIOR_HIGH", "SENIOR_HIGH", "BACHELOR"])
    assert.ok(education.has(level as never), String(level));
  const menOnly = postings.filter((p) => p.genderRequirement === GenderRequirement.MALE);
  assert.ok(menOnly.length > 0 && menOnly.every((p) => p.genderRequirementGround !== null));

  // Matching finds postings by the seeded skills for someone.
  const seeker = await db.getRepository(Citizen).findOneByOrFail({ idNumber: unemployed[1] });
  const matches = await s.jobSeekers.matches(seeker, 10);
  assert.ok(matches.length > 0);

  const again = await seedJobSeekers(db, { ...population, updatedAt: "2026-11-21T08:00:00.000Z" });
  assert.equal(again.profiles, 0);
  assert.equal(await db.getRepository(JobPostingSkill).count(), tags.length);
});
