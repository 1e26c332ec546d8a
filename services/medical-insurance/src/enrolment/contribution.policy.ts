import { MedicalInsuranceScheme } from "./enrolment.enums";

/**
 * The medical-insurance contribution policy, in one place so that the API, the services and
 * the demo-data seeding compute the same figures. All amounts are integer fen; every
 * percentage is rounded half-up to the fen, as the contribution notices print them.
 */

/** Contribution base used when an employee enrolment states none: 6,000 yuan a month. */
export const DEFAULT_CONTRIBUTION_BASE_FEN = 600_000;

/** Employee scheme: the person pays 2% of the monthly contribution base (into the personal account). */
export const EMPLOYEE_PERSONAL_RATE_PER_MILLE = 20;

/** Employee scheme: the employer pays 9.5% of the monthly contribution base (into the pooled fund). */
export const EMPLOYER_RATE_PER_MILLE = 95;

/** Resident scheme: a fixed personal premium of 880 yuan a year, no employer share. */
export const RESIDENT_YEARLY_PREMIUM_FEN = 88_000;

/** A person's and their employer's monthly contributions, in fen. */
export interface MonthlyContributions {
  personalFen: number;
  employerFen: number;
}

/** `numerator / denominator` rounded half-up, in integers so no float error can move a fen. */
function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * The monthly contributions for a scheme. `contributionBaseFen` only matters for EMPLOYEE; the
 * other schemes ignore it.
 */
export function monthlyContributions(
  scheme: MedicalInsuranceScheme,
  contributionBaseFen: number | null = null,
): MonthlyContributions {
  switch (scheme) {
    case MedicalInsuranceScheme.EMPLOYEE: {
      const base = contributionBaseFen ?? DEFAULT_CONTRIBUTION_BASE_FEN;
      return {
        personalFen: divideHalfUp(base * EMPLOYEE_PERSONAL_RATE_PER_MILLE, 1000),
        employerFen: divideHalfUp(base * EMPLOYER_RATE_PER_MILLE, 1000),
      };
    }
    case MedicalInsuranceScheme.RESIDENT:
      // 880 / 12 = 73.333... -> 73.33 yuan a month.
      return { personalFen: divideHalfUp(RESIDENT_YEARLY_PREMIUM_FEN, 12), employerFen: 0 };
    case MedicalInsuranceScheme.RETIREE:
      // Retirees who reached the required contribution years pay nothing further.
      return { personalFen: 0, employerFen: 0 };
    case MedicalInsuranceScheme.UNEMPLOYED:
      // Paid from the unemployment insurance fund, not by the person or a former employer.
      return { personalFen: 0, employerFen: 0 };
  }
}
