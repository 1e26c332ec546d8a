import { Authorized, Field, Float, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { bigintTransformer, fenToYuan } from "@onewindow/platform";
import { LABOR_RECORD_READERS } from "../access";
import { JobPosting } from "../job-posting/job-posting.entity";
import { Availability } from "./job-seeker.enums";

/** What a registered job seeker offers and looks for (求职登记), kept by the street centre. */
@Entity("job_seeker_profile")
@ObjectType({ description: "A job seeker's profile: skills, wishes and availability. Education is the citizen's." })
export class JobSeekerProfile {
  @PrimaryColumn({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Column({ type: "simple-json" })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => [String], { description: "Skills and certificates, as tags (电工证, 叉车证 …)." })
  skills: string[];

  @Column({ type: "simple-json", name: "desired_industries" })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => [String], { description: "Industries the person would like to work in (an employer's industry)." })
  desiredIndustries: string[];

  @Column({ type: "bigint", name: "desired_min_salary_fen", nullable: true, transformer: bigintTransformer })
  desiredMinSalaryFen: number | null;

  @Authorized(LABOR_RECORD_READERS)
  @Field(() => Float, { nullable: true, description: "Lowest monthly salary wished for, yuan; null: none stated." })
  get desiredMinSalary(): number | null {
    return this.desiredMinSalaryFen === null ? null : fenToYuan(this.desiredMinSalaryFen);
  }

  @Column({ type: "simple-json", name: "preferred_districts" })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => [String], { description: "Districts the person would like to work in." })
  preferredDistricts: string[];

  @Column({ type: "varchar", length: 20 })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => Availability, { description: "When the person can start." })
  availability: Availability;

  @Column({ type: "varchar", length: 32, name: "updated_at" })
  @Authorized(LABOR_RECORD_READERS)
  @Field({ description: "When the profile was last changed (ISO time)." })
  updatedAt: string;
}

/** An open posting ranked for one person, with what a clerk reads aloud. */
@ObjectType({ description: "An open job posting that suits a job seeker, with its score and the reasons." })
export class JobMatch {
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => JobPosting, { description: "The posting." })
  posting: JobPosting;

  @Authorized(LABOR_RECORD_READERS)
  @Field(() => Float, { description: "How well it suits the person, 0..1 (skills 0.5, salary 0.3, industry 0.2)." })
  score: number;

  @Authorized(LABOR_RECORD_READERS)
  @Field(() => [String], { description: "Why it suits, in Chinese sentences a clerk reads aloud." })
  reasons: string[];
}
