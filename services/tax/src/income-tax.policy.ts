/**
 * Individual income tax on comprehensive income (综合所得), annual reconciliation (年度汇算),
 * as in force since 2019. Pure: amounts in and out are integer fen, nothing here touches a
 * database, so the service, the demo seeding and the tests compute the same figures.
 */

/** Basic deduction (基本减除费用): 5,000 yuan a month, 60,000 a year. */
export const ANNUAL_BASIC_DEDUCTION_FEN = 6_000_000;

/** One row of the annual progressive table. */
export interface TaxBracket {
  /** Upper bound of annual taxable income, inclusive, in fen; null for the top bracket. */
  upToFen: number | null;
  /** Rate as a whole percentage, so the arithmetic stays in integers. */
  ratePercent: number;
  /** Quick deduction (速算扣除数) in fen. */
  quickDeductionFen: number;
}

/** The seven-bracket table for annual comprehensive income (个人所得税税率表一). */
export const ANNUAL_TAX_BRACKETS: readonly TaxBracket[] = [
  { upToFen: 3_600_000, ratePercent: 3, quickDeductionFen: 0 },
  { upToFen: 14_400_000, ratePercent: 10, quickDeductionFen: 252_000 },
  { upToFen: 30_000_000, ratePercent: 20, quickDeductionFen: 1_692_000 },
  { upToFen: 42_000_000, ratePercent: 25, quickDeductionFen: 3_192_000 },
  { upToFen: 66_000_000, ratePercent: 30, quickDeductionFen: 5_292_000 },
  { upToFen: 96_000_000, ratePercent: 35, quickDeductionFen: 8_592_000 },
  { upToFen: null, ratePercent: 45, quickDeductionFen: 18_192_000 },
];

/** The bracket an annual taxable income (fen, ≥ 0) falls in; bounds are inclusive. */
export function bracketFor(taxableFen: number): TaxBracket {
  return ANNUAL_TAX_BRACKETS.find((b) => b.upToFen === null || taxableFen <= b.upToFen)!;
}

/**
 * Tax due on an annual taxable income, both in fen: taxable × rate − quick deduction, the
 * product rounded half up to the fen. BigInt, because taxable fen × 45 can pass 2^53.
 */
export function computeIncomeTax(taxableFen: number): number {
  if (!Number.isSafeInteger(taxableFen) || taxableFen < 0) {
    throw new RangeError(`taxable income must be a non-negative whole number of fen, got ${taxableFen}`);
  }
  const bracket = bracketFor(taxableFen);
  const product = BigInt(taxableFen) * BigInt(bracket.ratePercent);
  const rounded = (product + 50n) / 100n; // half up; product is never negative
  const tax = rounded - BigInt(bracket.quickDeductionFen);
  // The table is continuous, so this never bites; it guards a mistyped row.
  return tax > 0n ? Number(tax) : 0;
}

/** What a taxpayer declares for a year, in fen. */
export interface ReconciliationInput {
  wageIncomeFen: number;
  /** Basic pension (基本养老金): exempt, recorded but never taxed. */
  pensionIncomeFen: number;
  specialDeductionsFen: number;
  additionalDeductionsFen: number;
  taxWithheldFen: number;
}

/** The reconciled year, in fen. */
export interface Reconciliation extends ReconciliationInput {
  taxableIncomeFen: number;
  taxDueFen: number;
  /** taxDue − taxWithheld: positive is payable, negative is a refund. */
  balanceFen: number;
}

/**
 * Annual reconciliation: taxable = wages − 60,000 − special − additional deductions, never
 * below 0; tax by the annual table; balance against what was withheld during the year.
 */
export function reconcileAnnualIncome(input: ReconciliationInput): Reconciliation {
  const taxableIncomeFen = Math.max(
    0,
    input.wageIncomeFen - ANNUAL_BASIC_DEDUCTION_FEN - input.specialDeductionsFen - input.additionalDeductionsFen,
  );
  const taxDueFen = computeIncomeTax(taxableIncomeFen);
  return { ...input, taxableIncomeFen, taxDueFen, balanceFen: taxDueFen - input.taxWithheldFen };
}
