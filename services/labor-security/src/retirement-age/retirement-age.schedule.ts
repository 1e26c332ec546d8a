import type { RetirementAgeParameters } from "./retirement-age.data";

/** A person's retirement dates under one of the decision's tables. */
export interface RetirementSchedule {
  /** The statutory retirement age in months (60 years 5 months: 725). */
  ageMonths: number;
  /** The day the person reaches the statutory retirement age. */
  statutoryDate: string;
  /** The earliest flexible early retirement: statutory date less `maxEarlyMonths`, never before the original age. */
  earliestDate: string;
  /** The latest flexible delay: statutory date plus `maxDelayMonths`. */
  latestDate: string;
  /** The day the person reaches the original age (60, 55, 50). */
  originalAgeDate: string;
}

const monthIndex = (yearMonth: string) => Number(yearMonth.slice(0, 4)) * 12 + Number(yearMonth.slice(5, 7)) - 1;

/**
 * Adds whole months to a YYYY-MM-DD date. A day the target month lacks (born on the 31st,
 * reaching the age in a 30-day month; born on 29 February) becomes the month's last day: the
 * person has completed the months by then, and the age is never reached in the next month.
 */
export function addMonths(date: string, months: number): string {
  const index = monthIndex(date) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The statutory retirement age in months for a birth date (办法 第一条 and its tables): the original
 * age for people born before `startBirthMonth`; from then one month more for every
 * `stepBirthMonths` months of birth, counting the first group (e.g. 1965-01..04 for men) as one
 * month, until the target age.
 */
export function statutoryAgeMonths(birthDate: string, rule: RetirementAgeParameters): number {
  const original = rule.originalAgeYears * 12;
  const since = monthIndex(birthDate) - monthIndex(rule.startBirthMonth);
  if (since < 0) return original;
  return Math.min(rule.targetAgeYears * 12, original + Math.floor(since / rule.stepBirthMonths) + 1);
}

/** Statutory, earliest and latest retirement dates for a birth date under `rule`. */
export function retirementSchedule(birthDate: string, rule: RetirementAgeParameters): RetirementSchedule {
  const ageMonths = statutoryAgeMonths(birthDate, rule);
  const originalAgeDate = addMonths(birthDate, rule.originalAgeYears * 12);
  const flexible = addMonths(birthDate, ageMonths - rule.maxEarlyMonths);
  return {
    ageMonths,
    statutoryDate: addMonths(birthDate, ageMonths),
    earliestDate: flexible > originalAgeDate ? flexible : originalAgeDate,
    latestDate: addMonths(birthDate, ageMonths + rule.maxDelayMonths),
    originalAgeDate,
  };
}

const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
const fromDayNumber = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/**
 * The latest birth date whose statutory retirement date is on or before `day` (null: nobody born
 * since 1900). The statutory date never goes down as the birth date goes up, so everyone born on
 * or before it has reached their statutory date by `day`: lists filter with one comparison.
 */
export function lastBirthDateRetiredBy(day: string, rule: RetirementAgeParameters): string | null {
  let low = dayNumber("1900-01-01");
  let high = dayNumber(day);
  if (retirementSchedule(fromDayNumber(low), rule).statutoryDate > day) return null;
  // Invariant: statutory(low) <= day; find the last such birth day up to `day`.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (retirementSchedule(fromDayNumber(mid), rule).statutoryDate <= day) low = mid;
    else high = mid - 1;
  }
  return fromDayNumber(low);
}
