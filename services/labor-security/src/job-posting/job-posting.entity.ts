import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { bigintTransformer, DateScalar, fenToYuan } from "@onewindow/platform";
import { EducationLevel } from "../citizen/citizen.enums";
import { GenderRequirementGround } from "./job-posting.enums";

export enum GenderRequirement {
  ANY = "ANY",
  MALE = "MALE",
  FEMALE = "FEMALE",
}
registerEnumType(GenderRequirement, {
  name: "GenderRequirement",
  description:
    "Gender the employer asks for, if any. MALE only with a listed ground (女职工禁忌从事的劳动范围); never FEMALE only.",
});

/** A vacancy on the job board (the LED job-information screen in the hall). */
@Entity("job_posting")
@Index(["publishedOn", "id"])
@ObjectType({ description: "A job posting on the public job board." })
export class JobPosting {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Posting id." })
  id: number;

  @Index()
  @Column({ type: "varchar", length: 18, name: "credit_code" })
  creditCode: string;

  @Column({ type: "varchar", length: 100 })
  @Field({ description: "Job title." })
  title: string;

  @Column({ type: "varchar", length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: "Requirements (skills, certificates, experience)." })
  requirements: string | null;

  /**
   * The gender as stored. Postings made before grounds were required may hold MALE or FEMALE
   * without one; they are kept as written (the record), but the board shows them as ANY.
   */
  @Column({ type: "varchar", length: 6, name: "gender_requirement", default: GenderRequirement.ANY })
  genderRequirement: GenderRequirement;

  @Column({ type: "varchar", length: 40, name: "gender_requirement_ground", nullable: true })
  @Field(() => GenderRequirementGround, {
    nullable: true,
    description: "The listed work forbidden to women that justifies a MALE requirement; null: no requirement.",
  })
  genderRequirementGround: GenderRequirementGround | null;

  // 就业促进法 第二十七条: the board never shows a gender requirement without its lawful ground.
  @Field(() => GenderRequirement, {
    name: "genderRequirement",
    description: "Gender asked for: MALE only with its genderRequirementGround, otherwise ANY.",
  })
  get shownGenderRequirement(): GenderRequirement {
    return this.genderRequirementGround ? this.genderRequirement : GenderRequirement.ANY;
  }

  @Column({ type: "integer", name: "min_age", nullable: true })
  @Field(() => Int, { nullable: true, description: "Youngest accepted age." })
  minAge: number | null;

  @Column({ type: "integer", name: "max_age", nullable: true })
  @Field(() => Int, { nullable: true, description: "Oldest accepted age." })
  maxAge: number | null;

  @Column({ type: "bigint", name: "salary_min_fen", transformer: bigintTransformer })
  salaryMinFen: number;

  @Column({ type: "bigint", name: "salary_max_fen", transformer: bigintTransformer })
  salaryMaxFen: number;

  @Field({ description: "Lowest monthly salary offered, yuan." })
  get salaryMin(): number {
    return fenToYuan(this.salaryMinFen);
  }

  @Field({ description: "Highest monthly salary offered, yuan." })
  get salaryMax(): number {
    return fenToYuan(this.salaryMaxFen);
  }

  @Column({ type: "varchar", length: 20, name: "min_education", nullable: true })
  @Field(() => EducationLevel, { nullable: true, description: "Lowest education accepted; null: none." })
  minEducation: EducationLevel | null;

  @Column({ type: "integer" })
  @Field(() => Int, { description: "Number of open positions." })
  vacancies: number;

  @Column({ type: "date", name: "published_on" })
  @Field(() => DateScalar, { description: "Day the posting was published." })
  publishedOn: string;

  @Index()
  @Column({ type: "date", name: "expires_on", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Last day the posting is open; null: until withdrawn." })
  expiresOn: string | null;
}
