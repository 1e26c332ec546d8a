import type { DataSource } from "typeorm";
import { demoEmployer, demoJobPosting, demoPerson, type DemoPopulation } from "@onewindow/contracts/demo";
import { bulkInsertEntities, systemClock, type Clock, type SeedProgress } from "@onewindow/platform";
import { Citizen } from "../citizen/citizen.entity";
import { Employer } from "../employer/employer.entity";
import { Employment } from "../employment/employment.entity";
import { JobPosting } from "../job-posting/job-posting.entity";
import { Retirement } from "../retirement/retirement.entity";
import { RetirementCategory } from "../retirement-age/retirement-age.enums";
import { UnemploymentRegistration } from "../unemployment/unemployment-registration.entity";
import { seedReliefDemo } from "../relief/relief.seed";
import { seedJobSeekerDemo } from "../job-seeker/job-seeker.seed";
import { seedReferralDemo } from "../referral/referral.seed";
import { seedTrainingDemo } from "../training/training.seed";
import { seedOutreachDemo } from "../outreach/outreach.seed";

export interface SeedLaborDemoOptions extends DemoPopulation {
  /** How many job postings (`demoJobPosting(0 … jobPostings - 1)`). */
  jobPostings: number;
  /** The clock registrations are stamped by. */
  clock?: Clock;
  /** Called after each committed batch of each step ("citizens", "jobs", …). */
  onProgress?: SeedProgress;
}

/**
 * Labor security's demo records of the demo population (`@onewindow/contracts/demo`): residents,
 * employers, their jobs, unemployment registrations, retirements, job postings, three years of
 * relief campaigns and grants (`src/relief/relief.seed.ts`), job seekers' profiles
 * (`src/job-seeker/job-seeker.seed.ts`) and a year of referrals with their outcomes
 * (`src/referral/referral.seed.ts`), written as history (no events).
 */
export async function seedLaborDemo(db: DataSource, options: SeedLaborDemoOptions): Promise<void> {
  const { citizens, employers, jobPostings, today } = options;
  const registeredAt = (options.clock ?? systemClock)().toISOString();
  const step = (name: string) => (done: number, total: number) => options.onProgress?.(done, total, name);
  await bulkInsertEntities(db, Employer, employers, (j) => ({ ...demoEmployer(j), registeredAt }), step("employers"));
  await bulkInsertEntities(
    db,
    Citizen,
    citizens,
    (i) => {
      const p = demoPerson(i, employers, today);
      return {
        idNumber: p.idNumber,
        name: p.name,
        gender: p.gender,
        birthDate: p.birthDate,
        community: p.community,
        address: p.address,
        educationLevel: p.educationLevel,
        housingStatus: p.housingStatus,
        household: p.household,
        employmentStatus: p.status,
        // Which retirement table a woman follows is in her personnel file; the demo records women
        // with a college education as cadres (55 → 58) and leaves the rest to the worker default.
        retirementCategory:
          p.gender === "FEMALE" && ["JUNIOR_COLLEGE", "BACHELOR", "POSTGRADUATE"].includes(p.educationLevel ?? "")
            ? RetirementCategory.CADRE
            : null,
        registeredAt,
      } as Citizen;
    },
    step("citizens"),
  );
  await bulkInsertEntities(
    db,
    Employment,
    citizens,
    (i) => {
      const p = demoPerson(i, employers, today);
      if (p.status !== "EMPLOYED") return null;
      return {
        idNumber: p.idNumber,
        creditCode: demoEmployer(p.employerIndex).creditCode,
        position: null,
        startDate: p.since,
        endDate: null,
      } as Employment;
    },
    step("jobs"),
  );
  await bulkInsertEntities(
    db,
    UnemploymentRegistration,
    citizens,
    (i) => {
      const p = demoPerson(i, employers, today);
      if (p.status !== "UNEMPLOYED") return null;
      return {
        idNumber: p.idNumber,
        registeredOn: p.since,
        reason: "劳动合同期满",
        status: "OPEN",
        closedOn: null,
      } as UnemploymentRegistration;
    },
    step("unemployment registrations"),
  );
  await bulkInsertEntities(
    db,
    Retirement,
    citizens,
    (i) => {
      const p = demoPerson(i, employers, today);
      if (p.status !== "RETIRED") return null;
      return {
        idNumber: p.idNumber,
        retiredOn: p.since,
        earlyRetirementGround: null,
        groundReference: null,
        monthlyPensionFen: Math.round(p.monthlyWage * 0.55) * 100,
        approvedAt: `${p.since}T09:00:00.000Z`,
      } as Retirement;
    },
    step("retirements"),
  );
  await bulkInsertEntities(
    db,
    JobPosting,
    jobPostings,
    // Demo postings ask for no gender, so they need no ground.
    (k) => ({ ...demoJobPosting(k, employers, today), genderRequirementGround: null }) as unknown as JobPosting,
    step("job postings"),
  );
  await seedReliefDemo(db, { citizens, employers, today, onProgress: options.onProgress });
  const seekers = await seedJobSeekerDemo(db, { citizens, employers, today, onProgress: options.onProgress });
  await seedReferralDemo(db, { citizens, employers, today, seekers, onProgress: options.onProgress });
  await seedTrainingDemo(db, { citizens, employers, today, onProgress: options.onProgress });
  await seedOutreachDemo(db, { citizens, employers, today, onProgress: options.onProgress });
}
