import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { CentreLevel, CentreRankingMetric } from "./centre.enums";
import { ServiceCentre } from "./service-centre.entity";

@ObjectType({ description: "One centre's place in a ranking, with the counts its value comes from." })
export class CentreRankingRow {
  @Field(() => Int, {
    nullable: true,
    description:
      "1 for the best; equal values share a place (1, 2, 2, 4) and are listed by centre code. Null when the centre has no value.",
  })
  rank: number | null;

  @Field(() => ServiceCentre, { description: "The centre." })
  centre: ServiceCentre;

  @Field(() => Float, {
    nullable: true,
    description: "The metric over the centre and every centre below it; null when there is nothing to divide by.",
  })
  value: number | null;

  @Field(() => Int, { description: "Cases completed in the period at the centre and below it." })
  casesHandled: number;

  @Field(() => Int, { description: "Evaluations given in the period at the centre and below it." })
  evaluations: number;
}

@ObjectType({
  description:
    "The centres of one level ranked by one KPI over a period: each centre counts its own records and those of every centre below it " +
    "(a district its streets and their stations), with the same definitions as hallKpis.",
})
export class CentreRanking {
  @Field(() => CentreLevel, { description: "The level ranked." })
  level: CentreLevel;

  @Field(() => CentreRankingMetric, { description: "The KPI ranked by." })
  metric: CentreRankingMetric;

  @Field(() => DateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => [CentreRankingRow], {
    description: "Every centre of the level, best first; those without a value last, by code.",
  })
  rows: CentreRankingRow[];
}
