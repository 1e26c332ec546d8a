import { Arg, FieldResolver, Resolver, Root } from "type-graphql";
import { DateScalar } from "@onewindow/shared";
import { Hospital } from "../hospital/hospital.entity";
import type { Services } from "../services";
import { Granularity, QualityMetric } from "./metrics.enums";
import { MetricPoint, QualityMetrics } from "./quality-metrics.types";

@Resolver(() => Hospital)
export class MetricsResolver {
  constructor(private readonly s: Services) {}

  @FieldResolver(() => QualityMetrics, {
    description: "Quality metrics over from..to (both inclusive), with the previous period of the same length. BAD_USER_INPUT when from is after to.",
  })
  qualityMetrics(
    @Root() hospital: Hospital,
    @Arg("from", () => DateScalar, { description: "First day of the period." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the period." }) to: string,
    @Arg("department", () => String, { nullable: true, description: "Only this department's records; omit for the whole hospital." })
    department: string | null,
  ): Promise<QualityMetrics> {
    return this.s.metrics.qualityMetrics(hospital.code, from, to, department);
  }

  @FieldResolver(() => [MetricPoint], { description: "One metric per calendar month, quarter or year over from..to, in order." })
  metricTrend(
    @Root() hospital: Hospital,
    @Arg("metric", () => QualityMetric, { description: "The metric to follow." }) metric: QualityMetric,
    @Arg("from", () => DateScalar, { description: "First day of the trend." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the trend." }) to: string,
    @Arg("granularity", () => Granularity, { description: "Calendar unit of the points." }) granularity: Granularity,
    @Arg("department", () => String, { nullable: true, description: "Only this department's records; omit for the whole hospital." })
    department: string | null,
  ): Promise<MetricPoint[]> {
    return this.s.metrics.metricTrend(hospital.code, metric, from, to, granularity, department);
  }
}
