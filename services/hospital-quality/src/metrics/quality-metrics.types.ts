import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { PatientEvaluationChannel } from "../evaluation/evaluation.enums";
import { ComparisonBasis } from "./metrics.enums";

@ObjectType({ description: "Patient satisfaction through one evaluation channel." })
export class PatientChannelSatisfaction {
  @Field(() => PatientEvaluationChannel, { description: "The channel." })
  channel: PatientEvaluationChannel;

  @Field(() => Int, { description: "Evaluations given through the channel in the period." })
  evaluations: number;

  @Field(() => Int, { description: "Of those, the satisfied ones." })
  satisfied: number;

  @Field(() => Float, { nullable: true, description: "satisfied / evaluations, 0..1; null without evaluations." })
  satisfactionRate: number | null;
}

@ObjectType({
  description:
    "Each metric minus its value in the period compared with (`previousPeriod`). Costs in yuan (2 decimals), rates as 0..1 differences " +
    "(0.02 = two percentage points); null when the metric is null in either period.",
})
export class QualityMetricsChange {
  @Field(() => Int, { description: "Change in outpatient visits." })
  outpatientVisits: number;

  @Field(() => Float, { nullable: true, description: "Change in drug cost per outpatient visit, yuan." })
  outpatientDrugCostPerVisit: number | null;

  @Field(() => Int, { description: "Change in discharges." })
  inpatientDischarges: number;

  @Field(() => Float, { nullable: true, description: "Change in drug cost per discharged stay, yuan." })
  inpatientDrugCostPerStay: number | null;

  @Field(() => Float, { nullable: true, description: "Change in the drug cost share." })
  drugCostShare: number | null;

  @Field(() => Float, { nullable: true, description: "Change in the follow-up rate." })
  followUpRate: number | null;

  @Field(() => Int, { description: "Change in follow-up calls made." })
  followUpCalls: number;

  @Field(() => Float, { nullable: true, description: "Change in the overall satisfaction rate." })
  satisfactionRate: number | null;
}

@ObjectType({
  description:
    "A hospital's quality metrics over a period (both dates inclusive), computed from its individual records. Per-visit and " +
    "per-stay costs are yuan rounded half up to 2 decimals; rates are unrounded 0..1 fractions; averages and rates are null when " +
    "the period has nothing to divide by.",
})
export class QualityMetrics {
  @Field(() => DateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => String, {
    nullable: true,
    description: "The department the metrics are limited to; null for the whole hospital.",
  })
  department: string | null;

  @Field(() => Int, { description: "Outpatient and emergency visits in the period." })
  outpatientVisits: number;

  @Field(() => Float, { description: "Drug cost of those visits, yuan." })
  outpatientDrugCost: number;

  @Field(() => Float, {
    nullable: true,
    description: "Drug cost of the period's visits / visits, yuan (2 decimals, half up).",
  })
  outpatientDrugCostPerVisit: number | null;

  @Field(() => Int, { description: "Inpatient stays discharged in the period." })
  inpatientDischarges: number;

  @Field(() => Float, { description: "Drug cost of those stays, yuan." })
  inpatientDrugCost: number;

  @Field(() => Float, {
    nullable: true,
    description: "Drug cost of the period's discharged stays / discharges, yuan (2 decimals, half up).",
  })
  inpatientDrugCostPerStay: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Drug cost / total cost over the period's visits and discharged stays, 0..1.",
  })
  drugCostShare: number | null;

  @Field(() => Int, {
    description: "Discharges of the period with at least one REACHED follow-up call (made at any time).",
  })
  followedUpDischarges: number;

  @Field(() => Float, { nullable: true, description: "followedUpDischarges / inpatientDischarges, 0..1." })
  followUpRate: number | null;

  @Field(() => Int, { description: "Follow-up calls made in the period, whatever their outcome." })
  followUpCalls: number;

  @Field(() => Int, { description: "Patient evaluations in the period, all channels." })
  evaluations: number;

  @Field(() => Float, { nullable: true, description: "Satisfied evaluations / evaluations over every channel, 0..1." })
  satisfactionRate: number | null;

  @Field(() => [PatientChannelSatisfaction], {
    description: "Satisfaction per channel (DEVICE, SURVEY, PHONE), always all three.",
  })
  satisfactionByChannel: PatientChannelSatisfaction[];

  @Field(() => ComparisonBasis, {
    nullable: true,
    description:
      "Which period `previousPeriod` is: the calendar month, quarter or year before (环比), the same one a year earlier (同比), or, " +
      "for another range, the same number of days before or the same dates a year earlier; null inside a compared period.",
  })
  comparison: ComparisonBasis | null;

  @Field(() => QualityMetrics, {
    nullable: true,
    description:
      "The same metrics over the period compared with (see `comparison` and the `compareWith` argument); null inside a compared period.",
  })
  previousPeriod: QualityMetrics | null;

  @Field(() => QualityMetricsChange, {
    nullable: true,
    description: "This period minus the period compared with; null inside a compared period.",
  })
  change: QualityMetricsChange | null;
}

@ObjectType({ description: "One point of a metric's trend." })
export class MetricPoint {
  @Field({ description: "The calendar unit: 2010-03, 2010-Q1 or 2010." })
  period: string;

  @Field(() => DateScalar, { description: "First day counted (the unit's first day, or the trend's `from`)." })
  start: string;

  @Field(() => DateScalar, { description: "Last day counted (the unit's last day, or the trend's `to`)." })
  end: string;

  @Field(() => Float, {
    nullable: true,
    description: "The metric over start..end; null when it has nothing to divide by.",
  })
  value: number | null;
}
