import type { DataSource } from "typeorm";
import {
  Citizen,
  Employer,
  Employment,
  JobPosting,
  Retirement,
  RetirementCategory,
  UnemploymentRegistration,
} from "@onewindow/labor-security";
import { bulkInsert } from "./bulk-insert";
import { demoEmployer, demoJobPosting, demoPerson } from "./demo-people";
import type { SeedSize } from "./seed-size";

/** Labor security's demo records: residents, employers, their jobs, registrations, retirements, postings. */
export async function seedLabor(db: DataSource, size: SeedSize, today: string): Promise<void> {
  const registeredAt = new Date().toISOString();
  await bulkInsert(db, Employer, "employers", size.employers, (j) => ({ ...demoEmployer(j), registeredAt }));
  await bulkInsert(db, Citizen, "citizens", size.citizens, (i) => {
    const p = demoPerson(i, size.employers, today);
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
  });
  await bulkInsert(db, Employment, "jobs", size.citizens, (i) => {
    const p = demoPerson(i, size.employers, today);
    if (p.status !== "EMPLOYED") return null;
    return {
      idNumber: p.idNumber,
      creditCode: demoEmployer(p.employerIndex).creditCode,
      position: null,
      startDate: p.since,
      endDate: null,
    } as Employment;
  });
  await bulkInsert(db, UnemploymentRegistration, "unemployment registrations", size.citizens, (i) => {
    const p = demoPerson(i, size.employers, today);
    if (p.status !== "UNEMPLOYED") return null;
    return {
      idNumber: p.idNumber,
      registeredOn: p.since,
      reason: "劳动合同期满",
      status: "OPEN",
      closedOn: null,
    } as UnemploymentRegistration;
  });
  await bulkInsert(db, Retirement, "retirements", size.citizens, (i) => {
    const p = demoPerson(i, size.employers, today);
    if (p.status !== "RETIRED") return null;
    return {
      idNumber: p.idNumber,
      retiredOn: p.since,
      earlyRetirementGround: null,
      groundReference: null,
      monthlyPensionFen: Math.round(p.monthlyWage * 0.55) * 100,
      approvedAt: `${p.since}T09:00:00.000Z`,
    } as Retirement;
  });
  await bulkInsert(
    db,
    JobPosting,
    "job postings",
    size.jobPostings,
    // Demo postings ask for no gender, so they need no ground.
    (k) => ({ ...demoJobPosting(k, size.employers, today), genderRequirementGround: null }) as unknown as JobPosting,
  );
}
