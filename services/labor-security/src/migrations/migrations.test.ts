import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { openDepartmentDatabase } from "@onewindow/testing";
import { laborSecurity } from "../index";
import { JobSeekersAndReferrals1764900000004 } from "./1764900000004-job-seekers-and-referrals.migration";
import { BenefitAndRelief1764900000005 } from "./1764900000005-benefit-and-relief.migration";
import { StatutoryRetirementAndEqualHiring1764300000003 } from "./1764300000003-statutory-retirement-and-equal-hiring.migration";
import { Training1765100000006 } from "./1765100000006-training.migration";
import { Outreach1765100000007 } from "./1765100000007-outreach.migration";

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
