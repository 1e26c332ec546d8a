import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { AssessmentKind, AssessmentStatus } from "./assessment.enums";

/** A version of the window standard as loaded (its entries are {@link AssessmentStandardItemRow}s). */
@Entity("hall_assessment_standard")
export class AssessmentStandardRow {
  /** Load order: the highest is the version new assessments are scored against. */
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 40, unique: true })
  version: string;

  @Column({ type: "varchar", length: 100 })
  title: string;

  @Column({ type: "boolean" })
  draft: boolean;

  @Column({ type: "varchar", length: 500, name: "source_note" })
  sourceNote: string;

  @Column({ type: "date", name: "loaded_on" })
  loadedOn: string;

  @Column({ type: "varchar", length: 64, name: "loaded_by", nullable: true })
  loadedBy: string | null;
}

/** One category, target or point of a standard version; `parent` is the code it lies under. */
@Entity("hall_assessment_standard_item")
export class AssessmentStandardItemRow {
  @PrimaryColumn({ type: "varchar", length: 40 })
  version: string;

  @PrimaryColumn({ type: "varchar", length: 10 })
  code: string;

  @Column({ type: "varchar", length: 10 })
  level: "CATEGORY" | "TARGET" | "POINT";

  @Column({ type: "varchar", length: 10, nullable: true })
  parent: string | null;

  @Column({ type: "integer" })
  position: number;

  @Column({ type: "varchar", length: 200 })
  text: string;

  @Column({ type: "integer" })
  weight: number;

  @Column({ type: "real", nullable: true })
  bar: number | null;
}

@ObjectType({ description: "A point (测评点) of the window standard: what is checked, its full marks and its bar." })
export class AssessmentPoint {
  @Field({ description: "The point's code, unique in its version, e.g. P01." })
  code: string;

  @Field({ description: "What is checked." })
  text: string;

  @Field(() => Int, { description: "Full marks of the point." })
  weight: number;

  @Field(() => Float, {
    description: "The minimum acceptable score: a score below it opens a rectification item automatically.",
  })
  bar: number;
}

@ObjectType({ description: "A target (项) of the window standard and its points." })
export class AssessmentTarget {
  @Field({ description: "The target's code, e.g. T01." })
  code: string;

  @Field({ description: "The target." })
  text: string;

  @Field(() => Int, { description: "Its weight: the sum of its points' weights." })
  weight: number;

  @Field(() => [AssessmentPoint], { description: "Its points, in order." })
  points: AssessmentPoint[];
}

@ObjectType({ description: "A category (类) of the window standard and its targets." })
export class AssessmentCategory {
  @Field({ description: "The category's code, e.g. C1." })
  code: string;

  @Field({ description: "The category's name." })
  name: string;

  @Field(() => Int, { description: "Its weight: the sum of its targets' weights; the four add up to 100." })
  weight: number;

  @Field(() => [AssessmentTarget], { description: "Its targets, in order." })
  targets: AssessmentTarget[];
}

@ObjectType({ description: "A version of the window standard (窗口服务标准): 4 categories, 17 targets, 38 points." })
export class AssessmentStandard {
  @Field({ description: "The version, e.g. 2025-DRAFT." })
  version: string;

  @Field({ description: "Its title." })
  title: string;

  @Field({
    description:
      "True while the wording is this project's own drafting from the spirit of the source texts, to be replaced by the official text.",
  })
  draft: boolean;

  @Field({ description: "Where the wording comes from." })
  sourceNote: string;

  @Field(() => DateScalar, { description: "Day the version was loaded." })
  loadedOn: string;

  @Field({ description: "True for the version new assessments are scored against (the last loaded)." })
  current: boolean;

  @Field(() => [AssessmentCategory], { description: "Its categories, in order." })
  categories: AssessmentCategory[];
}

/** An assessment of a centre against the window standard, for a period. */
@Entity("hall_assessment")
// One assessment of a kind per centre, period and assessor; and the report's scan by centre and period.
@Index("hall_assessment_unique", ["centre", "kind", "period", "assessor"], { unique: true })
@Index("hall_assessment_period", ["centre", "periodFrom", "periodTo"])
@ObjectType("Assessment", { description: "An assessment of a centre against the window standard (窗口标准测评)." })
export class Assessment {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Assessment number." })
  id: number;

  @Column({ type: "varchar", length: 20 })
  @Field({ description: "The centre assessed, by its code." })
  centre: string;

  @Column({ type: "varchar", length: 10 })
  @Field(() => AssessmentKind, { description: "Self, leader or peer review, patrol, monthly, quarterly or annual." })
  kind: AssessmentKind;

  @Column({ type: "varchar", length: 10 })
  @Field({ description: "The period as written: 2026-05-12, 2026-05, 2026-Q2 or 2026." })
  period: string;

  @Column({ type: "date", name: "period_from" })
  @Field(() => DateScalar, { description: "First day of the period." })
  periodFrom: string;

  @Column({ type: "date", name: "period_to" })
  @Field(() => DateScalar, { description: "Last day of the period." })
  periodTo: string;

  @Column({ type: "varchar", length: 40, name: "standard_version" })
  @Field({ description: "The version of the standard it is scored against (the current one when it was opened)." })
  standardVersion: string;

  @Column({ type: "varchar", length: 10 })
  @Field(() => AssessmentStatus, { description: "Open while being scored, then completed." })
  status: AssessmentStatus;

  @Column({ type: "varchar", length: 64 })
  @Field({ description: "Who assesses: the signed-in user who opened it." })
  assessor: string;

  @Column({ type: "date", name: "opened_on" })
  @Field(() => DateScalar, { description: "Day it was opened." })
  openedOn: string;

  @Column({ type: "date", name: "completed_on", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Day it was completed; null while open." })
  completedOn: string | null;

  // Filled by the service from the scores (not columns).
  @Field(() => [AssessmentPointScore], { description: "The points scored so far, in the standard's order." })
  scores: AssessmentPointScore[];

  @Field(() => [AssessmentCategoryScore], { description: "Scores by category." })
  categories: AssessmentCategoryScore[];

  @Field(() => Float, { description: "Sum of the points' scores, out of 100 once every point is scored." })
  total: number;

  @Field(() => Int, { description: "Points scored so far, of 38." })
  scoredPoints: number;

  @Field(() => Int, { description: "Points scored below their bar (each opened a rectification item)." })
  belowBar: number;
}

/** One point's score in an assessment. */
@Entity("hall_assessment_score")
@ObjectType("AssessmentPointScore", { description: "A point's score in an assessment." })
export class AssessmentPointScore {
  @PrimaryColumn({ type: "integer", name: "assessment_id" })
  assessmentId: number;

  @PrimaryColumn({ type: "varchar", length: 10, name: "point_code" })
  @Field({ description: "The point's code." })
  point: string;

  @Column({ type: "real" })
  @Field(() => Float, { description: "The score, 0 to the point's weight in half points." })
  score: number;

  @Column({ type: "varchar", length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: "What the assessor saw." })
  note: string | null;

  @Column({ type: "varchar", length: 64, name: "scored_by" })
  @Field({ description: "Who scored it." })
  scoredBy: string;

  @Column({ type: "date", name: "scored_on" })
  @Field(() => DateScalar, { description: "Day it was (last) scored." })
  scoredOn: string;

  @Column({ type: "integer", name: "rectification_id", nullable: true })
  @Field(() => ID, {
    nullable: true,
    description: "The rectification item a score below the bar opened; null when none was needed.",
  })
  rectificationId: number | null;
}

@ObjectType({ description: "A category's score in an assessment." })
export class AssessmentCategoryScore {
  @Field({ description: "The category's code." })
  code: string;

  @Field({ description: "The category's name." })
  name: string;

  @Field(() => Int, { description: "Its weight (full marks)." })
  weight: number;

  @Field(() => Float, { description: "Sum of its points' scores so far." })
  score: number;

  @Field(() => Int, { description: "Full marks of its points scored so far (its weight once all are scored)." })
  scoredWeight: number;

  @Field(() => Float, {
    nullable: true,
    description: "score / weight of its points scored so far, 0..1; null before any.",
  })
  rate: number | null;
}
