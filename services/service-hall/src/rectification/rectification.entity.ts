import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { RectificationSource, RectificationStatus } from "./rectification.enums";

/** An item of the rectification ledger (整改台账): a problem to fix by a deadline (限期整改). */
@Entity("hall_rectification")
// Covers the KPI aggregate: items due in a period, resolved by their deadline or not.
@Index("hall_rectification_due", ["deadline", "window", "resolvedOn"])
@Index("hall_rectification_status", ["status", "deadline"])
@Index("hall_rectification_centre", ["centre", "deadline", "window", "resolvedOn"])
@ObjectType("HallRectification", { description: "An item of the rectification ledger (整改台账), with its deadline." })
export class HallRectification {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Ledger number." })
  id: number;

  @Column({ type: "varchar", length: 16 })
  @Field(() => RectificationSource, { description: "Where the item came from." })
  source: RectificationSource;

  @Column({ type: "varchar", length: 500 })
  @Field({ description: "The problem to fix." })
  description: string;

  @Column({ type: "varchar", length: 20, name: "window_code", nullable: true })
  @Field(() => String, { nullable: true, description: "The window concerned; null for the hall as a whole." })
  window: string | null;

  @Column({ type: "varchar", length: 20, default: "KAIXUAN" })
  @Field({ description: "Code of the service centre concerned: the evaluated case's, or the one named." })
  centre: string;

  @Column({ type: "integer", name: "evaluation_id", nullable: true })
  @Field(() => ID, { nullable: true, description: "The evaluation that opened it; null for other sources." })
  evaluationId: number | null;

  @Column({ type: "integer", name: "assessment_id", nullable: true })
  @Field(() => ID, {
    nullable: true,
    description: "The window-standard assessment that opened it (source ASSESSMENT); null for other sources.",
  })
  assessmentId: number | null;

  @Column({ type: "date", name: "opened_on" })
  @Field(() => DateScalar, { description: "Day the item was opened." })
  openedOn: string;

  @Column({ type: "date" })
  @Field(() => DateScalar, { description: "Day by which it must be resolved (限期)." })
  deadline: string;

  @Column({ type: "varchar", length: 10 })
  @Field(() => RectificationStatus, { description: "Open or resolved." })
  status: RectificationStatus;

  @Column({ type: "date", name: "resolved_on", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Day it was resolved; null while open." })
  resolvedOn: string | null;

  @Column({ type: "varchar", length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: "What was done; null while open." })
  action: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True when resolved on or before the deadline; null while open.",
  })
  get resolvedInTime(): boolean | null {
    return this.resolvedOn === null ? null : this.resolvedOn <= this.deadline;
  }
}
