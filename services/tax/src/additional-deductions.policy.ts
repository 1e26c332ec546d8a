import type { LocalizedText, Message } from "@onewindow/contracts/i18n";
import { BadUserInputError, intInRange, yuanToFen } from "@onewindow/platform";
import { TaxLimitItem } from "./limits/tax-limit.enums";
import { TAX_DEDUCTION_CATEGORIES, TAX_DEDUCTIONS as M, TAX_RENT_TIERS } from "./messages";
import {
  AdditionalDeductionCategory as Category,
  ContinuingEducationKind,
  RentCityTier,
} from "./tax-return/tax-return.enums";

/*
 * Special additional deductions (专项附加扣除) and the personal pension, checked against their legal
 * caps. The caps are not here: they are rows of `tax_limit` (see limits/), because the State
 * Council changes them by notice (国发〔2018〕41号 set them for 2019; 国发〔2022〕8号 added infant
 * care for 2022; 国发〔2023〕13号 raised child education, infant care and elderly support from 2023).
 * What stays in code is how each category is measured (per child and month, per year …), which the
 * notices' articles define. Pure: the service, the demo seeding and the tests run the same checks.
 */

/** A limit as stored: an amount (fen, or months) for tax years `fromYear..toYear`, with its source. */
export interface LimitRow {
  item: TaxLimitItem;
  fromYear: number;
  toYear: number | null;
  value: number;
  source: string;
}

/** The limits in force for one tax year, by item. */
export type YearLimits = ReadonlyMap<TaxLimitItem, LimitRow>;

/** For each item, the row with the latest `fromYear` covering `year`; items without one are absent. */
export function limitsForYear(rows: readonly LimitRow[], year: number): YearLimits {
  const inForce = new Map<TaxLimitItem, LimitRow>();
  for (const row of rows) {
    if (row.fromYear > year || (row.toYear !== null && row.toYear < year)) continue;
    const seen = inForce.get(row.item);
    if (!seen || seen.fromYear < row.fromYear) inForce.set(row.item, row);
  }
  return inForce;
}

/** One claimed deduction as a return states it; amounts in yuan. */
export interface AdditionalDeductionClaim {
  category: Category;
  /** Yuan claimed for the year. */
  amount: number;
  /** Months of the year the claim covers (monthly categories), 1–12; default 12. */
  months?: number | null;
  /** CHILD_EDUCATION, INFANT_CARE: children the line covers; default 1. */
  children?: number | null;
  /** ELDERLY_SUPPORT: true for an only child (独生子女). */
  onlyChild?: boolean | null;
  /** HOUSING_RENT: the city tier. */
  cityTier?: RentCityTier | null;
  /** CONTINUING_EDUCATION: degree study or a certificate. */
  educationKind?: ContinuingEducationKind | null;
  /** CONTINUING_EDUCATION, DEGREE: the month study began, YYYY-MM. */
  degreeStartMonth?: string | null;
  /** SERIOUS_ILLNESS: out-of-pocket medical expense within the insurance catalogue for the year, yuan. */
  outOfPocket?: number | null;
}

/** A claim as accepted: what is deducted and the cap it was checked against, in fen. */
export interface AllowedDeduction {
  category: Category;
  amountFen: number;
  capFen: number;
  /** Months counted, for the monthly categories; null for the yearly ones. */
  months: number | null;
  /** How the cap was reached, in Chinese (as a return keeps it), with its source. */
  basis: string;
}

/** Yuan with two decimals and thousands separators, as the messages show amounts. */
export const yuanText = (fen: number): string =>
  (fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const RENT_ITEMS: Record<RentCityTier, TaxLimitItem> = {
  TIER_1: TaxLimitItem.HOUSING_RENT_TIER_1,
  TIER_2: TaxLimitItem.HOUSING_RENT_TIER_2,
  TIER_3: TaxLimitItem.HOUSING_RENT_TIER_3,
};

/** Months of `year` inside the `span` months that begin with `startMonth` (YYYY-MM). */
function monthsInYear(startMonth: string, span: number, year: number): number {
  const start = Number(startMonth.slice(0, 4)) * 12 + Number(startMonth.slice(5, 7)) - 1;
  const first = Math.max(start, year * 12);
  const last = Math.min(start + span - 1, year * 12 + 11);
  return Math.max(0, last - first + 1);
}

/**
 * Checks each claimed deduction of a return for `year` against the caps in `limits` and returns
 * them as accepted. A claim above its cap, of a category that did not exist that year, or without
 * what its cap depends on, is BAD_USER_INPUT naming the line; nothing is capped silently, so what
 * the taxpayer declared and what is deducted never differ without their knowing.
 */
export function checkAdditionalDeductions(
  year: number,
  claims: readonly AdditionalDeductionClaim[],
  limits: YearLimits,
): AllowedDeduction[] {
  const allowed: AllowedDeduction[] = [];
  const seen = new Set<string>();
  claims.forEach((claim, i) => {
    const at = (field: string) => `additionalDeductionClaims[${i}].${field}`;
    const name: LocalizedText | undefined = Object.hasOwn(TAX_DEDUCTION_CATEGORIES, claim.category)
      ? TAX_DEDUCTION_CATEGORIES[claim.category]
      : undefined;
    if (!name)
      throw new BadUserInputError(M.unknownCategory.with({ category: String(claim.category) }), at("category"));
    const limit = (item: TaxLimitItem): LimitRow => {
      const row = limits.get(item);
      if (!row) throw new BadUserInputError(M.notInYear.with({ name, year }), at("category"));
      return row;
    };
    const amountFen = yuanToFen(claim.amount, at("amount"));
    const months = intInRange(claim.months, at("months"), 1, 12) ?? 12;
    const require = <T>(value: T | null | undefined, field: string, missing: Message): T => {
      if (value === null || value === undefined) throw new BadUserInputError(missing, at(field));
      return value;
    };
    // Only children and degree study may have several lines (one per child, one per programme
    // kind); two lines of another category would pass a cap twice.
    const key =
      claim.category === Category.CHILD_EDUCATION || claim.category === Category.INFANT_CARE
        ? `${claim.category}:${i}`
        : claim.category === Category.CONTINUING_EDUCATION
          ? `${claim.category}:${claim.educationKind}`
          : claim.category;
    if (seen.has(key)) throw new BadUserInputError(M.oneLineOnly.with({ name }), at("category"));
    seen.add(key);

    let capFen: number;
    let counted: number | null = months;
    let basis: LocalizedText;
    switch (claim.category) {
      case Category.CHILD_EDUCATION:
      case Category.INFANT_CARE: {
        const row = limit(
          claim.category === Category.CHILD_EDUCATION ? TaxLimitItem.CHILD_EDUCATION : TaxLimitItem.INFANT_CARE,
        );
        const children = intInRange(claim.children, at("children"), 1, 20) ?? 1;
        capFen = row.value * children * months;
        basis = M.perChildBasis.with({ monthly: yuanText(row.value), children, months, source: row.source });
        break;
      }
      case Category.CONTINUING_EDUCATION: {
        const kind = require(claim.educationKind, "educationKind", M.educationKindRequired);
        if (kind === ContinuingEducationKind.CERTIFICATE) {
          const row = limit(TaxLimitItem.CONTINUING_EDUCATION_CERTIFICATE);
          capFen = row.value;
          counted = null;
          basis = M.certificateBasis.with({ amount: yuanText(row.value), source: row.source });
        } else {
          const row = limit(TaxLimitItem.CONTINUING_EDUCATION_DEGREE);
          const span = limit(TaxLimitItem.CONTINUING_EDUCATION_DEGREE_MONTHS);
          const start = require(claim.degreeStartMonth, "degreeStartMonth", M.degreeStartMonthRequired);
          if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(start))
            throw new BadUserInputError(M.degreeStartMonthFormat.with({ value: start }), at("degreeStartMonth"));
          const open = monthsInYear(start, span.value, year);
          if (months > open)
            throw new BadUserInputError(
              M.degreeMonthsBeyondTerm.with({ start, year, span: span.value, open, months, source: span.source }),
              at("months"),
            );
          capFen = row.value * months;
          basis = M.degreeBasis.with({ monthly: yuanText(row.value), months, span: span.value, source: row.source });
        }
        break;
      }
      case Category.SERIOUS_ILLNESS: {
        const row = limit(TaxLimitItem.SERIOUS_ILLNESS);
        const threshold = limit(TaxLimitItem.SERIOUS_ILLNESS_THRESHOLD);
        const paidFen = yuanToFen(require(claim.outOfPocket, "outOfPocket", M.outOfPocketRequired), at("outOfPocket"));
        capFen = Math.min(row.value, Math.max(0, paidFen - threshold.value));
        counted = null;
        basis = M.seriousIllnessBasis.with({
          paid: yuanText(paidFen),
          threshold: yuanText(threshold.value),
          max: yuanText(row.value),
          source: row.source,
        });
        break;
      }
      case Category.HOUSING_LOAN_INTEREST: {
        const row = limit(TaxLimitItem.HOUSING_LOAN_INTEREST);
        capFen = row.value * months;
        basis = M.monthlyBasis.with({ monthly: yuanText(row.value), months, source: row.source });
        break;
      }
      case Category.HOUSING_RENT: {
        const tier = require(claim.cityTier, "cityTier", M.cityTierRequired);
        const known = Object.hasOwn(RENT_ITEMS, tier) ? tier : RentCityTier.TIER_1;
        const row = limit(RENT_ITEMS[known]);
        capFen = row.value * months;
        basis = M.rentBasis.with({
          tier: TAX_RENT_TIERS[known],
          monthly: yuanText(row.value),
          months,
          source: row.source,
        });
        break;
      }
      case Category.ELDERLY_SUPPORT: {
        const onlyChild = require(claim.onlyChild, "onlyChild", M.onlyChildRequired);
        const row = limit(onlyChild ? TaxLimitItem.ELDERLY_SUPPORT : TaxLimitItem.ELDERLY_SUPPORT_SIBLING_SHARE);
        capFen = row.value * months;
        basis = (onlyChild ? M.onlyChildBasis : M.siblingBasis).with({
          monthly: yuanText(row.value),
          months,
          source: row.source,
        });
        break;
      }
      case Category.PERSONAL_PENSION: {
        const row = limit(TaxLimitItem.PERSONAL_PENSION);
        capFen = row.value;
        counted = null;
        basis = M.yearlyBasis.with({ max: yuanText(row.value), source: row.source });
        break;
      }
    }
    if (amountFen > capFen) {
      throw new BadUserInputError(
        M.aboveCap.with({ name, amount: yuanText(amountFen), cap: yuanText(capFen), basis }),
        at("amount"),
      );
    }
    allowed.push({ category: claim.category, amountFen, capFen, months: counted, basis: basis.zh });
  });
  // 国发〔2018〕41号 (住房租金): a taxpayer does not take loan interest and rent for the same months.
  const monthsOf = (c: Category) => allowed.find((a) => a.category === c)?.months ?? 0;
  const loan = monthsOf(Category.HOUSING_LOAN_INTEREST);
  const rent = monthsOf(Category.HOUSING_RENT);
  if (loan > 0 && rent > 0 && loan + rent > 12) {
    throw new BadUserInputError(M.loanAndRentSameMonths.with({ loan, rent }), "additionalDeductionClaims");
  }
  return allowed;
}
