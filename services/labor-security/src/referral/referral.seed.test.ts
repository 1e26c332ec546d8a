import { test } from "@jest/globals";
import { IsNull } from "typeorm";
import assert from "node:assert/strict";
import { addDays } from "@onewindow/platform";
import { fixedClock, openDepartmentDatabase } from "@onewindow/testing";
import { Citizen } from "../citizen/citizen.entity";
import { EmploymentStatus } from "../citizen/citizen.enums";
import { Employment } from "../employment/employment.entity";
import { laborSecurity, seedLaborDemo } from "../index";
import { JobPosting } from "../job-posting/job-posting.entity";
import { JobSeekerProfile } from "../job-seeker/job-seeker.entity";
import { unmetRequirement } from "../job-seeker/job-seeker.service";
import { UnemploymentRegistration } from "../unemployment/unemployment-registration.entity";
import { Referral } from "./referral.entity";
import { ReferralStatus } from "./referral.enums";

const TODAY = "2026-06-01";
const JOB_POSTINGS = 600;

test("the demo's year of referrals keeps the service's rules, and every hire is the job on record", async () => {
  const { services: s, db } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  await seedLaborDemo(db, { citizens: 5_000, employers: 300, jobPostings: JOB_POSTINGS, today: TODAY });
  const referrals = await db.getRepository(Referral).find();
  const postings = new Map((await db.getRepository(JobPosting).find()).map((p) => [p.id, p]));
  const citizens = new Map((await db.getRepository(Citizen).find()).map((c) => [c.idNumber, c]));
  const registrations = await db.getRepository(UnemploymentRegistration).find();
  const profiles = new Set((await db.getRepository(JobSeekerProfile).find()).map((p) => p.idNumber));

  const hires = referrals.filter((r) => r.status === ReferralStatus.HIRED);
  assert.ok(referrals.length > 300 && hires.length > 40, `${referrals.length} referrals, ${hires.length} hires`);
  const perPosting = new Map<number, number>();
  const pairs = new Set<string>();
  for (const r of referrals) {
    const posting = postings.get(r.postingId)!;
    const person = citizens.get(r.idNumber)!;
    assert.ok(r.referredOn >= addDays(TODAY, -365) && r.referredOn <= TODAY, r.referredOn);
    // Open on its day, and the person met its hard requirements then.
    assert.equal(unmetRequirement(posting, person, r.referredOn), null, `referral to ${posting.id} on ${r.referredOn}`);
    assert.equal(r.creditCode, posting.creditCode);
    assert.equal(r.community, person.community);
    assert.ok(profiles.has(r.idNumber), "every referred person has a job-seeker profile");
    perPosting.set(r.postingId, (perPosting.get(r.postingId) ?? 0) + 1);
    assert.ok(!pairs.has(`${r.idNumber}/${r.postingId}`), "one referral per person and posting");
    pairs.add(`${r.idNumber}/${r.postingId}`);
    if (r.status === ReferralStatus.REFERRED) assert.equal(r.outcomeOn, null);
    else assert.ok(r.outcomeOn! >= r.referredOn && r.outcomeOn! <= TODAY, `${r.referredOn} → ${r.outcomeOn}`);
  }
  // Never more referrals than vacancies (so never more active ones at any time).
  for (const [id, n] of perPosting) assert.ok(n <= postings.get(id)!.vacancies, `posting ${id}: ${n} referrals`);

  for (const r of hires) {
    const person = citizens.get(r.idNumber)!;
    assert.equal(person.employmentStatus, EmploymentStatus.EMPLOYED);
    assert.ok(r.startDate! >= r.referredOn && r.startDate! <= r.outcomeOn!);
    const job = await db.getRepository(Employment).findOneByOrFail({ idNumber: r.idNumber, endDate: IsNull() });
    assert.deepEqual(
      [job.creditCode, job.startDate, job.position],
      [r.creditCode, r.startDate, postings.get(r.postingId)!.title],
    );
    const own = registrations.filter((g) => g.idNumber === r.idNumber);
    assert.deepEqual(
      own.map((g) => [g.status, g.registeredOn, g.closedOn]),
      [["CLOSED", r.registeredOn, r.startDate]],
    );
  }
  // Those still looking keep their open registration; their referrals carry its day.
  for (const r of referrals.filter((x) => citizens.get(x.idNumber)!.employmentStatus === EmploymentStatus.UNEMPLOYED)) {
    const open = registrations.find((g) => g.idNumber === r.idNumber && g.status === "OPEN")!;
    assert.equal(r.registeredOn, open.registeredOn);
  }
  // The past postings closed before today: the board shows only its own postings.
  for (const p of postings.values()) if (p.id > JOB_POSTINGS) assert.ok(p.expiresOn! < TODAY, `${p.id} ${p.expiresOn}`);

  const stats = await s.referrals.stats(addDays(TODAY, -365), TODAY, null);
  assert.equal(stats.all.referrals, referrals.length);
  assert.equal(stats.all.hires, hires.length);
  assert.equal(stats.byMonth.length, 13);
  assert.equal(
    stats.byMonth.reduce((n, m) => n + m.all.hires, 0),
    hires.length,
  );
  assert.ok(
    stats.byCategory.every((c) => c.referrals > 0),
    JSON.stringify(stats.byCategory),
  );

  // A demo job seeker is matched with reasons, skills among them for a certificate holder.
  const electrician = [...citizens.values()].find(
    (c) => c.employmentStatus === EmploymentStatus.UNEMPLOYED && profiles.has(c.idNumber),
  )!;
  await s.jobSeekers.update({ idNumber: electrician.idNumber, skills: ["电工证"], desiredIndustries: ["建筑业"] });
  const matches = await s.jobSeekers.matches(electrician, 50);
  assert.ok(matches.length > 0);
  assert.ok(
    matches.some((m) => m.reasons.includes("技能匹配：电工证")),
    JSON.stringify(matches.map((m) => m.reasons)),
  );
});
