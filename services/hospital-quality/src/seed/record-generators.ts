import { addDays, makeIdNumber, type SeededRandom } from "@onewindow/platform";
import { INPATIENT_DEPARTMENTS, OUTPATIENT_DEPARTMENTS } from "./jiande.figures";
import type { StayRow, VisitRow } from "./seed-rows";

/** A day of `year`; weekends get fewer patients, as in any outpatient hall. */
export function randomDay(rng: SeededRandom, year: number): string {
  const days = year % 4 === 0 ? 366 : 365;
  for (;;) {
    const day = addDays(`${year}-01-01`, rng.int(0, days - 1));
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return day;
    if (rng.next() < 0.6) return day;
  }
}

/** A resident ID number of 建德市 (330182); one patient in eight comes without one on record. */
function patientId(rng: SeededRandom): string | null {
  if (rng.next() < 0.125) return null;
  const birth = addDays("1930-01-01", rng.int(0, 27_000));
  return makeIdNumber("330182", birth, rng.int(0, 999));
}

/**
 * Scales raw amounts so that they sum to `targetFen` exactly: floor after scaling, then the
 * few fen left over go one each to the last non-zero rows. Zero rows (visits without drugs)
 * stay zero.
 */
export function fitToSum(raw: number[], targetFen: number): number[] {
  const rawSum = raw.reduce((s, v) => s + v, 0);
  const fen = raw.map((v) => Math.floor((v * targetFen) / rawSum));
  let rest = targetFen - fen.reduce((s, v) => s + v, 0);
  for (let i = fen.length - 1; rest > 0; i = i === 0 ? fen.length - 1 : i - 1) {
    if (raw[i] > 0) {
      fen[i] += 1;
      rest -= 1;
    }
  }
  return fen;
}

/**
 * The part of a generated record after its days: department, a prescriber of the hospital and
 * a patient; costs are set once the batch's drug costs are fitted (`setCosts`).
 */
function recordOf(rng: SeededRandom, hospitalCode: string, department: string) {
  return {
    department,
    totalFen: 0,
    drugFen: 0,
    prescriberId: `${hospitalCode}-D${String(rng.int(1, 80)).padStart(3, "0")}`,
    patientIdNumber: patientId(rng),
  };
}

/**
 * Sets each row's drug cost from its raw draw (fitted to `drugSumFen` when given) and its total
 * from `totalOf`, row by row.
 */
function setCosts<R extends { drugFen: number; totalFen: number }>(
  rows: R[],
  raw: number[],
  drugSumFen: number | undefined,
  totalOf: (row: R, drugFen: number) => number,
): R[] {
  const drugs = drugSumFen === undefined ? raw.map(Math.round) : fitToSum(raw, drugSumFen);
  rows.forEach((row, i) => {
    row.drugFen = drugs[i];
    row.totalFen = totalOf(row, drugs[i]);
  });
  return rows;
}

export interface VisitPlan {
  hospitalCode: string;
  year: number;
  count: number;
  /** Typical (median) drug cost of a visit with drugs, fen. */
  medianDrugFen: number;
  /** When set, the visits' drug costs sum to exactly this. */
  drugSumFen?: number;
}

/** Individual outpatient visits spread over the year, departments and costs. */
export function generateVisits(rng: SeededRandom, plan: VisitPlan): VisitRow[] {
  const rows: VisitRow[] = [];
  const raw: number[] = [];
  for (let i = 0; i < plan.count; i++) {
    const dept = rng.weighted(OUTPATIENT_DEPARTMENTS);
    // About one visit in eight ends without a prescription.
    raw.push(rng.next() < 0.12 ? 0 : rng.logNormal(plan.medianDrugFen * dept.cost, 0.7));
    rows.push({
      hospitalCode: plan.hospitalCode,
      visitDate: randomDay(rng, plan.year),
      ...recordOf(rng, plan.hospitalCode, dept.name),
    });
  }
  return setCosts(rows, raw, plan.drugSumFen, (_, drugFen) => {
    // Registration, examinations and treatment on top of the drugs: drugs are 35-60% of a visit.
    const share = 0.35 + rng.next() * 0.25;
    return drugFen + Math.round((drugFen * (1 - share)) / share) + rng.int(500, 3_000);
  });
}

export interface StayPlan {
  hospitalCode: string;
  year: number;
  count: number;
  medianDrugFen: number;
  drugSumFen?: number;
}

/** Individual inpatient stays discharged in the year, with admission days before them. */
export function generateStays(rng: SeededRandom, plan: StayPlan): StayRow[] {
  const rows: StayRow[] = [];
  const raw: number[] = [];
  for (let i = 0; i < plan.count; i++) {
    const dept = rng.weighted(INPATIENT_DEPARTMENTS);
    const days = Math.max(1, Math.round(rng.logNormal(dept.days, 0.45)));
    raw.push(rng.logNormal(plan.medianDrugFen * dept.cost * (days / dept.days) ** 0.5, 0.5));
    const dischargedOn = randomDay(rng, plan.year);
    rows.push({
      hospitalCode: plan.hospitalCode,
      admittedOn: addDays(dischargedOn, -days),
      dischargedOn,
      ...recordOf(rng, plan.hospitalCode, dept.name),
    });
  }
  return setCosts(rows, raw, plan.drugSumFen, (row, drugFen) => {
    // Drugs were 30-50% of a stay's bill in 2009-2010; beds and nursing on top.
    const share = 0.3 + rng.next() * 0.2;
    const days = Math.round((Date.parse(row.dischargedOn) - Date.parse(row.admittedOn)) / 86_400_000);
    return drugFen + Math.round((drugFen * (1 - share)) / share) + days * rng.int(3_000, 8_000);
  });
}
