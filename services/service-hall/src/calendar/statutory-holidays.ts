import { addDays } from "@onewindow/platform";
import { lunarToSolar, newYearsEve, qingming, springFestival } from "./lunar";

/** One statutory holiday (全体公民放假的节日) of a year, by its name. */
export interface StatutoryHoliday {
  name: string;
  date: string;
}

/** The statutory holidays of a year and the text that gives them. */
export interface StatutoryHolidays {
  holidays: StatutoryHoliday[];
  source: string;
}

/** The years the fallback can compute: the 1999 text's first whole year to the lunar table's reach. */
export const FALLBACK_YEARS = { from: 2000, to: 2099 } as const;

const days = (name: string, first: string, count: number): StatutoryHoliday[] =>
  Array.from({ length: count }, (_, i) => ({ name, date: addDays(first, i) }));

/*
 * 《全国年节及纪念日放假办法》 article 2, the holidays of all citizens, as each revision gives them.
 * Only the statutory days: which weekend days are moved around them (调休) and which working day
 * makes up a holiday on a weekend (article 6, 补假) the State Council decides each year by notice,
 * so a year without its notice has no make-up days and is marked unofficial.
 */
const REVISIONS: { from: number; source: string; holidays(year: number): StatutoryHoliday[] }[] = [
  {
    // 国务院令第795号 (2024-11-10), in force 2025-01-01: 春节 from 除夕, 劳动节 two days.
    from: 2025,
    source: "《全国年节及纪念日放假办法》（2024年11月10日国务院令第795号修订）第二条",
    holidays: (year) => [
      ...days("元旦", `${year}-01-01`, 1),
      ...days("春节", newYearsEve(year), 4),
      ...days("清明节", qingming(year), 1),
      ...days("劳动节", `${year}-05-01`, 2),
      ...days("端午节", lunarToSolar(year, 5, 5), 1),
      ...days("中秋节", lunarToSolar(year, 8, 15), 1),
      ...days("国庆节", `${year}-10-01`, 3),
    ],
  },
  {
    // 国务院令第644号 (2013-12-11), in force 2014-01-01: 春节 初一 to 初三 (no longer 除夕).
    from: 2014,
    source: "《全国年节及纪念日放假办法》（2013年12月11日国务院令第644号修订）第二条",
    holidays: (year) => [
      ...days("元旦", `${year}-01-01`, 1),
      ...days("春节", springFestival(year), 3),
      ...days("清明节", qingming(year), 1),
      ...days("劳动节", `${year}-05-01`, 1),
      ...days("端午节", lunarToSolar(year, 5, 5), 1),
      ...days("中秋节", lunarToSolar(year, 8, 15), 1),
      ...days("国庆节", `${year}-10-01`, 3),
    ],
  },
  {
    // 国务院令第513号 (2007-12-14), in force 2008-01-01: 清明, 端午, 中秋 added; 劳动节 one day; 春节 除夕 to 初二.
    from: 2008,
    source: "《全国年节及纪念日放假办法》（2007年12月14日国务院令第513号修订）第二条",
    holidays: (year) => [
      ...days("元旦", `${year}-01-01`, 1),
      ...days("春节", newYearsEve(year), 3),
      ...days("清明节", qingming(year), 1),
      ...days("劳动节", `${year}-05-01`, 1),
      ...days("端午节", lunarToSolar(year, 5, 5), 1),
      ...days("中秋节", lunarToSolar(year, 8, 15), 1),
      ...days("国庆节", `${year}-10-01`, 3),
    ],
  },
  {
    // 国务院令第270号 (1999-09-18): 元旦 1, 春节 初一 to 初三, 劳动节 and 国庆节 3 days each.
    from: FALLBACK_YEARS.from,
    source: "《全国年节及纪念日放假办法》（1999年9月18日国务院令第270号修订）第二条",
    holidays: (year) => [
      ...days("元旦", `${year}-01-01`, 1),
      ...days("春节", springFestival(year), 3),
      ...days("劳动节", `${year}-05-01`, 3),
      ...days("国庆节", `${year}-10-01`, 3),
    ],
  },
];

/**
 * The statutory holidays of `year` as the text in force that year lists them, the lunar ones
 * (春节, 端午 五月初五, 中秋 八月十五) from the lunar calendar and 清明 from its solar term. What
 * the hall falls back to for a year whose State Council schedule it does not have.
 */
export function statutoryHolidays(year: number): StatutoryHolidays {
  if (!Number.isInteger(year) || year < FALLBACK_YEARS.from || year > FALLBACK_YEARS.to)
    throw new RangeError(
      `statutory holidays are computed for ${FALLBACK_YEARS.from}-${FALLBACK_YEARS.to}, not ${year}`,
    );
  const revision = REVISIONS.find((r) => year >= r.from)!;
  return { holidays: revision.holidays(year), source: revision.source };
}
