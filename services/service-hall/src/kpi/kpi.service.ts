import type { DataSource } from "typeorm";
import { BadUserInputError, isValidDate, todayBy, type Clock } from "@onewindow/platform";
import { HALL_DEPARTMENTS, HallDepartment } from "../catalogue/catalogue.enums";
import { HallEvaluationChannel } from "../evaluation/evaluation.enums";
import { HALL } from "../messages";
import { HallDepartmentKpis, HallKpis, HallWindowKpis } from "./hall-kpis.types";
import { addCounts, averageMinutes, emptyCounts, rate, starRating, type KpiCounts } from "./kpi-counts";
import { KpiReader, type KpiRow, type KpiScope } from "./kpi.reader";
import { CentreTree } from "../centre/centre-tree";
import type { ServiceCentre } from "../centre/service-centre.entity";
import { CentreLevel, CentreRankingMetric } from "../centre/centre.enums";
import type { CentreRanking, CentreRankingRow } from "../centre/centre-ranking.types";
import { HOME_CENTRE } from "../queue/centre-setting.entity";
import { requireCentre } from "../queue/centres";

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

  /**
   * The centres a KPI read counts: `centre` (default the hall's own) alone, or with every centre
   * below it; null when that is every centre the hall knows (the city), so no filter is needed.
   */
  async scope(centre: string | null | undefined, includeSubordinate: boolean | null | undefined) {
    const home = await requireCentre(this.db.manager, centre ?? HOME_CENTRE);
    if (!includeSubordinate) return [home.code];
    const tree = await CentreTree.read(this.db.manager);
    const codes = tree.subtree(home.code);
    return codes.length === tree.centres.length ? null : codes;
  }

  /** Every KPI row of the period for `scope`, the five aggregates at once. */
  private async rows(from: string, to: string, scope: KpiScope): Promise<KpiRow[]> {
    const reader = new KpiReader(this.db.manager, scope);
    const parts = await Promise.all([reader.rolledUp(from, to, todayBy(this.clock)), reader.rectifications(from, to)]);
    return parts.flat();
  }

  /**
   * The window KPIs of `centre` (default the hall's own, KAIXUAN), with `includeSubordinate`
   * of every centre below it too: a district's or the city's figures are its centres' rows summed.
   */
  async hallKpis(
    from: string,
    to: string,
    centre?: string | null,
    includeSubordinate?: boolean | null,
  ): Promise<HallKpis> {
    checkPeriod(from, to);
    const centres = await this.scope(centre, includeSubordinate);
    const rows = await this.rows(from, to, { centres, group: "BY_WINDOW" });
    const total = emptyCounts();
    const windows = new Map<string, KpiCounts>();
    const departments = new Map<string, KpiCounts>(HALL_DEPARTMENTS.map((d) => [d, emptyCounts()]));
    const channels = new Map<string, KpiCounts>(Object.values(HallEvaluationChannel).map((c) => [c, emptyCounts()]));
    for (const row of rows) {
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

  /**
   * The centres of `level` ranked by `metric` over from..to, each with its own rows and those of
   * every centre below it: one grouped read per aggregate for all centres, rolled up the tree here.
   */
  async centreRanking(
    level: CentreLevel,
    from: string,
    to: string,
    metric: CentreRankingMetric,
  ): Promise<CentreRanking> {
    checkPeriod(from, to);
    const [tree, rows] = await Promise.all([
      CentreTree.read(this.db.manager),
      this.rows(from, to, { centres: null, group: "BY_CENTRE" }),
    ]);
    const ranked = new Map(tree.centres.filter((c) => c.level === level).map((c) => [c.code, emptyCounts()]));
    // Each row counts for the one centre of the level on its way up (itself, or an ancestor).
    const target = new Map<string, string | null>();
    for (const row of rows) {
      const code = row.centre!;
      if (!target.has(code)) target.set(code, tree.ancestry(code).find((a) => ranked.has(a)) ?? null);
      const at = target.get(code);
      if (at) addCounts(ranked.get(at)!, row.counts);
    }
    const scored = [...ranked.entries()].map(([code, c]) => ({
      centre: tree.byCode.get(code)!,
      value: metricValue(metric, c),
      casesHandled: c.cases,
      evaluations: c.evaluations,
    }));
    const lowerIsBetter = metric === CentreRankingMetric.AVERAGE_WAIT_MINUTES;
    // Ties are listed by code. Codes are ASCII, so code-unit order is a stable, readable order at a
    // fraction of localeCompare's cost over a thousand centres.
    const byCode = (a: { centre: ServiceCentre }, b: { centre: ServiceCentre }) =>
      a.centre.code < b.centre.code ? -1 : a.centre.code > b.centre.code ? 1 : 0;
    scored.sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? byCode(a, b) : a.value === null ? 1 : -1;
      const d = lowerIsBetter ? a.value - b.value : b.value - a.value;
      return d !== 0 ? d : byCode(a, b);
    });
    const out: CentreRankingRow[] = [];
    scored.forEach((row, i) => {
      const previous = out[i - 1];
      const rank = row.value === null ? null : previous && previous.value === row.value ? previous.rank : i + 1;
      out.push({ ...row, rank });
    });
    return { level, metric, from, to, rows: out };
  }
}

/** A ranking metric's value from a centre's counts: the same ratio hallKpis reports. */
function metricValue(metric: CentreRankingMetric, c: KpiCounts): number | null {
  switch (metric) {
    case CentreRankingMetric.CASES_HANDLED:
      return c.cases;
    case CentreRankingMetric.ON_TIME_RATE:
      return rate(c.onTime, c.due);
    case CentreRankingMetric.ON_SITE_RATE:
      return rate(c.onSite, c.cases);
    case CentreRankingMetric.EVALUATIONS:
      return c.evaluations;
    case CentreRankingMetric.SATISFACTION_RATE:
      return rate(c.satisfied, c.evaluations);
    case CentreRankingMetric.RECTIFICATION_RATE:
      return rate(c.rectificationsResolvedOnTime, c.rectificationsDue);
    case CentreRankingMetric.TICKETS_CALLED:
      return c.ticketsCalled;
    case CentreRankingMetric.AVERAGE_WAIT_MINUTES:
      return averageMinutes(c.waitSeconds, c.ticketsCalled);
  }
}
