import { Field, Float, ID, InputType, Int } from "type-graphql";
import { AssessmentKind } from "./assessment.enums";

@InputType({ description: "A point of a standard version." })
export class AssessmentPointInput {
  @Field({ description: "Code, unique in the version (capital letters, digits, _ and -), e.g. P01." })
  code: string;

  @Field({ description: "What is checked." })
  text: string;

  @Field(() => Int, { description: "Full marks, a positive whole number." })
  weight: number;

  @Field(() => Float, { description: "The minimum acceptable score, 0..weight in half points." })
  bar: number;
}

@InputType({ description: "A target of a standard version." })
export class AssessmentTargetInput {
  @Field({ description: "Code, unique in the version, e.g. T01." })
  code: string;

  @Field({ description: "The target." })
  text: string;

  @Field(() => Int, { description: "Weight: the sum of its points' weights." })
  weight: number;

  @Field(() => [AssessmentPointInput], { description: "Its points, in order." })
  points: AssessmentPointInput[];
}

@InputType({ description: "A category of a standard version." })
export class AssessmentCategoryInput {
  @Field({ description: "Code, unique in the version, e.g. C1." })
  code: string;

  @Field({ description: "The category's name." })
  name: string;

  @Field(() => Int, { description: "Weight: the sum of its targets' weights; the categories add up to 100." })
  weight: number;

  @Field(() => [AssessmentTargetInput], { description: "Its targets, in order." })
  targets: AssessmentTargetInput[];
}

@InputType({ description: "A new version of the window standard: 4 categories, 17 targets, 38 points." })
export class LoadAssessmentStandardInput {
  @Field({ description: "The version, new (letters, digits, ., _ and -), e.g. 2026." })
  version: string;

  @Field({ description: "Its title." })
  title: string;

  @Field({ description: "True when the wording is not (yet) the official text." })
  draft: boolean;

  @Field({ description: "Where the wording comes from: the official document, or what it was drafted from." })
  sourceNote: string;

  @Field(() => [AssessmentCategoryInput], { description: "Its categories, in order." })
  categories: AssessmentCategoryInput[];
}

@InputType({ description: "Opens an assessment of a centre for a period." })
export class OpenAssessmentInput {
  @Field({ description: "The centre assessed, by its code." })
  centre: string;

  @Field({
    description:
      "The period: a day (2026-05-12) for PATROL, a month (2026-05) for MONTHLY, a quarter (2026-Q2) for QUARTERLY, a year (2026) for ANNUAL, a month, quarter or year for SELF, LEADER and PEER; begun already.",
  })
  period: string;

  @Field(() => AssessmentKind, { description: "The kind of assessment." })
  kind: AssessmentKind;
}

@InputType({ description: "Scores one point of an open assessment." })
export class ScoreAssessmentPointInput {
  @Field(() => ID, { description: "The assessment number." })
  assessmentId: string;

  @Field({ description: "The point's code, e.g. P01." })
  point: string;

  @Field(() => Float, { description: "The score, 0 to the point's weight in half points." })
  score: number;

  @Field(() => String, { nullable: true, description: "What the assessor saw." })
  note?: string | null;
}
