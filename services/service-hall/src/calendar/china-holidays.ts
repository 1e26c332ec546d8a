/**
 * China's public holidays and make-up working days (调休上班) as the State Council General
 * Office's notice "国务院办公厅关于2026年部分节假日安排的通知" (2025-11-04) sets them. It is the default
 * calendar; `HALL_HOLIDAYS` / `HALL_MAKEUP_WORKDAYS` replace it (see working-calendar.ts),
 * because the notice for the next year only appears in November.
 */
export const CHINA_2026_HOLIDAYS: readonly string[] = [
  // 元旦
  "2026-01-01",
  "2026-01-02",
  "2026-01-03",
  // 春节
  "2026-02-15",
  "2026-02-16",
  "2026-02-17",
  "2026-02-18",
  "2026-02-19",
  "2026-02-20",
  "2026-02-21",
  "2026-02-22",
  "2026-02-23",
  // 清明节
  "2026-04-04",
  "2026-04-05",
  "2026-04-06",
  // 劳动节
  "2026-05-01",
  "2026-05-02",
  "2026-05-03",
  "2026-05-04",
  "2026-05-05",
  // 端午节
  "2026-06-19",
  "2026-06-20",
  "2026-06-21",
  // 中秋节
  "2026-09-25",
  "2026-09-26",
  "2026-09-27",
  // 国庆节
  "2026-10-01",
  "2026-10-02",
  "2026-10-03",
  "2026-10-04",
  "2026-10-05",
  "2026-10-06",
  "2026-10-07",
];

/** Weekend days that are working days in 2026 because a holiday was moved (调休). */
export const CHINA_2026_MAKEUP_WORKDAYS: readonly string[] = [
  "2026-01-04",
  "2026-02-14",
  "2026-02-28",
  "2026-05-09",
  "2026-09-20",
  "2026-10-10",
];
