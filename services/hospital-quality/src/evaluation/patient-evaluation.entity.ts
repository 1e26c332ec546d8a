import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { PatientEvaluationChannel } from "./evaluation.enums";

/** One patient's evaluation of the care received. */
@Entity("patient_evaluation")
@Index(["hospitalCode", "evaluatedOn", "channel"])
@ObjectType({ description: "One patient's evaluation of the care received." })
export class PatientEvaluation {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Record id." })
  id: number;

  @Column({ type: "varchar", length: 20, name: "hospital_code" })
  @Field(() => ID, { description: "Code of the hospital evaluated." })
  hospitalCode: string;

  @Column({ type: "date", name: "evaluated_on" })
  @Field(() => DateScalar, { description: "Day of the evaluation." })
  evaluatedOn: string;

  @Column({ type: "varchar", length: 8 })
  @Field(() => PatientEvaluationChannel, { description: "How the evaluation was given." })
  channel: PatientEvaluationChannel;

  @Column({ type: "boolean" })
  @Field({ description: "True when the patient said they were satisfied." })
  satisfied: boolean;

  @Column({ type: "varchar", length: 40, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "Department evaluated; null when the evaluation is of the whole hospital.",
  })
  department: string | null;

  @Column({ type: "integer", nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: "Score from 1 (very dissatisfied) to 5 (very satisfied); null when not given.",
  })
  score: number | null;
}
