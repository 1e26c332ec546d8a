import { Authorized, Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { IDENTITY_READERS, LABOR_RECORD_READERS } from "../access";
import { RetirementCategory } from "../retirement-age/retirement-age.enums";
import { EducationLevel, EmploymentStatus, Gender, HousingStatus } from "./citizen.enums";

/** A resident, as registered with the labor-security department (the owner of `Citizen`). */
@Entity("citizen")
@Directive('@key(fields: "idNumber")')
@ObjectType({ description: "A resident. Identity is owned by labor security; every department adds its own fields." })
export class Citizen {
  @PrimaryColumn({ type: "varchar", length: 18, name: "id_number" })
  @Authorized(IDENTITY_READERS)
  @Field(() => ID, {
    description:
      "18-character identity number (GB 11643-1999): resident ID, Hong Kong/Macao/Taiwan residence permit (81/82/83) or 2023 foreigner's permanent residence card (9).",
  })
  idNumber: string;

  @Column({ type: "varchar", length: 50 })
  @Authorized(IDENTITY_READERS)
  @Field({ description: "Full name." })
  name: string;

  @Column({ type: "varchar", length: 6 })
  @Authorized(IDENTITY_READERS)
  @Field(() => Gender, { description: "Gender, derived from the ID number." })
  gender: Gender;

  @Column({ type: "date", name: "birth_date" })
  @Authorized(IDENTITY_READERS)
  @Field(() => DateScalar, { description: "Date of birth, derived from the ID number." })
  birthDate: string;

  @Index()
  @Column({ type: "varchar", length: 60, nullable: true })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => String, { nullable: true, description: "Community (社区) of residence." })
  community: string | null;

  @Column({ type: "varchar", length: 200, nullable: true })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => String, { nullable: true, description: "Residential address." })
  address: string | null;

  @Column({ type: "varchar", length: 20, name: "education_level", nullable: true })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => EducationLevel, { nullable: true, description: "Highest completed education." })
  educationLevel: EducationLevel | null;

  @Column({ type: "varchar", length: 20, name: "housing_status", nullable: true })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => HousingStatus, { nullable: true, description: "Housing situation." })
  housingStatus: HousingStatus | null;

  @Index()
  @Column({ type: "varchar", length: 40, nullable: true })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => String, {
    nullable: true,
    description: "Household register number (户号); members of one household share it.",
  })
  household: string | null;

  @Index()
  @Column({ type: "varchar", length: 20, name: "employment_status", default: EmploymentStatus.NOT_REGISTERED })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => EmploymentStatus, { description: "Current labor-market status." })
  employmentStatus: EmploymentStatus;

  @Column({ type: "varchar", length: 10, name: "retirement_category", nullable: true })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => RetirementCategory, {
    nullable: true,
    description: "Post category for the retirement age (WORKER/CADRE); null: not recorded (women then follow WORKER).",
  })
  retirementCategory: RetirementCategory | null;

  @Column({ type: "varchar", length: 32, name: "registered_at" })
  registeredAt: string;
}
