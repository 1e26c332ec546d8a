import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { DateScalar, type RequestContext } from "@onewindow/platform";
import { METRIC_READERS, requireHospitalScope } from "../access";
import { HOSPITAL_ACT } from "../messages";
import { Hospital } from "../hospital/hospital.entity";
import type { Services } from "../services";
import { Granularity, PeriodComparison, QualityMetric } from "./metrics.enums";
import { MetricPoint, QualityMetrics } from "./quality-metrics.types";

@Resolver(() => Hospital)
export class MetricsResolver {
  constructor(private readonly s: Services) {}

  @Authorized(...METRIC_READERS)
  @FieldResolver(() => QualityMetrics, {
    description:
      "Quality metrics over from..to (both inclusive), compared with the period before (环比) or the same period a year earlier (同比): " +
      "for a calendar month, quarter or year the calendar unit before or a year earlier, for another range the same number of days " +
      "before or the same dates a year earlier (`comparison` says which). BAD_USER_INPUT when from is after to. " +
      "For analysts, the hospital's administrator and its offices; FORBIDDEN for another hospital's administrator.",
  })
  qualityMetrics(
    @Root() hospital: Hospital,
    @Arg("from", () => DateScalar, { description: "First day of the period." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the period." }) to: string,
    @Arg("department", () => String, {
      nullable: true,
      description: "Only this department's records; omit for the whole hospital.",
    })
    department: string | null,
    @Arg("compareWith", () => PeriodComparison, {
      defaultValue: PeriodComparison.PREVIOUS_PERIOD,
      description: "PREVIOUS_PERIOD (环比, the default) or SAME_PERIOD_LAST_YEAR (同比).",
    })
    compareWith: PeriodComparison,
    @Ctx() ctx: RequestContext,
  ): Promise<QualityMetrics> {
    requireHospitalScope(ctx.caller, hospital.code, METRIC_READERS, HOSPITAL_ACT.readMetrics);
    return this.s.cachedMetrics.qualityMetrics(ctx.caller, hospital.code, from, to, department, compareWith);
  }

  @Authorized(...METRIC_READERS)
  @FieldResolver(() => [MetricPoint], {
    description: "One metric per calendar month, quarter or year over from..to, in order.",
  })
  metricTrend(
    @Root() hospital: Hospital,
    @Arg("metric", () => QualityMetric, { description: "The metric to follow." }) metric: QualityMetric,
    @Arg("from", () => DateScalar, { description: "First day of the trend." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the trend." }) to: string,
    @Arg("granularity", () => Granularity, { description: "Calendar unit of the points." }) granularity: Granularity,
    @Arg("department", () => String, {
      nullable: true,
      description: "Only this department's records; omit for the whole hospital.",
    })
    department: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricPoint[]> {
    requireHospitalScope(ctx.caller, hospital.code, METRIC_READERS, HOSPITAL_ACT.readTrend);
    return this.s.cachedMetrics.metricTrend(ctx.caller, hospital.code, metric, from, to, granularity, department);
  }
}
