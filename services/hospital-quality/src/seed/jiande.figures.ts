import { HospitalGrade, HospitalLevel } from "../hospital/hospital.enums";

/**
 * 建德市第一人民医院 as its published work report (2009–2010 quality figures, quoted below) describes it.
 * The seed's figures are targets the generated records must reproduce to the fen; volumes are
 * our own, chosen moderate so that `npm start` seeds in seconds.
 *
 * - "门诊病人每日次药品费用从2009年的106.52元下降到96.09元": drug cost per outpatient visit.
 * - "住院病人每人次药品从4483.53元下降到3924.02元": drug cost per inpatient stay.
 * - "2010年电话回访出院病人1867人次，回访率92%": read as 1,867 discharges of 2010 reached by phone,
 *   out of 2,029 discharges (1867 / 2029 = 0.9202, which rounds to 92%).
 * - "两项测评满意度均达97%以上": device and survey satisfaction above 97% in both years.
 *
 * Level: a county-level general hospital, graded 二级甲等 (SECONDARY, grade A) at the time.
 */
export const JIANDE = {
  code: "JD001",
  name: "建德市第一人民医院",
  level: HospitalLevel.SECONDARY,
  grade: HospitalGrade.A,
  years: {
    2009: {
      visits: 18_000,
      drugPerVisitFen: 10_652,
      discharges: 1_950,
      drugPerStayFen: 448_353,
      reached: 1_680,
      device: { evaluations: 6_200, dissatisfied: 160 },
      survey: { evaluations: 1_500, dissatisfied: 39 },
    },
    2010: {
      visits: 20_000,
      drugPerVisitFen: 9_609,
      discharges: 2_029,
      drugPerStayFen: 392_402,
      reached: 1_867,
      device: { evaluations: 7_400, dissatisfied: 148 },
      survey: { evaluations: 1_700, dissatisfied: 41 },
    },
  },
} as const;

/** The smaller hospitals of the demo set: plausible figures of our own, not from a seed text. */
export const OTHER_HOSPITALS = [
  {
    code: "JD002",
    name: "建德市中医院",
    level: HospitalLevel.SECONDARY,
    grade: HospitalGrade.A,
    visitsPerYear: 4_000,
    drugPerVisitFen: 8_730,
    dischargesPerYear: 400,
    drugPerStayFen: 312_055,
    reachedShare: 0.86,
  },
  {
    code: "JD003",
    name: "建德市第二人民医院",
    level: HospitalLevel.SECONDARY,
    grade: HospitalGrade.B,
    visitsPerYear: 3_000,
    drugPerVisitFen: 7_912,
    dischargesPerYear: 300,
    drugPerStayFen: 287_640,
    reachedShare: 0.8,
  },
  {
    code: "JD004",
    name: "建德市寿昌镇中心卫生院",
    level: HospitalLevel.PRIMARY,
    grade: HospitalGrade.A,
    visitsPerYear: 2_000,
    drugPerVisitFen: 5_421,
    dischargesPerYear: 80,
    drugPerStayFen: 156_300,
    reachedShare: 0.75,
  },
] as const;

/** Outpatient departments and their share of visits; the cost factor makes departments differ. */
/** A department of the generator, with its weight among the hospital's patients. */
export interface WeightedDepartment {
  /** `cost` scales the typical drug cost; `days` is the typical length of stay (0 for outpatient departments). */
  value: { name: string; cost: number; days: number };
  weight: number;
}

export const OUTPATIENT_DEPARTMENTS: readonly WeightedDepartment[] = [
  { value: { name: "内科", cost: 1.2, days: 0 }, weight: 26 },
  { value: { name: "外科", cost: 1.0, days: 0 }, weight: 14 },
  { value: { name: "妇产科", cost: 0.9, days: 0 }, weight: 11 },
  { value: { name: "儿科", cost: 0.6, days: 0 }, weight: 13 },
  { value: { name: "骨科", cost: 0.9, days: 0 }, weight: 7 },
  { value: { name: "急诊科", cost: 1.1, days: 0 }, weight: 12 },
  { value: { name: "中医科", cost: 1.3, days: 0 }, weight: 6 },
  { value: { name: "眼科", cost: 0.5, days: 0 }, weight: 4 },
  { value: { name: "耳鼻喉科", cost: 0.7, days: 0 }, weight: 4 },
  { value: { name: "口腔科", cost: 0.3, days: 0 }, weight: 3 },
];

/** Inpatient departments, their share of discharges, cost factor and typical length of stay. */
export const INPATIENT_DEPARTMENTS: readonly WeightedDepartment[] = [
  { value: { name: "内科", cost: 1.1, days: 10 }, weight: 30 },
  { value: { name: "外科", cost: 1.2, days: 9 }, weight: 22 },
  { value: { name: "妇产科", cost: 0.6, days: 5 }, weight: 16 },
  { value: { name: "儿科", cost: 0.5, days: 6 }, weight: 12 },
  { value: { name: "骨科", cost: 1.3, days: 14 }, weight: 12 },
  { value: { name: "重症医学科", cost: 2.5, days: 8 }, weight: 3 },
  { value: { name: "中医科", cost: 0.9, days: 12 }, weight: 5 },
];
