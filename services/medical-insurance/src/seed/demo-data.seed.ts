import type { DataSource } from "typeorm";
import { addDays, demoEmployer, demoPerson, SeededRandom, type DemoPopulation } from "@onewindow/contracts/demo";
import { bulkInsertEntities, systemClock, type Clock, type SeedProgress } from "@onewindow/platform";
import { Claim } from "../claim/claim.entity";
import { monthlyContributions } from "../enrolment/contribution.policy";
import { Enrolment } from "../enrolment/enrolment.entity";
import { EnrolmentStatus, MedicalInsuranceScheme } from "../enrolment/enrolment.enums";

export interface SeedInsuranceDemoOptions extends DemoPopulation {
  /** The clock enrolments and claims are stamped by. */
  clock?: Clock;
  /** Called after each committed batch of each step ("insurance enrolments", "insurance claims"). */
  onProgress?: SeedProgress;
}

/** Hospitals that demo claims point at (registered by the hospital-quality seeder). */
const DEMO_CLAIM_HOSPITALS = ["JD001", "JD002", "JD003", "JD004"];

const SCHEME_BY_STATUS = {
  EMPLOYED: MedicalInsuranceScheme.EMPLOYEE,
  UNEMPLOYED: MedicalInsuranceScheme.UNEMPLOYED,
  RETIRED: MedicalInsuranceScheme.RETIREE,
  NOT_REGISTERED: MedicalInsuranceScheme.RESIDENT,
} as const;

/**
 * Medical insurance's demo records of the demo population (`@onewindow/contracts/demo`): every
 * resident's current enrolment, in the scheme that matches what labor security records about
 * them, and some claims, written as history (no events).
 */
export async function seedInsuranceDemo(db: DataSource, options: SeedInsuranceDemoOptions): Promise<void> {
  const { citizens, employers, today } = options;
  const enrolledAt = (options.clock ?? systemClock)().toISOString();
  const step = (name: string) => (done: number, total: number) => options.onProgress?.(done, total, name);
  await bulkInsertEntities(
    db,
    Enrolment,
    citizens,
    (i) => {
      const p = demoPerson(i, employers, today);
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
    },
    step("insurance enrolments"),
  );
  await bulkInsertEntities(
    db,
    Claim,
    citizens,
    (i) => {
      const rnd = new SeededRandom(i * 31 + 5);
      if (!rnd.chance(0.3)) return null;
      const p = demoPerson(i, employers, today);
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
    },
    step("insurance claims"),
  );
}
