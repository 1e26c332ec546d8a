import type { DataSource, EntityManager } from "typeorm";
import { SeededRandom, bulkInsert, type BulkColumn, runSql, today as todayInChina } from "@onewindow/platform";
import { demoEmployer } from "@onewindow/contracts/demo";
import { WorkingCalendar } from "../calendar/working-calendar";
import { CATALOGUE, type CatalogueEntry } from "../catalogue/catalogue.data";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { CaseStatus } from "../case/case.enums";
import { QueueTicketStatus } from "../queue/queue.enums";
import { visitsOfDay, residentPool, workingDays, type VisitRow } from "./hall-generators";
import { KAIXUAN } from "./kaixuan.figures";
import { HOME_CENTRE } from "../queue/centre-setting.entity";
import { seedDemoCentres, seedOtherCentresRecords } from "./centres.seed";
import { writeEvaluationsAndLedger, type EvaluatedCase } from "./evaluations.writer";
import { kaixuanStaffNumber, writeKaixuanStaff } from "./kaixuan.staff";
import { seedEnterpriseStationDemo } from "./enterprise-station.seed";
import { seedDisputesDemo } from "./disputes.seed";
import { seedAssessmentsDemo } from "./assessments.seed";
import { WUCHAN } from "./wuchan.figures";

export interface SeedServiceHallDemoOptions {
  /** Called with (cases written, cases in all) after each committed batch, and once at the start. */
  onProgress?: (done: number, total: number) => void;
  /** ID numbers to attach the cases to (the launcher passes labor security's demo residents); default a pool of valid ones. */
  idNumbers?: readonly string[];
  /** Cases per transaction; default 12,000. */
  batchSize?: number;
  /** Credit codes of 物产大厦's companies (the launcher passes labor security's demo employers); default the first demo employers. */
  creditCodes?: readonly string[];
  /**
   * The day of seeding (China Standard Time; default today): the demo's inspection and mediation
   * cases run up to it, and the street centres' assessments are of the month before it.
   */
  today?: string;
}

export interface SeedServiceHallDemoResult {
  /** True when the demo centre's records were there already and nothing was written. */
  skipped: boolean;
  cases: number;
  tickets: number;
  evaluations: number;
  rectifications: number;
  /** The average wait of the seeded tickets, minutes (what hallKpis reports over the period). */
  averageWaitMinutes: number;
  /** Cases written for the other demo centres (the districts' streets and stations), for the rankings. */
  otherCentreCases: number;
  /** Inspection and mediation cases written at 物产大厦's station and Kaixuan (disputes.seed.ts). */
  disputeCases: number;
  /** Completed assessments of the street centres, and their month (assessments.seed.ts). */
  assessments: number;
  assessmentPeriod: string | null;
}

const col = (name: string, pgType: BulkColumn["pgType"]): BulkColumn => ({ name, pgType });
const TICKET_COLUMNS = [
  col("day", "date"),
  col("category", "varchar"),
  col("seq", "integer"),
  col("number", "varchar"),
  col("priority", "varchar"),
  col("green_channel", "boolean"),
  col("status", "varchar"),
  col("taken_at", "varchar"),
  col("called_at", "varchar"),
  col("called_on", "date"),
  col("window_code", "varchar"),
  col("wait_seconds", "integer"),
  col("staff_number", "varchar"),
];
const CASE_COLUMNS = [
  col("id_number", "varchar"),
  col("item_code", "varchar"),
  col("department", "varchar"),
  col("window_code", "varchar"),
  col("ticket_id", "integer"),
  col("ticket_number", "varchar"),
  col("appointment", "boolean"),
  col("proxy_id_number", "varchar"),
  col("status", "varchar"),
  col("opened_on", "date"),
  col("opened_at", "varchar"),
  col("deadline", "date"),
  col("completed_on", "date"),
  col("completed_at", "varchar"),
  col("staff_number", "varchar"),
  col("completed_by", "varchar"),
];

/** Writes one batch of visits: their tickets, then the cases pointing at them. */
async function insertVisits(tx: EntityManager, visits: VisitRow[]): Promise<number[]> {
  const ticketIds = await bulkInsert(
    tx,
    "queue_ticket",
    TICKET_COLUMNS,
    visits.map((v) => [
      v.day,
      v.department,
      v.seq,
      v.number,
      v.priority,
      v.priority !== "NORMAL",
      QueueTicketStatus.CALLED,
      v.takenAt,
      v.calledAt,
      v.day,
      v.window,
      v.waitSeconds,
      kaixuanStaffNumber(v.window),
    ]),
    true,
  );
  return bulkInsert(
    tx,
    "hall_case",
    CASE_COLUMNS,
    visits.map((v, i) => [
      v.idNumber,
      v.itemCode,
      v.department,
      v.window,
      ticketIds[i],
      v.number,
      v.appointment,
      v.proxyIdNumber,
      CaseStatus.COMPLETED,
      v.day,
      v.openedAt,
      v.deadline,
      v.day,
      v.completedAt,
      kaixuanStaffNumber(v.window),
      kaixuanStaffNumber(v.window),
    ]),
    true,
  );
}

/**
 * Writes 凯旋街道综合服务中心's records for 2008-2010 so that `hallKpis(2008-01-01, 2010-12-31)`
 * reproduces the seed text: 72,000 cases handled, all on time and on the spot, 800 evaluations
 * (635 FORM) with 98% satisfied, and 16 rectification items all resolved by their deadlines.
 * The 22 windows' staff are written first (seed/kaixuan.staff.ts), and every case, ticket and
 * evaluation names the clerk of its window, so each person's figures and stars come from them.
 * Cases and tickets go in in batches of whole days, each batch in its own transaction, with
 * progress; the evaluations and the ledger in a last one. Deterministic: the same records on
 * every run. Does nothing when the centre's records are there already. Also places the demo city's
 * centres (two districts, their streets and stations, 物产大厦's station) and writes the other centres'
 * records (see centres.seed.ts), so that rankings compare something.
 */
export async function seedServiceHallDemo(
  db: DataSource,
  options: SeedServiceHallDemoOptions = {},
): Promise<SeedServiceHallDemoResult> {
  await db.transaction((tx) => seedDemoCentres(tx));
  // The building station first: it has its own check, so it lands in a hall seeded before it existed.
  await seedEnterpriseStationDemo(db, { creditCodes: options.creditCodes });
  // Likewise the station's disputes and the month's assessments, through the hall's own services.
  const today = options.today ?? todayInChina();
  const people = options.idNumbers?.length ? options.idNumbers : residentPool(3_000);
  const disputes = await seedDisputesDemo(db, {
    today,
    idNumbers: people,
    creditCodes: options.creditCodes?.length
      ? options.creditCodes
      : Array.from({ length: WUCHAN.companies }, (_, j) => demoEmployer(j).creditCode),
  });
  const assessed = await seedAssessmentsDemo(db, today);
  const extras = {
    disputeCases: disputes.inspections + disputes.mediations,
    assessments: assessed.assessments,
    assessmentPeriod: assessed.skipped ? null : assessed.period,
  };
  const [existing] = await runSql(
    db.manager,
    "SELECT COUNT(*) AS n FROM hall_case WHERE centre = ? AND opened_on >= ? AND opened_on <= ?",
    [HOME_CENTRE, KAIXUAN.from, KAIXUAN.to],
  );
  if (Number(existing.n) > 0)
    return {
      skipped: true,
      cases: 0,
      tickets: 0,
      evaluations: 0,
      rectifications: 0,
      averageWaitMinutes: 0,
      otherCentreCases: 0,
      ...extras,
    };
  const total = KAIXUAN.casesHandled;
  const batchSize = options.batchSize ?? 12_000;
  // The State Council's schedules of 2008-2010: each case's deadline by its own year's holidays.
  const calendar = new WorkingCalendar();
  const items = new Map<HallDepartment, CatalogueEntry[]>();
  for (const item of CATALOGUE) items.set(item.department, [...(items.get(item.department) ?? []), item]);
  const rng = new SeededRandom(20_101_231);
  const days = workingDays(KAIXUAN.from, KAIXUAN.to, calendar);
  // Every evaluated case is picked up front: evenly over the period, so every year has its share.
  const evaluatedAt = new Set(
    Array.from({ length: KAIXUAN.formEvaluations + KAIXUAN.deviceEvaluations }, (_, i) =>
      Math.floor(((i + 0.5) * total) / (KAIXUAN.formEvaluations + KAIXUAN.deviceEvaluations)),
    ),
  );
  const evaluated: EvaluatedCase[] = [];
  let done = 0;
  let waitSeconds = 0;
  let pending: VisitRow[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    const caseIds = await db.transaction((tx) => insertVisits(tx, batch));
    batch.forEach((v, i) => {
      waitSeconds += v.waitSeconds;
      if (evaluatedAt.has(done + i))
        evaluated.push({
          caseId: caseIds[i],
          window: v.window,
          department: v.department,
          day: v.day,
          staffNumber: kaixuanStaffNumber(v.window),
        });
    });
    done += batch.length;
    options.onProgress?.(done, total);
  };
  // The staff of the 22 windows first: every case, ticket and evaluation below names its clerk.
  await db.transaction((tx) => writeKaixuanStaff(tx));
  options.onProgress?.(0, total);
  for (let d = 0; d < days.length; d++) {
    // Spread the total over the days exactly: day d gets floor(total·(d+1)/D) − floor(total·d/D).
    const count = Math.floor((total * (d + 1)) / days.length) - Math.floor((total * d) / days.length);
    pending.push(...visitsOfDay(rng, days[d], count, items, people, calendar));
    if (pending.length >= batchSize) await flush();
  }
  if (pending.length > 0) await flush();
  const written = await db.transaction((tx) => writeEvaluationsAndLedger(tx, rng, evaluated, calendar));
  const otherCentreCases = await seedOtherCentresRecords(db, calendar, people);
  return {
    ...extras,
    otherCentreCases,
    skipped: false,
    cases: done,
    tickets: done,
    evaluations: written.evaluations,
    rectifications: written.rectifications,
    averageWaitMinutes: Math.round((waitSeconds / 60 / done) * 100 + Number.EPSILON) / 100,
  };
}
