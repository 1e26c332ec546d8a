import { addDays } from "@onewindow/platform";

/*
 * The Chinese lunisolar calendar (农历) from 1900 to 2100, by the widely published public-domain
 * table of lunar year data that most lunar calendar converters carry. One number per lunar year:
 *   bits 16..19  0x10000 set: the leap month has 30 days (else 29)
 *   bits 4..15   month 1 at bit 15 down to month 12 at bit 4: 30 days when set (else 29)
 *   bits 0..3    the leap month (闰月), 0 when the year has none
 * Lunar year 1900 begins on 1900-01-31. Copies of the table differ in four entries (1954, 1956,
 * 1978, 2060): none of them moves a Spring Festival, a Dragon Boat or a Mid-Autumn festival in
 * 2000-2099, the years the hall computes holidays for, and lunar.test.ts checks the computed
 * festivals against every published State Council schedule.
 */
const LUNAR_YEARS: readonly number[] = [
  0x04bd8,
  0x04ae0,
  0x0a570,
  0x054d5,
  0x0d260,
  0x0d950,
  0x16554,
  0x056a0,
  0x09ad0,
  0x055d2, // 1900-1909
  0x04ae0,
  0x0a5b6,
  0x0a4d0,
  0x0d250,
  0x1d255,
  0x0b540,
  0x0d6a0,
  0x0ada2,
  0x095b0,
  0x14977, // 1910-1919
  0x04970,
  0x0a4b0,
  0x0b4b5,
  0x06a50,
  0x06d40,
  0x1ab54,
  0x02b60,
  0x09570,
  0x052f2,
  0x04970, // 1920-1929
  0x06566,
  0x0d4a0,
  0x0ea50,
  0x06e95,
  0x05ad0,
  0x02b60,
  0x186e3,
  0x092e0,
  0x1c8d7,
  0x0c950, // 1930-1939
  0x0d4a0,
  0x1d8a6,
  0x0b550,
  0x056a0,
  0x1a5b4,
  0x025d0,
  0x092d0,
  0x0d2b2,
  0x0a950,
  0x0b557, // 1940-1949
  0x06ca0,
  0x0b550,
  0x15355,
  0x04da0,
  0x0a5b0,
  0x14573,
  0x052b0,
  0x0a9a8,
  0x0e950,
  0x06aa0, // 1950-1959
  0x0aea6,
  0x0ab50,
  0x04b60,
  0x0aae4,
  0x0a570,
  0x05260,
  0x0f263,
  0x0d950,
  0x05b57,
  0x056a0, // 1960-1969
  0x096d0,
  0x04dd5,
  0x04ad0,
  0x0a4d0,
  0x0d4d4,
  0x0d250,
  0x0d558,
  0x0b540,
  0x0b6a0,
  0x195a6, // 1970-1979
  0x095b0,
  0x049b0,
  0x0a974,
  0x0a4b0,
  0x0b27a,
  0x06a50,
  0x06d40,
  0x0af46,
  0x0ab60,
  0x09570, // 1980-1989
  0x04af5,
  0x04970,
  0x064b0,
  0x074a3,
  0x0ea50,
  0x06b58,
  0x055c0,
  0x0ab60,
  0x096d5,
  0x092e0, // 1990-1999
  0x0c960,
  0x0d954,
  0x0d4a0,
  0x0da50,
  0x07552,
  0x056a0,
  0x0abb7,
  0x025d0,
  0x092d0,
  0x0cab5, // 2000-2009
  0x0a950,
  0x0b4a0,
  0x0baa4,
  0x0ad50,
  0x055d9,
  0x04ba0,
  0x0a5b0,
  0x15176,
  0x052b0,
  0x0a930, // 2010-2019
  0x07954,
  0x06aa0,
  0x0ad50,
  0x05b52,
  0x04b60,
  0x0a6e6,
  0x0a4e0,
  0x0d260,
  0x0ea65,
  0x0d530, // 2020-2029
  0x05aa0,
  0x076a3,
  0x096d0,
  0x04bd7,
  0x04ad0,
  0x0a4d0,
  0x1d0b6,
  0x0d250,
  0x0d520,
  0x0dd45, // 2030-2039
  0x0b5a0,
  0x056d0,
  0x055b2,
  0x049b0,
  0x0a577,
  0x0a4b0,
  0x0aa50,
  0x1b255,
  0x06d20,
  0x0ada0, // 2040-2049
  0x14b63,
  0x09370,
  0x049f8,
  0x04970,
  0x064b0,
  0x168a6,
  0x0ea50,
  0x06b20,
  0x1a6c4,
  0x0aae0, // 2050-2059
  0x092e0,
  0x0d2e3,
  0x0c960,
  0x0d557,
  0x0d4a0,
  0x0da50,
  0x05d55,
  0x056a0,
  0x0a6d0,
  0x055d4, // 2060-2069
  0x052d0,
  0x0a9b8,
  0x0a950,
  0x0b4a0,
  0x0b6a6,
  0x0ad50,
  0x055a0,
  0x0aba4,
  0x0a5b0,
  0x052b0, // 2070-2079
  0x0b273,
  0x06930,
  0x07337,
  0x06aa0,
  0x0ad50,
  0x14b55,
  0x04b60,
  0x0a570,
  0x054e4,
  0x0d160, // 2080-2089
  0x0e968,
  0x0d520,
  0x0daa0,
  0x16aa6,
  0x056d0,
  0x04ae0,
  0x0a9d4,
  0x0a2d0,
  0x0d150,
  0x0f252, // 2090-2099
  0x0d520, // 2100
];

const FIRST_YEAR = 1900;
const LAST_YEAR = FIRST_YEAR + LUNAR_YEARS.length - 1;
/** 正月初一 of lunar year 1900. */
const EPOCH = "1900-01-31";

const info = (year: number) => LUNAR_YEARS[year - FIRST_YEAR];
const leapMonth = (year: number) => info(year) & 0xf;
const leapDays = (year: number) => (leapMonth(year) === 0 ? 0 : info(year) & 0x10000 ? 30 : 29);
const monthDays = (year: number, month: number) => (info(year) & (0x10000 >> month) ? 30 : 29);

function yearDays(year: number): number {
  let days = leapDays(year);
  for (let month = 1; month <= 12; month++) days += monthDays(year, month);
  return days;
}

/** True when the table covers lunar year `year`. */
export function hasLunarYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/**
 * The Gregorian date (YYYY-MM-DD) of day `day` of the ordinary (not leap) month `month` of lunar
 * year `year`, e.g. (2030, 1, 1) → 2030-02-03, 春节.
 */
export function lunarToSolar(year: number, month: number, day: number): string {
  if (!hasLunarYear(year)) throw new RangeError(`lunar year ${year} is outside ${FIRST_YEAR}-${LAST_YEAR}`);
  if (month < 1 || month > 12 || day < 1 || day > monthDays(year, month))
    throw new RangeError(`lunar ${year}-${month}-${day} does not exist`);
  let offset = 0;
  for (let y = FIRST_YEAR; y < year; y++) offset += yearDays(y);
  for (let m = 1; m < month; m++) {
    offset += monthDays(year, m);
    // The leap month follows the ordinary month of the same number.
    if (m === leapMonth(year)) offset += leapDays(year);
  }
  return addDays(EPOCH, offset + day - 1);
}

/** 春节 (正月初一) of lunar year `year`, which begins in Gregorian year `year`. */
export const springFestival = (year: number): string => lunarToSolar(year, 1, 1);

/** 除夕, the last day of lunar year `year - 1`: the day before 春节 of `year`. */
export const newYearsEve = (year: number): string => addDays(springFestival(year), -1);

/**
 * 清明, the solar term at the sun's longitude 15°, in 2000-2099: April [Y × 0.2422 + 4.81] − [Y / 4],
 * Y the year's last two digits (the 寿星 formula with the 21st century's constant; it has no
 * exception for 清明 in this century, and lunar.test.ts checks it against 2008-2026's schedules).
 */
export function qingming(year: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2099)
    throw new RangeError(`清明 of ${year} is outside 2000-2099`);
  const y = year - 2000;
  const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
  return `${year}-04-${String(day).padStart(2, "0")}`;
}
