import { Authorized, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar, bigintTransformer, fenToYuan } from "@onewindow/platform";
import { LABOR_RECORD_READERS } from "../access";
import { TRAINING_SUBSIDY_LAW } from "./training.data";
import { TrainingEnrolmentStatus } from "./training.enums";

/**
 * A subsidised vocational training course (送培训) on the street's list. Public, like the job
 * board: anyone may see what is offered and how many seats are left.
 */
@Entity("training_course")
@Index("training_course_trade", ["trade", "endDate"])
@ObjectType({ description: "A subsidised vocational training course (职业技能培训) and its seats." })
export class TrainingCourse {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Course id." })
  id: number;

  @Column({ type: "varchar", length: 100 })
  @Field({ description: "The training provider (a licensed school or centre)." })
  provider: string;

  @Column({ type: "varchar", length: 100 })
  @Field({ description: "Name of the course." })
  title: string;

  @Column({ type: "varchar", length: 40 })
  @Field({
    description:
      "The trade it trains for, as a tag compared with a job seeker's desired industries and skills (制造业, 电工, 家政 …).",
  })
  trade: string;

  @Column({ type: "simple-json" })
  @Field(() => [String], {
    description: "Skill tags a passed participant with a certificate gets on their job-seeker profile (电工证 …).",
  })
  certificates: string[];

  @Column({ type: "date", name: "start_date" })
  @Field(() => DateScalar, { description: "First day of the course." })
  startDate: string;

  @Column({ type: "date", name: "end_date" })
  @Field(() => DateScalar, { description: "Last day of the course; enrolment is open until then." })
  endDate: string;

  @Column({ type: "integer" })
  @Field(() => Int, { description: "Seats in the course." })
  seats: number;

  /** Active enrolments, kept beside `seats` so that one conditional UPDATE takes a seat. */
  @Column({ type: "integer" })
  enrolled: number;

  @Field(() => Int, { description: "Seats not yet taken." })
  get seatsLeft(): number {
    return Math.max(0, this.seats - this.enrolled);
  }

  @Column({ type: "bigint", name: "subsidy_fen", transformer: bigintTransformer })
  subsidyFen: number;

  @Field(() => Float, {
    description: `Training subsidy (职业培训补贴, ${TRAINING_SUBSIDY_LAW}) per participant, yuan, as the approving notice sets it.`,
  })
  get subsidy(): number {
    return fenToYuan(this.subsidyFen);
  }

  @Column({ type: "varchar", length: 300, name: "subsidy_source" })
  @Field({ description: "The notice that approves the course and sets its subsidy." })
  subsidySource: string;
}

/** A person's place in a course, and its result. */
@Entity("training_enrolment")
@Index("training_enrolment_once", ["courseId", "idNumber"], { unique: true })
@ObjectType({ description: "A person's enrolment in a training course, and the result." })
export class TrainingEnrolment {
  @PrimaryGeneratedColumn()
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => ID, { description: "Enrolment id." })
  id: number;

  @Column({ type: "integer", name: "course_id" })
  courseId: number;

  @Index("training_enrolment_person")
  @Column({ type: "varchar", length: 18, name: "id_number" })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => ID, { description: "The participant's resident ID number." })
  idNumber: string;

  @Column({ type: "date", name: "enrolled_on" })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => DateScalar, { description: "Day of enrolment." })
  enrolledOn: string;

  @Column({ type: "varchar", length: 10 })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => TrainingEnrolmentStatus, { description: "ENROLLED until the result is recorded." })
  status: TrainingEnrolmentStatus;

  @Column({ type: "date", name: "result_on", nullable: true })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => DateScalar, { nullable: true, description: "Day the result was recorded." })
  resultOn: string | null;

  @Column({ type: "varchar", length: 60, nullable: true })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => String, {
    nullable: true,
    description: "The certificate issued on passing (its name and number); null: none.",
  })
  certificate: string | null;
}
