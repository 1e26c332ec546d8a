import type { DataSource } from "typeorm";
import { BadUserInputError, isValidDate, optionalText } from "@onewindow/platform";
import { HOSPITAL } from "../messages";
import { Granularity, PeriodComparison, QualityMetric } from "./metrics.enums";
import { changeBetween, metricsFrom, valueOf } from "./metrics.math";
import { addTotals, emptyTotals, type TotalsReader } from "./period-totals";
import { bucketsOf, comparisonPeriod, daysIn } from "./periods";
import type { MetricPoint, QualityMetrics } from "./quality-metrics.types";
import { RollupTotalsReader } from "./rollup-totals.reader";

// A trend of monthly points over 50 years is already more than any dashboard draws.
const MAX_POINTS = 600;
/** The longest period the metrics add up: a bound on the work a request asks for. */
const MAX_YEARS = 100;

/** Checks a metrics period; `from` after `to` is the caller's mistake. */
function checkPeriod(from: string, to: string): void {
  if (!isValidDate(from)) throw new BadUserInputError(HOSPITAL.dateNotExisting.with({ date: from }), "from");
  if (!isValidDate(to)) throw new BadUserInputError(HOSPITAL.dateNotExisting.with({ date: to }), "to");
  if (from > to) throw new BadUserInputError(HOSPITAL.periodReversed.with({ from, to }), "from");
  if (daysIn(from, to) > MAX_YEARS * 366)
    throw new BadUserInputError(HOSPITAL.periodTooLong.with({ years: MAX_YEARS }), "to");
}

/**
 * Quality metrics of a hospital, period over period (环比) or against the same period a year
 * earlier (同比), see `comparisonPeriod`. Reads sums from the daily rollup by
 * default; tests and the benchmark pass the raw-record reader to compare.
 */
export class MetricsService {
  private readonly reader: TotalsReader;

  constructor(db: DataSource, reader?: TotalsReader) {
    this.reader = reader ?? new RollupTotalsReader(db.manager);
  }

  async qualityMetrics(
    hospitalCode: string,
    from: string,
    to: string,
    department?: string | null,
    compareWith: PeriodComparison = PeriodComparison.PREVIOUS_PERIOD,
  ): Promise<QualityMetrics> {
    checkPeriod(from, to);
    const dept = optionalText(department, "department", 40);
    if (!Object.values(PeriodComparison).includes(compareWith))
      throw new BadUserInputError(HOSPITAL.unknownComparison.with({ comparison: compareWith }), "compareWith");
    const prev = comparisonPeriod(from, to, compareWith);
    const [current, previous] = await Promise.all([
      this.reader.totals(hospitalCode, from, to, dept),
      this.reader.totals(hospitalCode, prev.from, prev.to, dept),
    ]);
    const metrics = metricsFrom(current, from, to, dept);
    metrics.previousPeriod = metricsFrom(previous, prev.from, prev.to, dept);
    metrics.comparison = prev.basis;
    metrics.change = changeBetween(metrics, metrics.previousPeriod);
    return metrics;
  }

  async metricTrend(
    hospitalCode: string,
    metric: QualityMetric,
    from: string,
    to: string,
    granularity: Granularity,
    department?: string | null,
  ): Promise<MetricPoint[]> {
    checkPeriod(from, to);
    const dept = optionalText(department, "department", 40);
    const buckets = bucketsOf(from, to, granularity);
    if (buckets.length > MAX_POINTS)
      throw new BadUserInputError(
        HOSPITAL.trendTooLong.with({ points: buckets.length, max: MAX_POINTS }),
        "granularity",
      );
    // One grouped query per trend: months are summed in SQL, quarters and years from months here.
    const months = await this.reader.monthly(hospitalCode, from, to, dept);
    return buckets.map((b) => {
      const totals = b.months.reduce((sum, m) => addTotals(sum, months.get(m) ?? emptyTotals()), emptyTotals());
      return {
        period: b.label,
        start: b.start,
        end: b.end,
        value: valueOf(metric, metricsFrom(totals, b.start, b.end, dept)),
      };
    });
  }
}
