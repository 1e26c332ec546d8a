import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { WindowStaffBadge } from "./staff.enums";

/**
 * A person who works a window (窗口工作人员), as the administrator records them. The staff
 * number is the subject of the clerk's token, so a case opened or a ticket called by a signed-in
 * clerk names who did it without any further input. The public sees the sign on the window
 * ({@link StaffBadge}): name, window, badges, duties and commitments; nothing else of the person.
 */
@Entity("hall_window_staff")
@Index("hall_window_staff_post", ["centre", "window"])
@ObjectType("WindowStaff", {
  description:
    "A window staff member's record (administrators and analysts): who they are, where they work, their badges, duties and commitments.",
})
export class WindowStaff {
  @PrimaryColumn({ type: "varchar", length: 20, name: "staff_number" })
  @Field({ description: "Staff number (工号): the subject of the clerk's sign-in token." })
  staffNumber: string;

  @Column({ type: "varchar", length: 20 })
  @Field({ description: "Name, as on the window's sign." })
  name: string;

  @Column({ type: "varchar", length: 20 })
  @Field({ description: "Code of the service centre they work at, e.g. KAIXUAN." })
  centre: string;

  @Column({ type: "varchar", length: 20, name: "window_code" })
  @Field({ description: "The window they are posted at." })
  window: string;

  @Column({ type: "boolean", name: "party_member" })
  @Field({ description: "True for a member of the Communist Party of China (not shown to the public)." })
  partyMember: boolean;

  @Column({ type: "simple-array" })
  @Field(() => [WindowStaffBadge], { description: "The honours their post carries (亮身份)." })
  badges: WindowStaffBadge[];

  @Column({ type: "simple-json" })
  @Field(() => [String], { description: "Their public duties (亮职责), as on the window's sign." })
  duties: string[];

  @Column({ type: "varchar", length: 32, name: "recorded_at" })
  @Field({ description: "When the record was last written (ISO 8601)." })
  recordedAt: string;
}

/** A public commitment (亮承诺) a staff member made, in the ledger the centre reviews (践诺评诺). */
@Entity("hall_staff_commitment")
@Index("hall_staff_commitment_staff", ["staffNumber", "madeOn"])
@ObjectType("StaffCommitment", { description: "A public service commitment (亮承诺) of a window staff member." })
export class StaffCommitment {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Commitment number." })
  id: number;

  @Column({ type: "varchar", length: 20, name: "staff_number" })
  staffNumber: string;

  @Column({ type: "varchar", length: 200 })
  @Field({ description: "What they commit to, as on the window's sign." })
  text: string;

  @Column({ type: "date", name: "made_on" })
  @Field(() => DateScalar, { description: "Day the commitment was made public." })
  madeOn: string;
}

/** One review of a commitment (评诺): kept or not, by whom, when. A commitment is reviewed again each period. */
@Entity("hall_commitment_review")
@Index("hall_commitment_review_commitment", ["commitmentId", "reviewedOn"])
@ObjectType("CommitmentReview", { description: "A review of whether a commitment was kept (践诺评诺)." })
export class CommitmentReview {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Review record id." })
  id: number;

  @Column({ type: "integer", name: "commitment_id" })
  @Field(() => ID, { description: "The commitment reviewed." })
  commitmentId: number;

  @Column({ type: "boolean" })
  @Field({ description: "True when the commitment was found kept (践诺)." })
  kept: boolean;

  @Column({ type: "varchar", length: 40 })
  @Field({ description: "Who reviewed it: the centre's leader, a peer, a citizens' panel (as written)." })
  reviewer: string;

  @Column({ type: "varchar", length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: "The reviewer's note; null without one." })
  note: string | null;

  @Column({ type: "date", name: "reviewed_on" })
  @Field(() => DateScalar, { description: "Day of the review." })
  reviewedOn: string;
}
