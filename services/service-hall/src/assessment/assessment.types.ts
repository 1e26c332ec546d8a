import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { HallRectification } from "../rectification/rectification.entity";

@ObjectType({ description: "A category in a report: the mean of the completed assessments' scores." })
export class AssessmentCategoryMean {
  @Field({ description: "The category's code." })
  code: string;

  @Field({ description: "The category's name (as the newest version names it)." })
  name: string;

  @Field(() => Int, { description: "Its weight (full marks)." })
  weight: number;

  @Field(() => Float, { nullable: true, description: "Mean score over the assessments, out of the weight." })
  score: number | null;

  @Field(() => Float, { nullable: true, description: "Scores over full marks of its points, 0..1." })
  rate: number | null;
}

@ObjectType({ description: "A centre's window-standard report for a period." })
export class AssessmentReport {
  @Field({ description: "The centre's code." })
  centre: string;

  @Field({ description: "The period as asked." })
  period: string;

  @Field(() => DateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => Int, { description: "Completed assessments whose period lies within it (the ones counted)." })
  completed: number;

  @Field(() => Int, { description: "Assessments of the period still being scored (not counted)." })
  open: number;

  @Field(() => Float, {
    nullable: true,
    description: "Mean total of the completed assessments, out of 100; null without any.",
  })
  total: number | null;

  @Field(() => [AssessmentCategoryMean], { description: "Mean scores by category." })
  categories: AssessmentCategoryMean[];

  @Field(() => Int, { description: "Points scored below their bar in the period's assessments, open or completed." })
  belowBar: number;

  @Field(() => [HallRectification], {
    description: "Rectification items the period's assessments opened that are still open, earliest deadline first.",
  })
  openRectifications: HallRectification[];
}

@ObjectType({ description: "A centre's place in a window-standard ranking." })
export class AssessmentRankingRow {
  @Field(() => Int, {
    nullable: true,
    description: "Place by mean total, 1 the best; equal totals share a place; null without a completed assessment.",
  })
  rank: number | null;

  @Field({ description: "The centre's code." })
  centre: string;

  @Field({ description: "The centre's name." })
  name: string;

  @Field(() => Int, { description: "Completed assessments in the period." })
  completed: number;

  @Field(() => Float, { nullable: true, description: "Mean total, out of 100; null without a completed assessment." })
  total: number | null;
}
