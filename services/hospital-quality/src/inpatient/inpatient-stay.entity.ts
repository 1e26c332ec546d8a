import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { addDays, DateScalar, fenToYuan } from "@onewindow/platform";
import { PatientRecordColumns } from "../record-columns";

/** Days after discharge within which a discharged patient should be called. */
export const FOLLOW_UP_WITHIN_DAYS = 7;

/** One inpatient stay (住院人次), recorded at discharge with what it cost. */
@Entity("inpatient_stay")
@Index(["hospitalCode", "dischargedOn", "department"])
@ObjectType({ description: "One inpatient stay, recorded at discharge, and its cost." })
export class InpatientStay extends PatientRecordColumns {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Record id; follow-up calls refer to it." })
  id: number;

  @Column({ type: "varchar", length: 20, name: "hospital_code" })
  @Field(() => ID, { description: "Code of the hospital." })
  hospitalCode: string;

  @Column({ type: "date", name: "admitted_on" })
  @Field(() => DateScalar, { description: "Day of admission." })
  admittedOn: string;

  @Column({ type: "date", name: "discharged_on" })
  @Field(() => DateScalar, { description: "Day of discharge." })
  dischargedOn: string;

  @Column({ type: "varchar", length: 40 })
  @Field({ description: "Discharging department, e.g. 外科." })
  department: string;

  /**
   * Day of the first REACHED follow-up call. Setting it with `WHERE first_reached_on IS NULL`
   * tells, race-free, whether a call is the one that makes this stay count as followed up.
   */
  @Column({ type: "date", name: "first_reached_on", nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: "Day the patient was first reached by a follow-up call; null until then.",
  })
  firstReachedOn: string | null;

  @Field({ description: "Total cost of the stay, yuan." })
  get totalCost(): number {
    return fenToYuan(this.totalFen);
  }

  @Field({ description: "Drug part of the total cost, yuan." })
  get drugCost(): number {
    return fenToYuan(this.drugFen);
  }

  @Field(() => Int, { description: "Length of stay in days (discharge day minus admission day)." })
  get lengthOfStay(): number {
    return Math.round((Date.parse(this.dischargedOn) - Date.parse(this.admittedOn)) / 86_400_000);
  }

  @Field(() => DateScalar, {
    nullable: true,
    description: `Day by which the patient should be followed up (${FOLLOW_UP_WITHIN_DAYS} days after discharge); null for a stay without a patient ID.`,
  })
  get followUpDueOn(): string | null {
    return this.patientIdNumber ? addDays(this.dischargedOn, FOLLOW_UP_WITHIN_DAYS) : null;
  }
}
