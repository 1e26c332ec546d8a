import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { HallEvaluationChannel, HallRating } from "./evaluation.enums";

/** One citizen's evaluation of a window's service. */
@Entity("hall_evaluation")
// Covers the KPI aggregate: evaluations of a period by window, department, channel and rating.
@Index("hall_evaluation_period", ["evaluatedOn", "window", "department", "channel", "rating"])
@Index("hall_evaluation_case", ["caseId"])
@Index("hall_evaluation_staff", ["staffNumber", "evaluatedOn", "rating"])
@Index("hall_evaluation_centre", ["centre", "evaluatedOn", "window", "department", "channel", "rating"])
@ObjectType("HallEvaluation", { description: "A citizen's evaluation of the service at a window." })
export class HallEvaluation {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Record id." })
  id: number;

  @Column({ type: "integer", name: "case_id", nullable: true })
  @Field(() => ID, {
    nullable: true,
    description: "The case evaluated; null for an evaluation of the window as a whole.",
  })
  caseId: number | null;

  @Column({ type: "varchar", length: 20, name: "window_code" })
  @Field({ description: "The window evaluated." })
  window: string;

  @Column({ type: "varchar", length: 20, default: "KAIXUAN" })
  @Field({ description: "Code of the service centre evaluated: the case's, or the one named with the window." })
  centre: string;

  @Column({ type: "varchar", length: 24, nullable: true })
  @Field(() => HallDepartment, { nullable: true, description: "The case's line of business; null without a case." })
  department: HallDepartment | null;

  /**
   * The staff member whose service was rated: the case's accepting clerk, or without a case the
   * clerk signed in at the window's evaluator; null when neither is a recorded staff member.
   */
  @Column({ type: "varchar", length: 20, name: "staff_number", nullable: true })
  staffNumber: string | null;

  @Column({ type: "varchar", length: 8 })
  @Field(() => HallEvaluationChannel, { description: "How the evaluation was given." })
  channel: HallEvaluationChannel;

  @Column({ type: "varchar", length: 20 })
  @Field(() => HallRating, { description: "The rating." })
  rating: HallRating;

  @Column({ type: "date", name: "evaluated_on" })
  @Field(() => DateScalar, { description: "Day of the evaluation." })
  evaluatedOn: string;

  @Column({ type: "integer", name: "rectification_id", nullable: true })
  @Field(() => ID, {
    nullable: true,
    description: "The rectification item an UNSATISFIED rating opened; null otherwise.",
  })
  rectificationId: number | null;
}
