import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { FollowUpOutcome } from "./follow-up.enums";

/** One follow-up phone call to a discharged patient. */
@Entity("follow_up")
@Index(["stayId", "outcome"])
@Index(["hospitalCode", "calledOn", "department"])
@ObjectType("DischargeFollowUp", { description: "One follow-up phone call to a discharged patient (出院回访)." })
export class FollowUp {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Record id." })
  id: number;

  @Column({ type: "integer", name: "stay_id" })
  @Field(() => ID, { description: "The inpatient stay followed up." })
  stayId: number;

  /** Copied from the stay so that calls per hospital, day and department are one index range. */
  @Column({ type: "varchar", length: 20, name: "hospital_code" })
  hospitalCode: string;

  /** Copied from the stay, for the same reason. */
  @Column({ type: "varchar", length: 40 })
  department: string;

  @Column({ type: "date", name: "called_on" })
  @Field(() => DateScalar, { description: "Day of the call." })
  calledOn: string;

  @Column({ type: "varchar", length: 12 })
  @Field(() => FollowUpOutcome, { description: "How the call ended." })
  outcome: FollowUpOutcome;
}
