import type { DataSource } from "typeorm";
import { addDays, runSql } from "@onewindow/platform";
import { WorkingCalendar } from "../calendar/working-calendar";
import { LaborInspectionKind, MediationOutcome } from "../disputes/disputes.enums";
import { createServices, type Services } from "../services";
import { workingDays } from "./hall-generators";
import { WUCHAN } from "./wuchan.figures";

/** Every text of a generated case says so: the records are the demo's, not a real dispute. */
export const DEMO_MARK = "（演示数据）";

export interface SeedDisputesOptions {
  /** The day the demo is seeded (China Standard Time): the cases run up to it. */
  today: string;
  /** Workers' resident ID numbers to draw parties from (labor security's demo residents). */
  idNumbers: readonly string[];
  /** Credit codes of 物产大厦's companies (labor security's demo employers). */
  creditCodes: readonly string[];
}

export interface SeedDisputesResult {
  /** True when the station had inspection or mediation cases already and nothing was written. */
  skipped: boolean;
  inspections: number;
  mediations: number;
}

/**
 * A few labor inspection and mediation cases at 物产大厦's station and the Kaixuan centre, written
 * through the hall's own services on a clock moved day by day, so every rule holds (the 15-day
 * mediation limit of 劳动争议调解仲裁法第十四条, an order's deadline in working days) and every step
 * publishes its event to the hall's outbox as it would at the window: when the hall runs, its
 * relay sends them and labor security's Employer.inspections and Employer.disputes show the cases.
 * Relative to `today` (the last working days before it):
 * - a routine inspection of a company that found unpaid overtime, with a rectification order of
 *   20 working days still running;
 * - a mediation received 25 days ago with one session, not closed: overdue;
 * - a mediation closed by agreement after two sessions;
 * - a mediation that failed and was referred to arbitration (at Kaixuan).
 * Deterministic for a given day; does nothing when the station has such cases already.
 */
export async function seedDisputesDemo(db: DataSource, options: SeedDisputesOptions): Promise<SeedDisputesResult> {
  const [existing] = await runSql(
    db.manager,
    "SELECT (SELECT COUNT(*) FROM hall_inspection_case WHERE centre = ?) + (SELECT COUNT(*) FROM hall_mediation_case WHERE centre = ?) AS n",
    [WUCHAN.station.code, WUCHAN.station.code],
  );
  if (Number(existing.n) > 0) return { skipped: true, inspections: 0, mediations: 0 };
  let now = new Date(`${options.today}T10:00:00+08:00`);
  const s: Services = createServices(db, { clock: () => now });
  // The n-th working day before today (1 = the last one), at ten in the morning.
  const days = workingDays(addDays(options.today, -90), addDays(options.today, -1), new WorkingCalendar());
  const day = (n: number) => days[days.length - n];
  const on = (d: string) => (now = new Date(`${d}T10:00:00+08:00`));
  const [company1, company2, company3, company4] = [0, 1, 2, 3].map(
    (i) => options.creditCodes[i % options.creditCodes.length],
  );
  const worker = (i: number) => options.idNumbers[(i * 7) % options.idNumbers.length];

  // A routine inspection: unpaid overtime found, ordered to pay within 20 working days.
  on(day(6));
  const inspection = await s.inspections.open({
    centre: WUCHAN.station.code,
    creditCode: company1,
    kind: LaborInspectionKind.ROUTINE,
    subject: `楼宇入驻企业劳动用工例行检查：劳动合同签订、工资支付、工时制度${DEMO_MARK}`,
  });
  on(day(4));
  await s.inspections.recordFindings({
    caseId: String(inspection.id),
    findings: `抽查考勤与工资台账，发现部分员工延长工作时间未足额支付加班费${DEMO_MARK}`,
    violationFound: true,
  });
  await s.inspections.issueOrder({
    caseId: String(inspection.id),
    requirement: `依照《劳动法》第四十四条补发延长工作时间工资报酬，并规范考勤记录${DEMO_MARK}`,
    workingDays: 20,
  });

  // Received a little over 15 days ago, one session, no agreement yet: overdue (art. 14).
  const appliedOverdue = addDays(options.today, -25);
  on(appliedOverdue);
  const overdue = await s.mediations.open({
    centre: WUCHAN.station.code,
    workerIdNumber: worker(1),
    creditCode: company2,
    claim: 8600,
    matter: `解除劳动合同经济补偿金争议${DEMO_MARK}`,
  });
  on(addDays(appliedOverdue, 6));
  await s.mediations.recordSession({
    caseId: String(overdue.id),
    note: `双方到场，对补偿金计算基数分歧较大，约定再次调解${DEMO_MARK}`,
  });

  // Closed by agreement at its second hearing, within the limit.
  on(day(30));
  const agreed = await s.mediations.open({
    centre: WUCHAN.station.code,
    workerIdNumber: worker(2),
    creditCode: company3,
    claim: 4200,
    matter: `拖欠两个月绩效工资争议${DEMO_MARK}`,
  });
  on(day(27));
  await s.mediations.recordSession({ caseId: String(agreed.id), note: `核对工资表与绩效考核记录${DEMO_MARK}` });
  on(day(24));
  await s.mediations.recordSession({ caseId: String(agreed.id), note: `企业同意补发，双方确认金额${DEMO_MARK}` });
  await s.mediations.close({
    caseId: String(agreed.id),
    outcome: MediationOutcome.AGREEMENT,
    note: `企业于十日内补发绩效工资人民币4200元，劳动者不再主张其他权利${DEMO_MARK}`,
  });

  // Failed after two sessions and referred to arbitration (the street centre's own mediation).
  on(day(45));
  const failed = await s.mediations.open({
    centre: "KAIXUAN",
    workerIdNumber: worker(3),
    creditCode: company4,
    claim: 23500,
    matter: `未签订书面劳动合同二倍工资差额争议${DEMO_MARK}`,
  });
  on(day(41));
  await s.mediations.recordSession({
    caseId: String(failed.id),
    note: `企业认为已签订劳动合同，双方各执一词${DEMO_MARK}`,
  });
  on(day(36));
  await s.mediations.recordSession({
    caseId: String(failed.id),
    note: `企业未能提供书面劳动合同，拒绝调解方案${DEMO_MARK}`,
  });
  await s.mediations.close({
    caseId: String(failed.id),
    outcome: MediationOutcome.FAILED_REFERRED_TO_ARBITRATION,
    note: `调解不成，告知劳动者可向劳动人事争议仲裁委员会申请仲裁${DEMO_MARK}`,
  });
  return { skipped: false, inspections: 1, mediations: 3 };
}
