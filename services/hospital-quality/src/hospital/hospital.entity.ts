import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { HospitalGrade, HospitalLevel } from "./hospital.enums";

/** A hospital, as registered with the hospital-quality department (the owner of `Hospital`). */
@Entity("hospital")
@Directive('@key(fields: "code")')
@ObjectType({ description: "A hospital whose care quality the health department follows. Owned by hospital quality." })
export class Hospital {
  @PrimaryColumn({ type: "varchar", length: 20 })
  @Field(() => ID, { description: "Hospital code, e.g. JD001 (upper-case letters, digits and dashes)." })
  code: string;

  @Column({ type: "varchar", length: 100 })
  @Field({ description: "Full name, e.g. 建德市第一人民医院." })
  name: string;

  @Column({ type: "varchar", length: 10, nullable: true })
  @Field(() => HospitalLevel, {
    nullable: true,
    description: "Level in the national grading system; null when not graded.",
  })
  level: HospitalLevel | null;

  @Column({ type: "varchar", length: 1, nullable: true })
  @Field(() => HospitalGrade, { nullable: true, description: "Grade within the level; null when not graded." })
  grade: HospitalGrade | null;

  @Column({ type: "varchar", length: 32, name: "registered_at" })
  registeredAt: string;
}
