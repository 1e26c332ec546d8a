import type { DataSource } from "typeorm";
import { addDays, SeededRandom } from "@onewindow/platform";
import {
  Claim,
  Enrolment,
  MedicalInsuranceScheme,
  EnrolmentStatus,
  monthlyContributions,
} from "@onewindow/medical-insurance";
import { bulkInsert } from "./bulk-insert";
import { demoEmployer, demoPerson } from "./demo-people";
import type { SeedSize } from "./seed-size";

/** Hospitals that demo claims point at (registered by the hospital-quality seeder). */
export const DEMO_CLAIM_HOSPITALS = ["JD001", "JD002", "JD003", "JD004"];

const SCHEME_BY_STATUS = {
  EMPLOYED: MedicalInsuranceScheme.EMPLOYEE,
  UNEMPLOYED: MedicalInsuranceScheme.UNEMPLOYED,
  RETIRED: MedicalInsuranceScheme.RETIREE,
  NOT_REGISTERED: MedicalInsuranceScheme.RESIDENT,
} as const;

/**
 * Medical insurance's demo records: every resident's current enrolment, in the scheme that
 * matches what labor security records about them, and some claims.
 */
export async function seedInsurance(db: DataSource, size: SeedSize, today: string): Promise<void> {
  const enrolledAt = new Date().toISOString();
  await bulkInsert(db, Enrolment, "insurance enrolments", size.citizens, (i) => {
    const p = demoPerson(i, size.employers, today);
    const scheme = SCHEME_BY_STATUS[p.status];
    const baseFen = scheme === MedicalInsuranceScheme.EMPLOYEE ? p.monthlyWage * 100 : null;
    const { personalFen, employerFen } = monthlyContributions(scheme, baseFen);
    return {
      idNumber: p.idNumber,
      scheme,
      status: EnrolmentStatus.ACTIVE,
      creditCode: scheme === MedicalInsuranceScheme.EMPLOYEE ? demoEmployer(p.employerIndex).creditCode : null,
      since: p.status === "NOT_REGISTERED" ? addDays(today, -(i % 2000) - 30) : p.since,
      endedOn: null,
      contributionBaseFen: baseFen,
      monthlyContributionFen: personalFen,
      employerMonthlyContributionFen: employerFen,
      personalAccountBalanceFen: (i % 97) * 1_337,
      enrolledAt,
    } as Enrolment;
  });
  await bulkInsert(db, Claim, "insurance claims", size.citizens, (i) => {
    const rnd = new SeededRandom(i * 31 + 5);
    if (!rnd.chance(0.3)) return null;
    const p = demoPerson(i, size.employers, today);
    return Array.from({ length: rnd.int(1, 3) }, () => {
      const totalFen = rnd.int(50, 3000) * 100 + rnd.int(0, 99);
      return {
        idNumber: p.idNumber,
        hospitalCode: rnd.pick(DEMO_CLAIM_HOSPITALS),
        visitDate: addDays(today, -rnd.int(1, 700)),
        totalCostFen: totalFen,
        drugCostFen: Math.round(totalFen * (0.2 + rnd.next() * 0.4)),
        submittedAt: enrolledAt,
      } as Claim;
    });
  });
}
