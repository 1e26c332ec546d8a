import type { EntityManager } from "typeorm";
import type { Caller } from "@onewindow/contracts";
import { callerScope, dayGenerations, isValidDate, periodGenerations, type AggregateCache } from "@onewindow/platform";
import { METRIC_READERS } from "../access";
import { Granularity, PeriodComparison, QualityMetric } from "./metrics.enums";
import type { MetricsService } from "./metrics.service";
import { comparisonPeriod } from "./periods";
import type { MetricPoint, QualityMetrics } from "./quality-metrics.types";

/** The generations of one hospital's figures: every record moves its hospital's, by day. */
const hospitalScope = (hospitalCode: string) => `hospital:${hospitalCode}`;

/** What a write tells the metrics: a hospital's figures of these days change when `tx` commits. */
export interface MetricInputs {
  changed(tx: EntityManager, hospitalCode: string, days: readonly string[]): Promise<void>;
}

/**
 * The metrics as the resolvers read them: through the department's cache, keyed by the
 * arguments and the caller's scope, depending on the hospital's days in the period (and in the
 * period compared with). Every record a service writes moves its hospital's generations of the
 * record's days ({@link changed}), so a visit recorded today leaves 2010's figures cached.
 * Callers authorise first (the resolvers do); this only decides where the answer comes from.
 */
export class CachedMetricsService implements MetricInputs {
  constructor(
    private readonly metrics: MetricsService,
    private readonly cache: AggregateCache,
  ) {}

  qualityMetrics(
    caller: Caller,
    hospitalCode: string,
    from: string,
    to: string,
    department: string | null,
    compareWith: PeriodComparison = PeriodComparison.PREVIOUS_PERIOD,
  ): Promise<QualityMetrics> {
    const compute = () => this.metrics.qualityMetrics(hospitalCode, from, to, department, compareWith);
    // A period the service refuses is refused there, uncached.
    if (!isValidDate(from) || !isValidDate(to) || from > to || !Object.values(PeriodComparison).includes(compareWith))
      return compute();
    const compared = comparisonPeriod(from, to, compareWith);
    const scope = hospitalScope(hospitalCode);
    return this.cache.read(
      {
        query: "qualityMetrics",
        args: [hospitalCode, from, to, department, compareWith],
        scope: callerScope(caller, METRIC_READERS),
        generations: [...periodGenerations(scope, from, to), ...periodGenerations(scope, compared.from, compared.to)],
      },
      compute,
    );
  }

  metricTrend(
    caller: Caller,
    hospitalCode: string,
    metric: QualityMetric,
    from: string,
    to: string,
    granularity: Granularity,
    department: string | null,
  ): Promise<MetricPoint[]> {
    return this.cache.read(
      {
        query: "metricTrend",
        args: [hospitalCode, metric, from, to, granularity, department],
        scope: callerScope(caller, METRIC_READERS),
        generations: periodGenerations(hospitalScope(hospitalCode), from, to),
      },
      () => this.metrics.metricTrend(hospitalCode, metric, from, to, granularity, department),
    );
  }

  /** The figures of `hospitalCode` on `days` change when `tx` commits (a record was written in it). */
  changed(tx: EntityManager, hospitalCode: string, days: readonly string[]): Promise<void> {
    return this.cache.changed(
      tx,
      days.flatMap((day) => dayGenerations(hospitalScope(hospitalCode), day)),
    );
  }
}
