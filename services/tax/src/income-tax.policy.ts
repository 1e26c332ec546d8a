import { TAX_EXEMPTION } from "./messages";

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

/**
 * 收入额 of each kind of comprehensive income (个人所得税法 art. 6): labour remuneration, author's
 * remuneration and royalties count after a 20 % expense reduction, author's remuneration then at
 * 70 % of that (so 56 %); wages in full. Half up to the fen, in BigInt for very large amounts.
 */
export function comprehensiveIncomeFen(income: {
  wageIncomeFen: number;
  labourRemunerationFen: number;
  authorRemunerationFen: number;
  royaltiesFen: number;
}): number {
  const share = (fen: number, percent: bigint) => Number((BigInt(fen) * percent + 50n) / 100n);
  return (
    income.wageIncomeFen +
    share(income.labourRemunerationFen, 80n) +
    share(income.authorRemunerationFen, 56n) +
    share(income.royaltiesFen, 80n)
  );
}

/**
 * The waiver of small top-ups at the reconciliation, as the notice in force for the year sets it
 * (财政部 税务总局公告2019年第94号 for 2019–2020, 2021年第42号 to 2023, 2023年第32号 to 2027): none for a
 * year no notice covers. Amounts come from `tax_limit`.
 */
export interface ReconciliationExemption {
  /** 年度综合所得收入 (gross, before the 20 % reductions) at or below which a top-up is waived. */
  incomeLimitFen: number;
  /** A top-up at or below which it is waived. */
  topUpLimitFen: number;
  source: string;
}

/** What a taxpayer declares for a year, in fen. */
export interface ReconciliationInput {
  wageIncomeFen: number;
  /** 劳务报酬 (gross). */
  labourRemunerationFen: number;
  /** 稿酬 (gross). */
  authorRemunerationFen: number;
  /** 特许权使用费 (gross). */
  royaltiesFen: number;
  /** Basic pension (基本养老金): exempt, recorded but never taxed. */
  pensionIncomeFen: number;
  specialDeductionsFen: number;
  /** Special additional deductions and the personal pension, as checked against their caps. */
  additionalDeductionsFen: number;
  taxWithheldFen: number;
}

/** The reconciled year, in fen. */
export interface Reconciliation extends ReconciliationInput {
  /** 年度综合所得收入: the four kinds of income before any reduction. */
  grossIncomeFen: number;
  /** 综合所得收入额: after the 20 % reductions and author's 70 %. */
  comprehensiveIncomeFen: number;
  taxableIncomeFen: number;
  taxDueFen: number;
  /** True when a top-up is waived by the year's exemption. */
  exempt: boolean;
  /** Why, in Chinese with the notice; null when not exempt. */
  exemptionReason: string | null;
  /**
   * What is settled at the reconciliation: positive is payable, negative a refund (always paid,
   * exempt or not), 0 when the top-up is waived.
   */
  balanceFen: number;
}

const yuan = (fen: number) =>
  (fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Annual reconciliation (个人所得税法 art. 6 and 11): taxable = comprehensive income − 60,000 −
 * special − additional deductions, never below 0; tax by the annual table; the balance against
 * what was withheld during the year. A top-up (tax due above tax withheld) is waived when the
 * year's exemption covers it: income at most its limit, or the top-up at most its limit.
 */
export function reconcileAnnualIncome(
  input: ReconciliationInput,
  exemption: ReconciliationExemption | null = null,
): Reconciliation {
  const grossIncomeFen =
    input.wageIncomeFen + input.labourRemunerationFen + input.authorRemunerationFen + input.royaltiesFen;
  const comprehensive = comprehensiveIncomeFen(input);
  const taxableIncomeFen = Math.max(
    0,
    comprehensive - ANNUAL_BASIC_DEDUCTION_FEN - input.specialDeductionsFen - input.additionalDeductionsFen,
  );
  const taxDueFen = computeIncomeTax(taxableIncomeFen);
  const topUpFen = taxDueFen - input.taxWithheldFen;
  let exemptionReason: string | null = null;
  if (exemption && topUpFen > 0) {
    if (grossIncomeFen <= exemption.incomeLimitFen)
      exemptionReason = TAX_EXEMPTION.lowIncome.with({
        income: yuan(grossIncomeFen),
        limit: yuan(exemption.incomeLimitFen),
        topUp: yuan(topUpFen),
        source: exemption.source,
      }).zh;
    else if (topUpFen <= exemption.topUpLimitFen)
      exemptionReason = TAX_EXEMPTION.smallTopUp.with({
        topUp: yuan(topUpFen),
        limit: yuan(exemption.topUpLimitFen),
        source: exemption.source,
      }).zh;
  }
  return {
    ...input,
    grossIncomeFen,
    comprehensiveIncomeFen: comprehensive,
    taxableIncomeFen,
    taxDueFen,
    exempt: exemptionReason !== null,
    exemptionReason,
    balanceFen: exemptionReason !== null ? 0 : topUpFen,
  };
}
