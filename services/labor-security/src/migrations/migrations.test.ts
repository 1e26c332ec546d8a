import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { openDepartmentDatabase } from "@onewindow/testing";
import { laborSecurity } from "../index";
import { JobSeekersAndReferrals1764900000004 } from "./1764900000004-job-seekers-and-referrals.migration";
import { BenefitAndRelief1764900000005 } from "./1764900000005-benefit-and-relief.migration";
import { StatutoryRetirementAndEqualHiring1764300000003 } from "./1764300000003-statutory-retirement-and-equal-hiring.migration";
import { Training1765100000006 } from "./1765100000006-training.migration";
import { Outreach1765100000007 } from "./1765100000007-outreach.migration";
import { MatchingIndexes1765100000008 } from "./1765100000008-matching-indexes.migration";
import { company } from "../labor-security.fixture";

test("the statutory-retirement migration goes down and up again, seeding the three tables once", async () => {
  const { db } = await openDepartmentDatabase(laborSecurity);
  const count = async () => Number((await db.query("SELECT COUNT(*) AS n FROM retirement_age_rule"))[0].n);
  assert.equal(await count(), 3);
  const migration = new StatutoryRetirementAndEqualHiring1764300000003();
  const q = db.createQueryRunner();
  try {
    await migration.down(q);
    await assert.rejects(count());
    for (const [table, column] of [
      ["job_posting", "gender_requirement_ground"],
      ["retirement", "early_retirement_ground"],
      ["citizen", "retirement_category"],
    ]) {
      assert.equal((await q.getTable(table))?.findColumnByName(column), undefined, column);
    }
    await migration.up(q);
  } finally {
    await q.release();
  }
  assert.equal(await count(), 3);
});

test("the job-seekers-and-referrals migration goes down and up again", async () => {
  const { db } = await openDepartmentDatabase(laborSecurity);
  const migration = new JobSeekersAndReferrals1764900000004();
  const q = db.createQueryRunner();
  try {
    await migration.down(q);
    for (const table of ["referral", "job_posting_skill", "job_seeker_profile"])
      assert.equal(await q.hasTable(table), false);
    assert.equal((await q.getTable("job_posting"))?.findColumnByName("min_education"), undefined);
    await migration.up(q);
  } finally {
    await q.release();
  }
  assert.equal(Number((await db.query("SELECT COUNT(*) AS n FROM referral"))[0].n), 0);
});

test("the benefit-and-relief migration goes down and up again, seeding the benefit level once", async () => {
  const { db } = await openDepartmentDatabase(laborSecurity);
  const count = async () => Number((await db.query("SELECT COUNT(*) AS n FROM unemployment_benefit_level"))[0].n);
  assert.equal(await count(), 1);
  const migration = new BenefitAndRelief1764900000005();
  const q = db.createQueryRunner();
  try {
    await migration.down(q);
    for (const table of ["unemployment_benefit_payment", "relief_grant", "relief_campaign", "relief_hardship_flag"]) {
      assert.equal(await q.hasTable(table), false, table);
    }
    await migration.up(q);
  } finally {
    await q.release();
  }
  assert.equal(await count(), 1);
});

test("the outreach and training migrations go down and up again", async () => {
  const { db } = await openDepartmentDatabase(laborSecurity);
  const q = db.createQueryRunner();
  try {
    await new Outreach1765100000007().down(q);
    await new Training1765100000006().down(q);
    for (const table of ["outreach_visit", "training_enrolment", "training_course"])
      assert.equal(await q.hasTable(table), false, table);
    await new Training1765100000006().up(q);
    await new Outreach1765100000007().up(q);
  } finally {
    await q.release();
  }
  for (const table of ["outreach_visit", "training_enrolment", "training_course"])
    assert.equal(Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n), 0, table);
});

test("the matching-indexes migration goes down and up again, copying each posting's closing date to its tags", async () => {
  const { db, services: s } = await openDepartmentDatabase(laborSecurity);
  await s.employers.register({ creditCode: company(1), name: "杭州景芳机电有限公司" });
  const expiresOn = "2099-12-31";
  const post = (skills: string[], until: string | null) =>
    s.jobPostings.post({
      creditCode: company(1),
      title: "电工",
      salaryMin: 4000,
      salaryMax: 5000,
      skills,
      expiresOn: until,
    });
  await post(["电工证", "叉车证"], expiresOn);
  await post(["电工证"], null);
  const tags = async () =>
    (await db.query("SELECT skill, expires_on AS e FROM job_posting_skill ORDER BY posting_id, skill")).map(
      (r: { skill: string; e: string | Date | null }) => [r.skill, r.e && new Date(r.e).toISOString().slice(0, 10)],
    );
  const copied = [
    ["叉车证", expiresOn],
    ["电工证", expiresOn],
    ["电工证", null],
  ];
  assert.deepEqual(await tags(), copied);
  const migration = new MatchingIndexes1765100000008();
  const q = db.createQueryRunner();
  try {
    await migration.down(q);
    const table = await q.getTable("job_posting_skill");
    assert.equal(table?.findColumnByName("expires_on"), undefined);
    assert.deepEqual(
      table?.indices.map((i) => i.name),
      ["job_posting_skill_by_skill"],
    );
    await migration.up(q);
    assert.deepEqual(
      (await q.getTable("job_posting_skill"))?.indices.map((i) => i.name),
      ["job_posting_skill_open"],
    );
  } finally {
    await q.release();
  }
  assert.deepEqual(await tags(), copied);
});
