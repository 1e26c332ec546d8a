import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Gender } from "../citizen/citizen.enums";
import { RetirementCategory } from "./retirement-age.enums";

/**
 * One of the statutory retirement age tables of the decision of 2024-09-13. Rows are seeded by
 * migration and changed only through the audited `updateRetirementAgeRule`. Public: it is law.
 */
@Entity("retirement_age_rule")
@ObjectType({ description: "A statutory retirement age table (渐进式延迟法定退休年龄), public law." })
export class RetirementAgeRule {
  @PrimaryColumn({ type: "varchar", length: 20 })
  @Field({ description: "Rule code: MALE, FEMALE_CADRE or FEMALE_WORKER." })
  code: string;

  @Column({ type: "varchar", length: 6 })
  @Field(() => Gender, { description: "Whom the rule applies to." })
  gender: Gender;

  @Column({ type: "varchar", length: 10, nullable: true })
  @Field(() => RetirementCategory, { nullable: true, description: "Post category; null: every category (men)." })
  category: RetirementCategory | null;

  @Column({ type: "integer", name: "original_age_years" })
  @Field(() => Int, {
    description: "Statutory age before the reform, years; flexible early retirement never goes below it.",
  })
  originalAgeYears: number;

  @Column({ type: "varchar", length: 7, name: "start_birth_month" })
  @Field({ description: "First birth month (YYYY-MM) whose retirement age is raised." })
  startBirthMonth: string;

  @Column({ type: "integer", name: "step_birth_months" })
  @Field(() => Int, { description: "The age rises one month for every this many months of birth." })
  stepBirthMonths: number;

  @Column({ type: "integer", name: "target_age_years" })
  @Field(() => Int, { description: "Age at which the rise stops, years." })
  targetAgeYears: number;

  @Column({ type: "integer", name: "max_early_months" })
  @Field(() => Int, { description: "Flexible early retirement: at most this many months before the statutory date." })
  maxEarlyMonths: number;

  @Column({ type: "integer", name: "max_delay_months" })
  @Field(() => Int, { description: "Flexible delay: at most this many months after the statutory date." })
  maxDelayMonths: number;

  @Column({ type: "varchar", length: 500 })
  @Field({ description: "The legal source of these parameters." })
  source: string;

  @Column({ type: "varchar", length: 32, name: "updated_at" })
  @Field({ description: "When the row was last set (ISO 8601): the migration's seed or an update." })
  updatedAt: string;
}

/** A statutory retirement age in years and months (60 years 5 months). */
@ObjectType({ description: "An age in whole years and months." })
export class AgeInYearsAndMonths {
  @Field(() => Int, { description: "Whole years." })
  years: number;

  @Field(() => Int, { description: "Months beyond the whole years, 0-11." })
  months: number;
}
