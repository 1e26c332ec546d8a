import type { DataSource } from "typeorm";
import { BadUserInputError, isValidDate, todayBy, type Clock } from "@onewindow/platform";
import { HALL_DEPARTMENTS, HallDepartment } from "../catalogue/catalogue.enums";
import { HallEvaluationChannel } from "../evaluation/evaluation.enums";
import { HALL } from "../messages";
import { HallDepartmentKpis, HallKpis, HallWindowKpis } from "./hall-kpis.types";
import { addCounts, averageMinutes, emptyCounts, rate, starRating, type KpiCounts } from "./kpi-counts";
import { KpiReader } from "./kpi.reader";

function checkPeriod(from: string, to: string): void {
  if (!isValidDate(from)) throw new BadUserInputError(HALL.dateNotExisting.with({ date: from }), "from");
  if (!isValidDate(to)) throw new BadUserInputError(HALL.dateNotExisting.with({ date: to }), "to");
  if (from > to) throw new BadUserInputError(HALL.periodReversed.with({ from, to }), "from");
}

const casesPart = (c: KpiCounts) => ({
  casesHandled: c.cases,
  // 按时办结率 over the cases due in the period, so an overdue open case counts against it.
  onTimeRate: rate(c.onTime, c.due),
  onSiteRate: rate(c.onSite, c.cases),
});
const waitPart = (c: KpiCounts) => ({
  ticketsCalled: c.ticketsCalled,
  averageWaitMinutes: averageMinutes(c.waitSeconds, c.ticketsCalled),
});

/** The hall's window KPIs, overall, per window and per line of business. */
export class KpiService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async hallKpis(from: string, to: string): Promise<HallKpis> {
    checkPeriod(from, to);
    const reader = new KpiReader(this.db.manager);
    const [cases, due, evaluations, tickets, rectifications] = await Promise.all([
      reader.cases(from, to),
      reader.due(from, to, todayBy(this.clock)),
      reader.evaluations(from, to),
      reader.tickets(from, to),
      reader.rectifications(from, to),
    ]);
    const total = emptyCounts();
    const windows = new Map<string, KpiCounts>();
    const departments = new Map<string, KpiCounts>(HALL_DEPARTMENTS.map((d) => [d, emptyCounts()]));
    const channels = new Map<string, KpiCounts>(Object.values(HallEvaluationChannel).map((c) => [c, emptyCounts()]));
    for (const row of [...cases, ...due, ...evaluations, ...tickets, ...rectifications]) {
      addCounts(total, row.counts);
      if (row.window !== null)
        addCounts(windows.get(row.window) ?? windows.set(row.window, emptyCounts()).get(row.window)!, row.counts);
      if (row.department !== null)
        addCounts(
          departments.get(row.department) ?? departments.set(row.department, emptyCounts()).get(row.department)!,
          row.counts,
        );
      if (row.channel)
        addCounts(channels.get(row.channel) ?? channels.set(row.channel, emptyCounts()).get(row.channel)!, row.counts);
    }
    const byWindow = [...windows.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([window, c]): HallWindowKpis => {
        const satisfactionRate = rate(c.satisfied, c.evaluations);
        const onTimeRate = rate(c.onTime, c.due);
        return {
          window,
          ...casesPart(c),
          evaluations: c.evaluations,
          satisfactionRate,
          rectificationRate: rate(c.rectificationsResolvedOnTime, c.rectificationsDue),
          ...waitPart(c),
          stars: starRating(satisfactionRate, onTimeRate),
        };
      });
    const byDepartment = [...departments.entries()].map(([department, c]): HallDepartmentKpis => ({
      department: department as HallDepartment,
      ...casesPart(c),
      evaluations: c.evaluations,
      satisfactionRate: rate(c.satisfied, c.evaluations),
      ...waitPart(c),
    }));
    return {
      from,
      to,
      ...casesPart(total),
      casesDue: total.due,
      casesOnTime: total.onTime,
      casesOnSite: total.onSite,
      evaluations: total.evaluations,
      satisfactionRate: rate(total.satisfied, total.evaluations),
      evaluationsByChannel: [...channels.entries()].map(([channel, c]) => ({
        channel: channel as HallEvaluationChannel,
        evaluations: c.evaluations,
        satisfied: c.satisfied,
        satisfactionRate: rate(c.satisfied, c.evaluations),
      })),
      rectificationsDue: total.rectificationsDue,
      rectificationsResolvedOnTime: total.rectificationsResolvedOnTime,
      rectificationRate: rate(total.rectificationsResolvedOnTime, total.rectificationsDue),
      ...waitPart(total),
      byWindow,
      byDepartment,
    };
  }
}
